package bhr.assistant.eval;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.AnswerConfig;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Question;
import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.LanguageDetector;
import bhr.assistant.search.PassageHit;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.search.SearchRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The service's own pipeline over a given corpus: the ranking is the retriever's top ten (as /api/search
 * returns them), the found decision is the answer service's (as /api/ask makes it).
 */
final class FullPipeline implements Ranker {

    private final PassageRetriever retriever;
    private final AnswerService answers;

    FullPipeline(List<KnowledgeDocument> documents, AnswerConfig config) {
        Analyzers analyzers = new Analyzers();
        KnowledgeIndex index = new KnowledgeIndex(analyzers);
        try {
            index.replace(documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.retriever = new PassageRetriever(index, analyzers);
        this.answers = new AnswerService(retriever, config);
    }

    @Override
    public Ranking rank(String question) {
        // Ranked as the answer service ranks (in the question's language), without its one-per-document reordering.
        List<String> ids = retriever.retrieve(new SearchRequest(question, 10, Optional.empty(), false,
                        Optional.of(LanguageDetector.detect(question)))).hits().stream()
                .map(PassageHit::passage).map(passage -> passage.id()).toList();
        Answer answer = answers.ask(Question.of(question));
        return new Ranking(ids, answer.found());
    }

    @Override
    public String name() {
        return "BHR Assistant pipeline";
    }
}
