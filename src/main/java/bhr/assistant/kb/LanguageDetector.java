package bhr.assistant.kb;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells English questions from Indonesian ones by their function words. Questions are short, so a full
 * language model is not worth it; ties and unknown words default to Indonesian, the main audience.
 */
public final class LanguageDetector {

    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Set<String> ENGLISH = Set.of(
            "the", "what", "how", "is", "are", "does", "do", "my", "our", "of", "to", "for", "in", "and", "which",
            "who", "when", "where", "why", "can", "should", "must", "a", "an", "human", "rights", "business",
            "company", "companies", "with", "about", "under", "their", "there", "this", "that", "be", "have", "has",
            "need", "required", "obligations", "workers", "complaint", "due", "diligence", "guiding", "principles", "you", "your",
            "good", "please", "hello", "hi", "thanks", "thank", "bye", "speak", "english", "i", "me", "am", "it", "not", "work",
            "employee", "employees", "worker", "law", "laws", "minimum", "wage", "wages", "leave", "pay", "salary", "if", "or",
            "from", "by", "will", "would", "any", "much", "many", "long");
    private static final Set<String> INDONESIAN = Set.of(
            "apa", "yang", "dan", "di", "ke", "dari", "untuk", "utk", "bagaimana", "gimana", "gmn", "siapa", "kapan",
            "apakah", "itu", "ini", "dengan", "saya", "kami", "perusahaan", "adalah", "bisa", "harus", "wajib", "yg",
            "tidak", "gak", "nggak", "ga", "dalam", "cara", "hak", "asasi", "manusia", "usaha", "pekerja", "berapa",
            "mengapa", "kenapa", "tentang", "oleh", "pada", "aturan", "peraturan", "pasal", "kewajiban", "uji", "tuntas");

    private LanguageDetector() {
    }

    public static String detect(String text) {
        int english = 0;
        int indonesian = 0;
        for (String word : NON_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
            if (ENGLISH.contains(word)) {
                english++;
            }
            if (INDONESIAN.contains(word)) {
                indonesian++;
            }
        }
        return english > indonesian ? "en" : "id";
    }
}
