package bhr.assistant.kb;

import java.util.List;
import java.util.Map;

/**
 * What a parser found in one file: the metadata the file carries itself (front matter, HTML title, PDF info)
 * and its sections in reading order.
 */
public record ParsedContent(Map<String, String> embeddedMetadata, List<Section> sections) {

    public ParsedContent {
        embeddedMetadata = Map.copyOf(embeddedMetadata);
        sections = List.copyOf(sections);
    }
}
