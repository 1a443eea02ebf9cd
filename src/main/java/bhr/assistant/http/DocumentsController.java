package bhr.assistant.http;

import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** GET /api/documents and /api/documents/{id}: what the assistant answers from. */
@Controller("/api/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentsController {

    private final KnowledgeIndex index;

    DocumentsController(KnowledgeIndex index) {
        this.index = index;
    }

    @Serdeable
    record DocumentSummary(String id, String title, String kind, String language, String source, String url,
                           String status, String published, String reviewed, boolean compilation, int passages,
                           String updated) {
    }

    @Serdeable
    record PassageView(String id, String section, String text, List<String> actors, List<SourceView> sources, String asOf) {
    }

    /** The same fields as the summary; {@code passages} holds the passages themselves, {@code passageCount} their number. */
    @Serdeable
    record DocumentDetail(String id, String title, String kind, String language, String source, String url,
                          String status, String published, String reviewed, boolean compilation, int passageCount,
                          String updated, List<PassageView> passages) {
    }

    @Get
    List<DocumentSummary> list() {
        return index.read(snapshot -> snapshot.documents().stream().map(DocumentsController::summary).toList());
    }

    @Get("/{id}")
    HttpResponse<?> get(@PathVariable String id) {
        return index.read(snapshot -> snapshot.document(id))
                .<HttpResponse<?>>map(document -> HttpResponse.ok(detail(document)))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND).body(new ApiError("no document with id '" + id + "'")));
    }

    private static DocumentSummary summary(KnowledgeDocument document) {
        DocumentMetadata m = document.metadata();
        return new DocumentSummary(m.id(), m.title(), m.kind(), m.language(), m.source(), m.url(), m.status(),
                m.published(), m.reviewed(), m.compilation(), document.passages().size(), document.updated().toString());
    }

    private static DocumentDetail detail(KnowledgeDocument document) {
        DocumentMetadata m = document.metadata();
        List<PassageView> passages = document.passages().stream()
                .map((Passage p) -> new PassageView(p.id(), p.sectionLabel(), p.text(), p.actors(), SourceView.of(p.sources()), p.asOf()))
                .toList();
        return new DocumentDetail(m.id(), m.title(), m.kind(), m.language(), m.source(), m.url(), m.status(),
                m.published(), m.reviewed(), m.compilation(), passages.size(), document.updated().toString(), passages);
    }
}
