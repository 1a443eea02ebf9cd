package bhr.assistant.answer;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sentences from Markdown passages become clean lines of an answer. */
class SentenceCleaningTest {

    @Test
    void a_list_keeps_its_lead_in_one_item_a_line_with_bullets_unified() {
        assertEquals("Tiga muatan pokok:\n1. Kewajiban negara.\n2. Tanggung jawab  usaha.".replace("  ", " "),
                AnswerComposer.list("Tiga muatan   pokok:\n\n1. Kewajiban negara.\n2. Tanggung jawab\tusaha."));
        assertEquals("Langkahnya:\n- satu\n- dua", AnswerComposer.list("Langkahnya:\n• satu\n* dua"));
    }

    @Test
    void a_long_list_is_cut_after_eight_items() {
        StringBuilder block = new StringBuilder("Daftar:");
        for (int i = 1; i <= 12; i++) {
            block.append("\n- butir ").append(i);
        }
        String list = AnswerComposer.list(block.toString());
        assertTrue(list.contains("- butir 8\n- …"), list);
        assertTrue(!list.contains("butir 9"), list);
    }

    /** The loop that replaced a regex folds white space exactly as {@code \\s+} to one space, then strip, did. */
    @Test
    void white_space_folds_as_the_regex_did() {
        Pattern whiteSpace = Pattern.compile("\\s+");
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String text = randomText(random, " \t\n\r\f\u000B\u00A0\u2003ab.");
            assertEquals(whiteSpace.matcher(text).replaceAll(" ").strip(), AnswerComposer.foldWhiteSpace(text), text);
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
