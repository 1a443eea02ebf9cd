package bhr.assistant.telegram;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.Citation;
import bhr.assistant.chat.CitedVersions;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Source;
import bhr.assistant.search.PassageHit;

import java.util.ArrayList;
import java.util.List;

/** Turns answers, quotes and listings into Telegram HTML messages, escaped and split. */
final class AnswerRenderer {

    /**
     * How a list of passages is laid out.
     *
     * @param firstNumber  the number of the first item: a later page goes on counting
     * @param snippetChars the longest snippet
     * @param fullSection  the whole heading path, or only the passage's own heading (for lists kept short)
     */
    record Listing(int firstNumber, int snippetChars, boolean fullSection) {

        static final Listing FULL = new Listing(1, 220, true);

        /** A page of five of these shows about 1,300 characters. */
        static Listing brief(int firstNumber) {
            return new Listing(firstNumber, 150, false);
        }
    }

    private AnswerRenderer() {
    }

    /** The answer with its [n] markers, then the sources as links with their sections. */
    static List<String> answer(Answer answer, TelegramMessages messages) {
        return answer(answer, messages, null);
    }

    /** @param lead a line in italics before the answer (what it answers), or null */
    static List<String> answer(Answer answer, TelegramMessages messages, String lead) {
        List<String> paragraphs = new ArrayList<>();
        if (lead != null) {
            paragraphs.add(TelegramHtml.italic(lead));
        }
        paragraphs.add(TelegramHtml.escape(answer.answer()));
        if (!answer.citations().isEmpty()) {
            StringBuilder sources = new StringBuilder(TelegramHtml.bold(messages.get("sourcesTitle") + ":"));
            for (Citation citation : answer.citations()) {
                sources.append('\n').append(citationLine(citation, messages));
            }
            paragraphs.add(sources.toString());
        }
        return TelegramHtml.split(paragraphs, TelegramHtml.MAX_MESSAGE);
    }

    static String citationLine(Citation citation, TelegramMessages messages) {
        StringBuilder line = new StringBuilder("[").append(citation.n()).append("] ")
                .append(TelegramHtml.link(citation.url(), citation.title()));
        if (!citation.section().isBlank()) {
            line.append(" — ").append(TelegramHtml.italic(citation.section()));
        }
        if (messages.has("status." + citation.status())) {
            line.append(" (").append(TelegramHtml.escape(messages.get("status." + citation.status()))).append(')');
        }
        // The passage's own sources, where its statements are written: the official text a civil servant cites.
        List<String> sources = new ArrayList<>();
        for (Source source : citation.sources().subList(0, Math.min(MAX_SOURCES_SHOWN, citation.sources().size()))) {
            String described = source.publisher().isEmpty() ? "" : ", " + source.publisher();
            described += source.date().isEmpty() ? "" : ", " + source.date();
            sources.add(TelegramHtml.link(source.url(), source.title()) + TelegramHtml.escape(described));
        }
        if (!sources.isEmpty()) {
            line.append("\n    ↳ ").append(String.join("; ", sources));
        }
        return line.toString();
    }

    /** A citation lists at most this many of its passage's sources; the web page and the API have them all. */
    private static final int MAX_SOURCES_SHOWN = 2;

    /**
     * Every citation with its quoted passage; a citation whose document has since been replaced or deleted says
     * so instead of showing the old text.
     *
     * @param freshness by document id; a document not in it counts as deleted
     */
    static List<String> quotes(Answer answer, java.util.Map<String, CitedVersions.Freshness> freshness, TelegramMessages messages) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(TelegramHtml.bold(messages.get("quotesTitle", answer.question())));
        for (Citation citation : answer.citations()) {
            String quote = switch (freshness.getOrDefault(citation.documentId(), CitedVersions.Freshness.DELETED)) {
                case CURRENT -> "<blockquote>" + TelegramHtml.escape(citation.quote()) + "</blockquote>";
                case REPLACED -> TelegramHtml.italic(messages.get("quoteReplaced"));
                case DELETED -> TelegramHtml.italic(messages.get("quoteDeleted"));
            };
            paragraphs.add(citationLine(citation, messages) + "\n" + quote);
        }
        return TelegramHtml.split(paragraphs, TelegramHtml.MAX_MESSAGE);
    }

    /** Passages as a list: title, section, a snippet and the link. */
    static List<String> passages(String title, List<PassageHit> hits, TelegramMessages messages) {
        return passages(title, hits, messages, Listing.FULL);
    }

    static List<String> passages(String title, List<PassageHit> hits, TelegramMessages messages, Listing listing) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(TelegramHtml.bold(title));
        int n = listing.firstNumber();
        for (PassageHit hit : hits) {
            List<String> headings = hit.passage().headingPath();
            String section = listing.fullSection() || headings.isEmpty() ? hit.passage().sectionLabel() : headings.get(headings.size() - 1);
            StringBuilder item = new StringBuilder().append(n++).append(". ")
                    .append(TelegramHtml.link(hit.document().url(), hit.document().title()));
            if (!section.isBlank()) {
                item.append(" — ").append(TelegramHtml.italic(section));
            }
            item.append('\n').append(TelegramHtml.escape(snippet(hit, listing.snippetChars())));
            paragraphs.add(item.toString());
        }
        return TelegramHtml.split(paragraphs, TelegramHtml.MAX_MESSAGE);
    }

    static List<String> documents(List<KnowledgeDocument> documents, TelegramMessages messages) {
        List<String> lines = new ArrayList<>();
        lines.add(TelegramHtml.bold(messages.get("documentsTitle")));
        StringBuilder list = new StringBuilder();
        for (KnowledgeDocument document : documents) {
            if (list.length() > 0) {
                list.append('\n');
            }
            list.append("• ").append(TelegramHtml.link(document.metadata().url(), document.metadata().title()))
                    .append(" (").append(TelegramHtml.escape(statusWord(document.metadata().status(), messages)));
            if (!document.metadata().reviewed().isBlank()) {
                list.append(", ").append(TelegramHtml.escape(messages.get("docReviewed", document.metadata().reviewed())));
            }
            list.append(')');
        }
        lines.add(list.toString());
        return TelegramHtml.split(lines, TelegramHtml.MAX_MESSAGE);
    }

    /** The status in the user's words; a status this version has no words for yet is shown as the document gives it. */
    private static String statusWord(String status, TelegramMessages messages) {
        return messages.has("docStatus." + status) ? messages.get("docStatus." + status) : status;
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
