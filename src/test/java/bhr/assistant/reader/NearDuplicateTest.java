package bhr.assistant.reader;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader drops a supporting sentence that repeats one already chosen, as FAQ and module often do. */
class NearDuplicateTest {

    @Test
    void a_sentence_is_its_own_near_duplicate_whatever_its_case() {
        Random random = new Random(11);
        String alphabet = " ,.-abcdeABCDE019";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sentence = new StringBuilder();
            for (int c = random.nextInt(20); c > 0; c--) {
                sentence.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int[] words = Reader.words(sentence.toString());
            assertEquals(words.length == 0 ? 0.0 : 1.0, Reader.similarity(words, Reader.words(sentence.toString().toUpperCase())), sentence.toString());
        }
    }

    @Test
    void sentences_sharing_a_third_of_their_words_are_not_near_duplicates() {
        double similarity = Reader.similarity(Reader.words("Pekerja berhak atas cuti haid"),
                Reader.words("Pekerja berhak atas upah lembur dan istirahat"));
        assertEquals(3.0 / 9.0, similarity, 1e-9);
        assertTrue(similarity < 0.6);
    }
}
