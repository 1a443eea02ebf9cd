package bhr.assistant.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every passage a query clause matches, with its complete score: what {@link ClauseScores} remembers.
 * A knowledge base has hundreds to a few thousand passages, so keeping all matches costs little.
 */
final class AllMatches implements CollectorManager<AllMatches.Collector, List<ScoreDoc>> {

    @Override
    public Collector newCollector() {
        return new Collector();
    }

    @Override
    public List<ScoreDoc> reduce(Collection<Collector> collectors) {
        List<ScoreDoc> matches = new ArrayList<>();
        collectors.forEach(collector -> matches.addAll(collector.matches));
        return matches;
    }

    static final class Collector extends SimpleCollector {
        private final List<ScoreDoc> matches = new ArrayList<>();
        private Scorable scorer;
        private int docBase;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            docBase = context.docBase;
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws java.io.IOException {
            matches.add(new ScoreDoc(docBase + doc, scorer.score()));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}
