package bhr.assistant.eval;

import java.util.List;
import java.util.Set;

/**
 * A labelled question: the passages that answer it (none for a question the knowledge base cannot answer).
 *
 * @param type  formal, informal, typo, english, keyword, article, unanswerable (BHR set) or "all" (outside sets)
 * @param split valid (for tuning) or test (for reporting)
 */
public record EvalQuestion(String id, String type, String question, Set<String> passages, String split) {

    public EvalQuestion {
        passages = Set.copyOf(passages);
    }

    boolean answerable() {
        return !passages.isEmpty();
    }

    static EvalQuestion of(String id, String type, String question, List<String> passages, String split) {
        return new EvalQuestion(id, type, question, Set.copyOf(passages), split);
    }
}
