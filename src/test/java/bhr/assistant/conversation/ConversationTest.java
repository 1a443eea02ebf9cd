package bhr.assistant.conversation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConversationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Selamat pagi|GREETING",
            "halooo kak|GREETING",
            "Assalamu'alaikum wr. wb.|GREETING",
            "good evening!|GREETING",
            "terima kasih banyak 🙏|THANKS",
            "makasih ya min|THANKS",
            "thanks a lot!|THANKS",
            "ok|ACK",
            "sipp 👌|ACK",
            "oh gitu ya|ACK",
            "bye|GOODBYE",
            "selamat malam, sampai besok|GOODBYE",
            "kamu siapa?|ABOUT_BOT",
            "what can you do?|ABOUT_BOT",
            "bisa bantu apa aja?|ABOUT_BOT",
            "lagi apa?|CHITCHAT",
            "wkwkwk|CHITCHAT",
            "how are you?|CHITCHAT",
            "?|SYMBOLS",
            "🙏🙏|SYMBOLS",
            "<b>!!!</b>|SYMBOLS",
    })
    void small_talk_is_told_from_questions(String message, SmallTalk expected) {
        assertEquals(Optional.of(expected), Conversation.read(message).smallTalk());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "halo, apa itu prisma?|apa itu prisma",
            "pagi kak, UMKM wajib uji tuntas HAM gak? makasih|UMKM wajib uji tuntas HAM gak",
            "hi bot, what is PRISMA? 🙏|what is PRISMA",
            "apa itu PRISMA 🙏|apa itu PRISMA",
            "apa itu *PRISMA*?|apa itu PRISMA",
            "kamu tahu PRISMA?|kamu tahu PRISMA",
            "bapak saya bekerja di pabrik, berapa upah lemburnya?|bapak saya bekerja di pabrik, berapa upah lemburnya",
            "berapa upah lembur malam|berapa upah lembur malam",
    })
    void a_question_keeps_its_words_without_the_greeting_thanks_emoji_and_markup(String message, String question) {
        Turn turn = Conversation.read(message);
        assertEquals(Optional.empty(), turn.smallTalk());
        assertEquals(question, turn.question());
    }

    @Test
    void small_talk_tells_its_language() {
        assertEquals(Optional.of("en"), Conversation.read("thank you very much").language());
        assertEquals(Optional.of("id"), Conversation.read("terima kasih banyak").language());
    }
}
