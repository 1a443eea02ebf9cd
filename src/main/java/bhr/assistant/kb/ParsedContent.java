package bhr.assistant.kb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a parser found in one file: the metadata the file carries itself (front matter, HTML title, PDF info),
 * the sources its front matter defines by key (KB-FORMAT.md; empty for other formats) and its sections in
 * reading order.
 */
public record ParsedContent(Map<String, String> embeddedMetadata, Map<String, Source> sources, List<Section> sections) {

    public ParsedContent {
        embeddedMetadata = Map.copyOf(embeddedMetadata);
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        sections = List.copyOf(sections);
    }

    /** Content of a format without a front matter: no sources to name. */
    public ParsedContent(Map<String, String> embeddedMetadata, List<Section> sections) {
        this(embeddedMetadata, Map.of(), sections);
    }
}
