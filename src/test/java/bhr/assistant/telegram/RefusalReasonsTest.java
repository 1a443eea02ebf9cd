package bhr.assistant.telegram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefusalReasonsTest {

    private final TelegramMessages indonesian = TelegramMessages.forLanguage("id");
    private final TelegramMessages english = TelegramMessages.forLanguage("en");

    @Test
    void the_checks_reasons_are_said_in_indonesian_with_their_details() {
        assertEquals("metadata tidak lengkap atau salah: kolom 'title' belum diisi; url 'x:y' tidak sah",
                RefusalReasons.say("invalid metadata: missing 'title'; malformed url 'x:y'", indonesian));
        assertEquals("halaman 3 dari 1.200 PDF tidak dapat dibaca; berkasnya rusak",
                RefusalReasons.say("page 3 of 1200 of the PDF cannot be read (bad xref); the file is damaged", indonesian));
        assertEquals("sumber 'ohchr' di front matter tidak lengkap atau salah (perlu judul, penerbit, tanggal TTTT[-BB[-HH]] dan url https)",
                RefusalReasons.say("source 'ohchr' has url 'http://x': it must be an https address", indonesian));
    }

    @Test
    void english_admins_read_the_same_reasons_in_english() {
        assertEquals("invalid metadata: missing 'title'", RefusalReasons.say("invalid metadata: missing 'title'", english));
        assertEquals("page 3 of 1,200 of the PDF cannot be read; the file is damaged",
                RefusalReasons.say("page 3 of 1200 of the PDF cannot be read (bad xref); the file is damaged", english));
    }

    @Test
    void a_reason_not_known_here_is_shown_as_it_is() {
        assertEquals("something new went wrong", RefusalReasons.say("something new went wrong", indonesian));
    }
}
