package bhr.assistant.eval;

import java.util.List;

/** A system under evaluation: ranks passage ids for a question and says whether it would answer. */
interface Ranker {

    record Ranking(List<String> passageIds, boolean found) {
    }

    Ranking rank(String question);

    String name();
}
