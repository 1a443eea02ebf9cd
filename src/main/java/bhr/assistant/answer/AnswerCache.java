package bhr.assistant.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers already given, by question and knowledge-base version. After a news story many people ask the same
 * few questions, and an answer changes only when the knowledge base does; a repeated question then costs a map
 * lookup instead of a search (measured in the benchmark: about a millisecond of CPU per question uncached).
 * Keys carry the version, so an update never serves an answer from the knowledge base it replaced; entries of
 * older versions are simply never asked for again and age out of the bounded cache.
 */
final class AnswerCache {

    /** Everything the answer depends on besides the knowledge base itself. */
    private record Key(String text, Optional<String> language, int limit, Optional<String> actor, long version) {

        static Key of(Question question, String text, long version) {
            return new Key(text, question.language(), question.limit(), question.actor(), version);
        }
    }

    private final Cache<Key, Answer> answers;

    AnswerCache(int maximumSize) {
        this.answers = maximumSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** The answer already given to the question under {@code version}, if any. */
    Optional<Answer> cached(Question question, String text, long version) {
        if (answers == null) {
            return Optional.empty();
        }
        Answer answer = answers.getIfPresent(Key.of(question, text, version));
        return Optional.ofNullable(answer).map(found -> inWording(found, question));
    }

    /**
     * The answer to the question, whose text normalises to {@code text}, under knowledge-base {@code version};
     * worked out by {@code compute} on a miss (once, however many ask at the same moment). The cached answer is
     * returned with the asker's own wording of the question.
     */
    Answer get(Question question, String text, long version, Supplier<Answer> compute) {
        if (answers == null) {
            return compute.get();
        }
        return inWording(answers.get(Key.of(question, text, version), key -> compute.get()), question);
    }

    private static Answer inWording(Answer answer, Question question) {
        return answer.question().equals(question.text()) ? answer : answer.to(question.text());
    }
}
