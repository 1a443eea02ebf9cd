package bhr.assistant.telegram;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.User;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTextTest {

    private final BotIdentity bot = identity();

    @Test
    void a_mention_counts_only_when_its_entity_is_the_bots_username_in_any_case() {
        assertTrue(text("@BHR_test_bot apa itu PRISMA?", entity("mention", 0, 13)).mentions(bot));
        assertFalse(text("@bhr_test_bot_old apa itu PRISMA?", entity("mention", 0, 17)).mentions(bot));
        assertFalse(text("tanya admin@bhr_test_bot.id", entity("email", 6, 21)).mentions(bot));
        assertFalse(text("@bhr_test_bot tanpa entitas").mentions(bot), "the text alone is never searched");
    }

    @Test
    void a_text_mention_of_the_bots_id_counts() {
        MessageEntity byId = entity("text_mention", 0, 7);
        byId.setUser(User.builder().id(FakeBotApi.BOT_ID).firstName("BHR").isBot(true).build());
        assertTrue(text("Asisten, apa itu PRISMA?", byId).mentions(bot));
    }

    @Test
    void the_question_is_the_text_without_the_bots_mentions() {
        MessageText text = text("apa itu @bhr_test_bot PRISMA? @other_user", entity("mention", 8, 13), entity("mention", 30, 11));
        assertEquals("apa itu PRISMA? @other_user", text.withoutMentionsOf(bot));
    }

    @Test
    void commands_come_from_the_bot_command_entity_with_their_target() {
        assertEquals(new MessageText.Command("help", "some_other_bot", ""), text("/help@some_other_bot", entity("bot_command", 0, 20)).command().orElseThrow());
        assertEquals(new MessageText.Command("start", "", "apa_itu_prisma"), text("/Start apa_itu_prisma", entity("bot_command", 0, 6)).command().orElseThrow());
        assertTrue(text("lihat /help nanti", entity("bot_command", 6, 5)).command().isEmpty(), "a command inside a sentence is not a command");
        assertEquals("sumber", text("/sumber").command().orElseThrow().name(), "a message without entities still has its command");
    }

    @Test
    void entities_pointing_past_the_text_are_ignored() {
        assertFalse(text("@bhr", entity("mention", 0, 13)).mentions(bot));
        assertTrue(text("/x", entity("bot_command", 0, 9)).command().isEmpty());
    }

    private static MessageText text(String raw, MessageEntity... entities) {
        return new MessageText(raw, List.of(entities));
    }

    private static MessageEntity entity(String type, int offset, int length) {
        return new MessageEntity(type, offset, length);
    }

    private static BotIdentity identity() {
        BotIdentity identity = new BotIdentity(() -> {
            throw new IllegalStateException("not asked");
        });
        identity.set(User.builder().id(FakeBotApi.BOT_ID).firstName("BHR").isBot(true).userName(FakeBotApi.BOT_USERNAME).build());
        return identity;
    }
}
