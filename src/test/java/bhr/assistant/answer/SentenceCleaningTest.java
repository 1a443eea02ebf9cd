package bhr.assistant.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sentences from Markdown passages become one clean line of an answer. */
class SentenceCleaningTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // the sentence breaker ends a list's lead-in after the first item's number
            "Perpres 60/2023 memuat tiga muatan pokok:\\n1.|Perpres 60/2023 memuat tiga muatan pokok:",
            "Langkahnya sebagai berikut:\\n - |Langkahnya sebagai berikut:",
            // a number ending a sentence on its own line is part of it
            "GTD dibentuk menurut Pasal 7.|GTD dibentuk menurut Pasal 7.",
            "Lihat UU 13/2003 Pasal 81 ayat 2.|Lihat UU 13/2003 Pasal 81 ayat 2.",
            "- Pekerja berhak atas cuti haid.|Pekerja berhak atas cuti haid.",
            "2. Perusahaan menilai risiko\\nsecara berkala.|Perusahaan menilai risiko secara berkala.",
            "  * Tanpa baris baru,   spasi  ganda.|Tanpa baris baru, spasi ganda.",
            "12) Butir bernomor 12|Butir bernomor 12",
            "Bukan butir: 3. di tengah - kalimat.|Bukan butir: 3. di tengah - kalimat.",
    })
    void one_clean_line(String sentence, String expected) {
        assertEquals(expected, AnswerComposer.clean(sentence.replace("\\n", "\n")));
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

    @Test
    void a_sentence_is_its_own_near_duplicate_whatever_its_case() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            String sentence = randomText(random, " ,.-abcdeABCDE019");
            int[] words = AnswerComposer.words(sentence);
            assertEquals(words.length == 0 ? 0.0 : 1.0, AnswerComposer.similarity(words, AnswerComposer.words(sentence.toUpperCase())), sentence);
        }
    }

    @Test
    void sentences_sharing_a_third_of_their_words_are_not_near_duplicates() {
        double similarity = AnswerComposer.similarity(AnswerComposer.words("Pekerja berhak atas cuti haid"),
                AnswerComposer.words("Pekerja berhak atas upah lembur dan istirahat"));
        assertEquals(3.0 / 9.0, similarity, 1e-9);
        assertTrue(similarity < 0.6);
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
