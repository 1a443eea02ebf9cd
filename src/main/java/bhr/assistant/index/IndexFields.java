package bhr.assistant.index;

/**
 * Every Lucene field name, in one place. Text fields exist once per analysis language (suffix "_id" or "_en"),
 * because each passage is analysed with the analyzer of its document's language.
 */
public final class IndexFields {

    /**
     * Passage id, stored only: it maps Lucene documents back to passages. Everything else about a passage (its
     * document, language, actors) is read from the passage in memory, so it is not indexed.
     */
    public static final String ID = "id";
    /**
     * Heading and text as written, lower-cased but not stemmed: a word matching exactly (a name, "PRISMA",
     * "perusahaan" rather than anything stemmed to "usaha") is better evidence than a shared stem. One field for
     * both languages, since nothing here depends on the language: one clause per word instead of two (measured on
     * the valid splits: BHR MRR@10 0.920 -> 0.924, and a tenth less search time).
     */
    public static final String EXACT = "exact";

    private static final String TITLE = "title_";
    private static final String HEADING = "heading_";
    private static final String BODY = "body_";

    private IndexFields() {
    }

    /** Document title, analysed; every passage carries it so a question naming the document finds its passages. */
    public static String title(String language) {
        return TITLE + language;
    }

    /** Heading path, analysed: "Pasal 7" or "Uji tuntas HAM" in a heading is strong evidence. */
    public static String heading(String language) {
        return HEADING + language;
    }

    /** Passage text, analysed with positions (article-reference phrases); neither stored nor with offsets. */
    public static String body(String language) {
        return BODY + language;
    }
}
