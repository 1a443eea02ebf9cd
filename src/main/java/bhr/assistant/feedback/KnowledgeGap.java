package bhr.assistant.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A question users asked that the knowledge base did not serve well, with how often.
 *
 * @param question    the latest wording seen
 * @param count       unanswered plus rated-unhelpful occurrences
 * @param channels    where it was asked
 */
public record KnowledgeGap(String question, int count, int unanswered, int notHelpful, Instant lastAsked, List<String> channels) {
}
