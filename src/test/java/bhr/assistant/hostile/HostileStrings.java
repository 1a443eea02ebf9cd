package bhr.assistant.hostile;

import java.util.List;
import java.util.Random;

/**
 * Generates random and hostile strings from a fixed seed, so a failure reproduces: Lucene syntax, control and
 * zero-width characters, emoji, right-to-left text, very long tokens, markup, template and JNDI strings, mixed
 * with random code points from the whole Unicode range (including lone surrogates).
 */
final class HostileStrings {

    static final List<String> FRAGMENTS = List.of(
            "AND (", "OR", "NOT", "title:", "body_id:*", "*", "?", "~2", "^10", "\"", "\\", "[1 TO 5]", "{!lucene}", "+-&&||!(){}[]^\"~*?:\\/",
            "<script>alert(1)</script>", "<b>", "&amp;", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "%s%n%x", "'; DROP TABLE x; --",
            "\u0000", "\u200b", "\u202e", "\ufeff", "\r\n", "\t", "\ud800", "🙂", "👍🏽", "שלום", "مرحبا", "中文", "ñ", "İ",
            "uji tuntas", "HAM", "perpres 60/2023", "pasal 7", "gmn", "utk umkm", "prinsip 31", "a".repeat(10_000), "2".repeat(300));

    private final Random random;

    HostileStrings(long seed) {
        this.random = new Random(seed);
    }

    String next() {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            if (random.nextBoolean()) {
                text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            } else {
                int length = 1 + random.nextInt(40);
                for (int c = 0; c < length; c++) {
                    text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000) : 0x20 + random.nextInt(0x250));
                }
            }
            text.append(' ');
        }
        return text.toString();
    }
}
