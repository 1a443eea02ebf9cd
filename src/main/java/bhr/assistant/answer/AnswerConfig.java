package bhr.assistant.answer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How answers are decided and built.
 *
 * @param minCoverage    least share (IDF-weighted) of the question's terms a top passage must contain for found=true
 * @param relativeFloor  a further passage is cited only if its score is at least this share of the best one
 * @param maxSentences   most sentences in the short answer
 * @param cacheSize      most answers kept for repeated questions (0: none), see {@link AnswerCache}
 */
@ConfigurationProperties("answer")
public record AnswerConfig(
        @Bindable(defaultValue = "0.4") double minCoverage,
        @Bindable(defaultValue = "0.35") double relativeFloor,
        @Bindable(defaultValue = "4") int maxSentences,
        @Bindable(defaultValue = "2000") int cacheSize) {
}
