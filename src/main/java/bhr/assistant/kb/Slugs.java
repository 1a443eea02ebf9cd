package bhr.assistant.kb;

import java.text.Normalizer;
import java.util.Locale;

/** URL- and id-safe slugs of headings: "BAB III Gugus Tugas" becomes "bab-iii-gugus-tugas". */
final class Slugs {

    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "bagian" : slug;
    }
}
