package bhr.assistant.text;

import java.util.regex.Pattern;

/**
 * Words that make a statement time-sensitive: it says what is so now, or not yet, so it can change, and needs the
 * date it was true on. "per" counts only before a month, "awal/akhir" or a year ("per Februari 2026"), not in "per
 * tahun"; "sedang" only as "is being" ("sedang disusun"), not as "medium" ("risiko sedang"). The knowledge-base check
 * requires a "Per:" date on passages with such words; an answer quoting one from long ago says when it was true.
 */
public final class TimeSensitive {

    public static final Pattern MARKER = Pattern.compile("\\b(saat ini|masih|belum|kini|terbaru|sekarang|sedang (?:di|me|ber|dalam)\\w*|"
            + "hingga kini|sampai kini|currently|still|not yet|as of|now|latest|pending|"
            + "per (januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|awal|akhir|pertengahan) ?\\d{0,4}|"
            + "per \\d{4}|as at)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private TimeSensitive() {
    }

    public static boolean statement(String text) {
        return MARKER.matcher(text).find();
    }
}
