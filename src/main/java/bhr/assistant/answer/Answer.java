package bhr.assistant.answer;

import java.util.List;

/**
 * An answer with its provenance: every "[n]" in {@code answer} names the citation with that {@code n}.
 *
 * @param found    false when no passage was good enough, or the message was small talk; {@code answer} then says so
 * @param language the language the answer is written in ("id" or "en")
 * @param kind     {@link #ANSWER}, {@link #NOT_FOUND} (the knowledge base does not hold it: a knowledge gap for admins)
 *                 or {@link #SMALL_TALK} (a greeting, thanks, chit-chat: nothing was asked of the knowledge base)
 */
public record Answer(String question, String answer, boolean found, List<Citation> citations, String language, String kind) {

    public static final String ANSWER = "answer";
    public static final String NOT_FOUND = "not-found";
    public static final String SMALL_TALK = "small-talk";

    public Answer {
        citations = List.copyOf(citations);
    }

    /** An answer (found) or a "not found" reply. */
    public Answer(String question, String answer, boolean found, List<Citation> citations, String language) {
        this(question, answer, found, citations, language, found ? ANSWER : NOT_FOUND);
    }

    /** The same answer to the question in another wording (a repeated question served from the cache). */
    Answer to(String wording) {
        return new Answer(wording, answer, found, citations, language, kind);
    }
}
