package bhr.assistant.answer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    })
    void one_clean_line(String sentence, String expected) {
        assertEquals(expected, AnswerComposer.clean(sentence.replace("\\n", "\n")));
    }
}
