package bhr.assistant.eval;

import java.util.List;
import java.util.Optional;

/**
 * A message as Telegram users send it that is not a question for the knowledge base (a greeting, thanks, "ok", an
 * emoji), or a real question wrapped in one ("halo, apa itu prisma?"), which must still be answered.
 *
 * @param category one of {@link #CATEGORIES}
 * @param language "id" or "en": the language a reply should be in (messages of symbols only: "id", the default)
 * @param split    valid (for tuning) or test (for reporting)
 * @param asks     for a wrapped question, the BHR evaluation question it asks, whose passages and fact apply
 */
public record SmallTalkMessage(String id, String text, String category, String language, String split, Optional<String> asks) {

    public static final List<String> CATEGORIES = List.of("greeting", "thanks", "ack", "about-bot", "chitchat", "symbols", "goodbye", "question");

    /** Whether this is a real question that must be answered, not small talk to be answered with a short reply. */
    public boolean isQuestion() {
        return category.equals("question");
    }
}
