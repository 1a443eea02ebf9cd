package bhr.assistant.kb;

/** Plain UTF-8 text, with an optional front matter; legal headings (BAB, Pasal) are recognised. */
final class PlainTextParser implements DocumentParser {

    @Override
    public ParsedContent parse(byte[] content) throws InvalidDocumentException {
        FrontMatter.Split split = FrontMatter.split(TextDecoding.utf8(content));
        SectionCollector collector = new SectionCollector(true);
        RegulationHeadings.collect(split.body().lines().toList(), collector);
        return new ParsedContent(split.metadata(), split.sources(), collector.finish());
    }
}
