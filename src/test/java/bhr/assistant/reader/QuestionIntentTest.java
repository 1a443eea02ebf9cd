package bhr.assistant.reader;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuestionIntentTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Apa itu PRISMA?|DEFINITION",
            "prisma itu apa sih|DEFINITION",
            "What is human rights due diligence?|DEFINITION",
            "kapan stranas bham ditetapkan|DATE",
            "When were the UNGPs endorsed?|DATE",
            "Berapa kali pemerintah daerah harus melaporkan Aksi HAM?|NUMBER",
            "brp persen iuran jht|NUMBER",
            "how many principles do the UNGPs have|NUMBER",
            "Siapa yang memimpin GTN BHAM?|PERSON",
            "pekerja sy dilecehkan atasan, lapor kemana?|PERSON",
            "Where can workers complain?|PERSON",
            "Apakah PRISMA wajib bagi perusahaan?|YES_NO",
            "sy punya pabrik 50 karyawan, wajib prisma gak|YES_NO",
            "Do the UNGPs apply to small companies?|YES_NO",
            "Bagaimana cara mengadu ke Komnas HAM?|HOW",
            "gmn cara mulai uji tuntas ham|HOW",
            "Apa saja kewajiban pemerintah daerah?|LIST",
            "apa kewajiban pelaku usaha menurut perpres 60/2023|LIST",
            "What are the three pillars of the UNGPs?|LIST",
            "Mengapa perusahaan perlu uji tuntas HAM?|REASON",
            "pasal 66 UU 32/2009|OTHER",
    })
    void the_question_words_tell_what_kind_of_answer_is_asked_for(String question, QuestionIntent expected) {
        assertEquals(expected, QuestionIntent.of(question));
    }
}
