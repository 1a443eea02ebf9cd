package bhr.assistant.eval;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A labelled question: the passages that answer it (none for a question the knowledge base cannot answer), and for
 * the BHR set what a good answer must say.
 *
 * @param type   formal, informal, typo, english, keyword, article, unanswerable (BHR set) or "all" (outside sets)
 * @param split  valid (for tuning) or test (for reporting)
 * @param intent what kind of answer the question asks for, one of {@link #INTENTS}; empty for the outside sets
 * @param fact   what a good answer's first sentence matches when it states the asked fact ({@link #statesFact});
 *               empty for questions the knowledge base cannot answer and for the outside sets
 */
public record EvalQuestion(String id, String type, String question, Set<String> passages, String split, String intent,
                           Optional<Pattern> fact) {

    /** Kinds of answer a question asks for: "apa itu" a definition, "kapan" a date, "berapa" a number, and so on. */
    public static final List<String> INTENTS = List.of("definition", "date", "number", "person", "yesno", "how", "list", "reason", "other");

    public EvalQuestion {
        passages = Set.copyOf(passages);
    }

    /**
     * A fact label as a pattern: matched case-insensitively with {@code find()}, and '.' also crosses the line
     * breaks of a list kept with its lead-in.
     */
    public static Pattern compileFact(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** Whether this sentence (an answer's first, say) states the fact the question asks for. */
    public boolean statesFact(String sentence) {
        return fact.map(pattern -> pattern.matcher(sentence).find()).orElse(false);
    }

    boolean answerable() {
        return !passages.isEmpty();
    }

    static EvalQuestion of(String id, String type, String question, List<String> passages, String split) {
        return new EvalQuestion(id, type, question, Set.copyOf(passages), split, "", Optional.empty());
    }
}
