package bhr.assistant.whatsapp;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.Citation;
import bhr.assistant.chat.ChatMessages;
import bhr.assistant.chat.CitedVersions;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Source;
import bhr.assistant.search.PassageHit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers, quotes and listings as WhatsApp paragraphs: the text as it is, titles in *bold*, sections in _italics_,
 * quotes as "> " lines, and each source's link as a plain URL on its own line (WhatsApp makes it tappable). The bot
 * packs the paragraphs into messages ({@link WhatsAppText#split}).
 */
final class WhatsAppRenderer {

    private WhatsAppRenderer() {
    }

    /** The answer's paragraphs with their [n] markers, then the sources. */
    static List<String> answer(Answer answer, ChatMessages ui) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : answer.answer().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(WhatsAppText.plain(paragraph.strip()));
            }
        }
        if (!answer.citations().isEmpty()) {
            StringBuilder sources = new StringBuilder(WhatsAppText.bold(ui.get("sourcesTitle") + ":"));
            for (Citation citation : answer.citations()) {
                sources.append('\n').append(citation(citation, ui));
            }
            paragraphs.add(sources.toString());
        }
        return paragraphs;
    }

    /** A citation lists at most this many of its passage's sources, as Telegram does; the web page and the API have them all. */
    private static final int MAX_SOURCES_SHOWN = 2;

    /**
     * "[n] Title — _section_ (status)" and the link on the next line; then the passage's own sources (where its
     * statements are written: the official text a civil servant cites), each "↳ title, publisher, date" and its link.
     */
    static String citation(Citation citation, ChatMessages ui) {
        StringBuilder line = new StringBuilder("[").append(citation.n()).append("] ").append(WhatsAppText.plain(citation.title()));
        if (!citation.section().isBlank()) {
            line.append(" — ").append(WhatsAppText.italic(citation.section()));
        }
        if (ui.has("status." + citation.status())) {
            line.append(" (").append(ui.get("status." + citation.status())).append(')');
        }
        withLink(line, citation.url());
        for (Source source : citation.sources().subList(0, Math.min(MAX_SOURCES_SHOWN, citation.sources().size()))) {
            line.append("\n↳ ").append(WhatsAppText.plain(source.title()));
            if (!source.publisher().isBlank()) {
                line.append(", ").append(WhatsAppText.plain(source.publisher()));
            }
            if (!source.date().isBlank()) {
                line.append(", ").append(source.date());
            }
            if (!source.url().equals(citation.url())) {
                withLink(line, source.url());
            }
        }
        return line.toString();
    }

    /** Every citation with its quoted passage; one whose document was replaced or deleted since says so instead. */
    static List<String> quotes(Answer answer, Map<String, CitedVersions.Freshness> freshness, ChatMessages ui) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(WhatsAppText.bold(ui.get("quotesTitle", answer.question())));
        for (Citation citation : answer.citations()) {
            String quote = switch (freshness.getOrDefault(citation.documentId(), CitedVersions.Freshness.DELETED)) {
                case CURRENT -> WhatsAppText.quote(citation.quote());
                case REPLACED -> WhatsAppText.italic(ui.get("quoteReplaced"));
                case DELETED -> WhatsAppText.italic(ui.get("quoteDeleted"));
            };
            paragraphs.add(citation(citation, ui) + "\n" + quote);
        }
        return paragraphs;
    }

    /**
     * Passages as a numbered list: title, section, a snippet and the link.
     *
     * @param firstNumber the number of the first item: a later page goes on counting
     */
    static List<String> passages(String title, List<PassageHit> hits, int firstNumber, int snippetChars) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(WhatsAppText.bold(title));
        int n = firstNumber;
        for (PassageHit hit : hits) {
            List<String> headings = hit.passage().headingPath();
            String section = headings.isEmpty() ? hit.passage().sectionLabel() : headings.get(headings.size() - 1);
            StringBuilder item = new StringBuilder().append(n++).append(". ").append(WhatsAppText.plain(hit.document().title()));
            if (!section.isBlank()) {
                item.append(" — ").append(WhatsAppText.italic(section));
            }
            item.append('\n').append(WhatsAppText.plain(snippet(hit, snippetChars)));
            paragraphs.add(withLink(item, hit.document().url()));
        }
        return paragraphs;
    }

    /** The source documents with their status and review date. */
    static List<String> documents(List<KnowledgeDocument> documents, ChatMessages ui) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(WhatsAppText.bold(ui.get("documentsTitle")));
        for (KnowledgeDocument document : documents) {
            String status = document.metadata().status();
            StringBuilder item = new StringBuilder("• ").append(WhatsAppText.plain(document.metadata().title()))
                    .append(" (").append(ui.has("docStatus." + status) ? ui.get("docStatus." + status) : WhatsAppText.plain(status));
            if (!document.metadata().reviewed().isBlank()) {
                item.append(", ").append(ui.get("docReviewed", document.metadata().reviewed()));
            }
            item.append(')');
            paragraphs.add(withLink(item, document.metadata().url()));
        }
        return paragraphs;
    }

    private static String withLink(StringBuilder text, String url) {
        if (url != null && !url.isBlank()) {
            text.append('\n').append(url.strip());
        }
        return text.toString();
    }

    private static String snippet(PassageHit hit, int chars) {
        String text = hit.sentences().isEmpty() ? hit.passage().text() : hit.sentences().get(0).text();
        text = text.replaceAll("\\s+", " ").strip();
        if (text.length() <= chars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', chars);
        return text.substring(0, cut > chars / 2 ? cut : chars) + "…";
    }
}
