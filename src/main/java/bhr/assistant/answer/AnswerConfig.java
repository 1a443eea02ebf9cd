package bhr.assistant.answer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How answers are built (whether a question is answered is the reader's learned decision, see {@code reader/}).
 *
 * @param maxSentences   most sentences in the short answer
 * @param cacheSize      most answers kept for repeated questions (0: none), see {@link AnswerCache}
 */
@ConfigurationProperties("answer")
public record AnswerConfig(
        @Bindable(defaultValue = "4") int maxSentences,
        @Bindable(defaultValue = "2000") int cacheSize) {
}
