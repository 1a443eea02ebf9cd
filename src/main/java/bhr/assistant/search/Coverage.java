package bhr.assistant.search;

/**
 * How much of a question a passage covers, each question term weighted by its IDF (rare words weigh more).
 *
 * @param share        weight found in the passage / weight of all terms: a question about something the
 *                     knowledge base never mentions scores low even when a common word of it matches
 * @param knownShare   the same, counting only terms the index knows (slang or typos left aside)
 * @param unknownShare weight of terms the index has never seen / weight of all terms
 */
public record Coverage(double share, double knownShare, double unknownShare) {

    public static final Coverage NONE = new Coverage(0, 0, 0);
}
