package bhr.assistant.kb;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** HTML through jsoup: h1-h6 start sections; text comes from block elements in document order. */
final class HtmlParser implements DocumentParser {

    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, dt, dd, td, th, figcaption";
    private static final Set<String> BLOCK_TAGS = Set.of(BLOCKS.split(",\\s*"));

    @Override
    public ParsedContent parse(byte[] content) throws InvalidDocumentException {
        Document html;
        try {
            // jsoup honours a declared <meta charset> and falls back to UTF-8.
            html = Jsoup.parse(new ByteArrayInputStream(content), null, "");
        } catch (IOException e) {
            throw new InvalidDocumentException("not readable HTML: " + e.getMessage(), e);
        }
        html.select("script, style, noscript, template, nav, header > nav, footer, iframe, svg").remove();
        SectionCollector collector = new SectionCollector();
        for (Element element : html.body().select(BLOCKS)) {
            if (hasBlockAncestor(element)) {
                continue; // its text is already part of the enclosing block (e.g. a <p> inside an <li>)
            }
            String tag = element.normalName();
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                collector.heading(tag.charAt(1) - '0', element.text());
            } else {
                collector.paragraph(element.wholeText().isBlank() ? "" : element.text());
            }
        }
        Map<String, String> metadata = new HashMap<>();
        if (!html.title().isBlank()) {
            metadata.put("title", html.title().strip());
        }
        Element canonical = html.selectFirst("link[rel=canonical][href]");
        if (canonical != null) {
            metadata.put("url", canonical.attr("abs:href").isEmpty() ? canonical.attr("href") : canonical.attr("abs:href"));
        }
        String lang = html.selectFirst("html") == null ? "" : html.selectFirst("html").attr("lang");
        if (lang.toLowerCase().startsWith("id") || lang.toLowerCase().startsWith("en")) {
            metadata.put("language", lang.substring(0, 2).toLowerCase());
        }
        return new ParsedContent(metadata, collector.finish());
    }

    private static boolean hasBlockAncestor(Element element) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (BLOCK_TAGS.contains(parent.normalName())) {
                return true;
            }
        }
        return false;
    }
}
