package bhr.assistant.bench;

import bhr.assistant.answer.AnswerConfig;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Question;
import bhr.assistant.index.Analyzers;
import bhr.assistant.index.IndexFields;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.search.PassageRetriever;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * In-process latency: a full answer (normalise, expand, retrieve, highlight, compose) beside a bare Lucene BM25
 * search of the same question on the same index, which is the floor the answer path is measured against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnswerLatencyBenchmark {

    static final List<String> QUESTIONS = List.of(
            "Apa itu Stranas BHAM?", "gmn cara uji tuntas HAM utk umkm?", "Apa kewajiban pemerintah daerah menurut Perpres 60/2023?",
            "Berapa kuota pekerja disabilitas?", "What is human rights due diligence?", "pasal 7 perpres 60/2023",
            "Bagaimana pekerja mengadukan perusahaan ke Komnas HAM?", "PRISMA indikator");

    @Param({"1", "20"})
    public int scale;

    private AnswerService answers;
    private AnswerService cachedAnswers;
    private KnowledgeIndex index;
    private Analyzers analyzers;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<KnowledgeDocument> bundled = new KnowledgeBaseLoader().load(Path.of("knowledge-base")).documents();
        analyzers = new Analyzers();
        index = new KnowledgeIndex(analyzers);
        index.replace(scale == 1 ? bundled : SyntheticKnowledgeBase.scaled(bundled, scale, 42));
        // The service's defaults, except that the first has no cache: it measures the full work of every answer.
        answers = new AnswerService(new PassageRetriever(index, analyzers), new AnswerConfig(4, 0));
        cachedAnswers = new AnswerService(new PassageRetriever(index, analyzers), new AnswerConfig(4, 2000));
    }

    private String nextQuestion() {
        next = (next + 1) % QUESTIONS.size();
        return QUESTIONS.get(next);
    }

    /** Every question searched and composed: the answer cache is off. */
    @Benchmark
    public Object answer() {
        return answers.ask(Question.of(nextQuestion()));
    }

    /**
     * Every question answered by a new retriever: its query clauses, term statistics and spelling corrections are
     * worked out anew, as for the first questions after a knowledge-base change (the passages' analysed words,
     * kept with the index version, stay).
     */
    @Benchmark
    public Object answerNothingRemembered(NewRetriever fresh) {
        return fresh.answers.ask(Question.of(nextQuestion()));
    }

    /** A retriever made for each call, outside the measured time. */
    @State(Scope.Thread)
    public static class NewRetriever {
        private AnswerService answers;

        @Setup(Level.Invocation)
        public void create(AnswerLatencyBenchmark benchmark) {
            answers = new AnswerService(new PassageRetriever(benchmark.index, benchmark.analyzers), new AnswerConfig(4, 0));
        }
    }

    /** The same few questions again and again, as in a burst after a news story: served by the answer cache. */
    @Benchmark
    public Object answerRepeatedQuestion() {
        return cachedAnswers.ask(Question.of(nextQuestion()));
    }

    /** Plain BM25: the question's Indonesian terms OR-ed over the body field, top 10. */
    @Benchmark
    public Object bareLuceneSearch() {
        String question = nextQuestion();
        return index.read(snapshot -> {
            try {
                BooleanQuery.Builder query = new BooleanQuery.Builder();
                try (TokenStream stream = analyzers.forLanguage("id").tokenStream(IndexFields.body("id"), question)) {
                    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                    stream.reset();
                    while (stream.incrementToken()) {
                        query.add(new TermQuery(new Term(IndexFields.body("id"), term.toString())), BooleanClause.Occur.SHOULD);
                    }
                    stream.end();
                }
                return snapshot.searcher().search(query.build(), 10);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
