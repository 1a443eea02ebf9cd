package bhr.assistant.kb;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTML through jsoup, main content only: h1-h6 start sections; text comes from block elements in document order,
 * including text written straight into a {@code <div>} (or section, article...) between blocks. What a page
 * wraps around its content is dropped: navigation, asides, the page's own header and footer (those inside an
 * article or main belong to it and stay), and cookie or consent banners. When the page marks its main content
 * ({@code <main>}, {@code role="main"}, or a single {@code <article>}), only that is read.
 */
final class HtmlParser implements DocumentParser {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Blocks read whole: their text is one paragraph (a {@code <p>} inside an {@code <li>} is part of the item). */
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "li", "pre", "blockquote", "dt", "dd", "td", "th", "figcaption", "address");
    /** Elements whose text runs on within the surrounding paragraph. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font",
            "i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "br");
    private static final String NEVER_CONTENT = "script, style, noscript, template, iframe, svg, canvas, object, form, button, "
            + "nav, aside, dialog, [role=navigation], [role=complementary], [role=search], [role=dialog], [role=alertdialog], "
            + "[aria-hidden=true], [hidden]";
    /**
     * Cookie and consent banners, by the names sites and consent tools give them. "consent" alone is not enough:
     * free, prior and informed consent is a subject of this knowledge base, and a section may be named for it.
     */
    private static final Pattern BANNER = Pattern.compile("cookie|gdpr|onetrust|cookiebot|\\bcc-(window|banner)\\b|\\bqc-cmp"
            + "|consent[-_]?(banner|bar|notice|popup|modal|dialog|box|manager|wrapper|container|overlay)", Pattern.CASE_INSENSITIVE);

    @Override
    public ParsedContent parse(byte[] content) throws InvalidDocumentException {
        Document html;
        try {
            // jsoup honours a declared <meta charset> and falls back to UTF-8.
            html = Jsoup.parse(new ByteArrayInputStream(content), null, "");
        } catch (IOException e) {
            throw new InvalidDocumentException("not readable HTML: " + e.getMessage(), e);
        }
        Map<String, String> metadata = metadata(html);
        html.select(NEVER_CONTENT).remove();
        for (Element wrapper : html.select("header, footer, [role=banner], [role=contentinfo]")) {
            if (wrapper.closest("article, main, [role=main]") == null) {
                wrapper.remove();
            }
        }
        html.getAllElements().stream()
                .filter(element -> element != html.body() && BANNER.matcher(element.id() + " " + element.className()).find())
                .toList().forEach(Element::remove);
        SectionCollector collector = new SectionCollector();
        read(mainContent(html), collector);
        return new ParsedContent(metadata, collector.finish());
    }

    private static Element mainContent(Document html) {
        Element main = html.selectFirst("main, [role=main]");
        if (main != null) {
            return main;
        }
        var articles = html.body().select("article");
        return articles.size() == 1 ? articles.first() : html.body();
    }

    /** Reads a container's children in order: blocks as they are, loose text and inline elements as paragraphs. */
    private static void read(Element container, SectionCollector collector) {
        StringBuilder loose = new StringBuilder();
        for (Node node : container.childNodes()) {
            if (node instanceof TextNode text) {
                loose.append(text.text());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (INLINE.contains(tag)) {
                    loose.append(tag.equals("br") ? " " : element.text());
                    continue;
                }
                flush(loose, collector);
                if (HEADINGS.contains(tag)) {
                    collector.heading(tag.charAt(1) - '0', element.text());
                } else if (TEXT_BLOCKS.contains(tag)) {
                    collector.paragraph(element.wholeText().isBlank() ? "" : element.text());
                } else {
                    read(element, collector); // div, section, article, ul, table, ...: whatever they hold, in order
                }
            }
        }
        flush(loose, collector);
    }

    private static void flush(StringBuilder loose, SectionCollector collector) {
        String text = loose.toString().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
            collector.paragraph(text);
        }
        loose.setLength(0);
    }

    private static Map<String, String> metadata(Document html) {
        Map<String, String> metadata = new HashMap<>();
        if (!html.title().isBlank()) {
            metadata.put("title", html.title().strip());
        }
        Element canonical = html.selectFirst("link[rel=canonical][href]");
        if (canonical != null) {
            metadata.put("url", canonical.attr("abs:href").isEmpty() ? canonical.attr("href") : canonical.attr("abs:href"));
        }
        String lang = html.selectFirst("html") == null ? "" : html.selectFirst("html").attr("lang").toLowerCase(Locale.ROOT);
        if (lang.startsWith("id") || lang.startsWith("en")) {
            metadata.put("language", lang.substring(0, 2));
        }
        return metadata;
    }
}
