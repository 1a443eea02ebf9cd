package bhr.assistant.kb;

import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;


/** Markdown with an optional YAML front matter; every heading level starts a section. */
final class MarkdownParser implements DocumentParser {

    // Immutable and thread-safe once built (commonmark documents this), so one serves all files.
    private static final Parser PARSER = Parser.builder().build();

    @Override
    public ParsedContent parse(byte[] content) throws InvalidDocumentException {
        FrontMatter.Split split = FrontMatter.split(TextDecoding.utf8(content));
        SectionCollector collector = new SectionCollector(true);
        Node document = PARSER.parse(split.body());
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            String text = PlainText.of(block);
            if (block instanceof Heading heading) {
                collector.heading(heading.getLevel(), text);
            } else {
                collector.paragraph(text);
            }
        }
        return new ParsedContent(split.metadata(), split.sources(), collector.finish());
    }
}
