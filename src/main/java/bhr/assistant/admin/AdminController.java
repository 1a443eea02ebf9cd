package bhr.assistant.admin;

import bhr.assistant.feedback.KnowledgeGap;
import bhr.assistant.feedback.KnowledgeGaps;
import bhr.assistant.http.ApiError;
import bhr.assistant.kb.ContentCheck;
import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.InvalidDocumentException;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.LoadProblem;
import bhr.assistant.store.AuditEntry;
import bhr.assistant.update.KnowledgeBaseStatus;
import bhr.assistant.update.KnowledgeBaseUpdater;
import bhr.assistant.update.Upload;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The admin API (CONTRACT.md): upload, replace, delete and restore documents, reindex, status, history, gaps. */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(KnowledgeBaseStatus.class)
@SerdeImport(LoadProblem.class)
@SerdeImport(AuditEntry.class)
@SerdeImport(KnowledgeGap.class)
class AdminController {

    private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);
    static final List<String> METADATA_PARAMETERS = List.of("title", "url", "kind", "language", "source", "published", "status", "reviewed");
    static final String ACTOR = "admin-api";

    private final KnowledgeBaseUpdater updater;
    private final KnowledgeGaps gaps;
    private final AdminConfig config;

    AdminController(KnowledgeBaseUpdater updater, KnowledgeGaps gaps, AdminConfig config) {
        this.updater = updater;
        this.gaps = gaps;
        this.config = config;
    }

    @Serdeable
    record DocumentChange(String id, String title, String kind, String language, String status, int passages, long version,
                          String contentHash) {
    }

    @Serdeable
    record Deleted(String id, boolean deleted, long version) {
    }

    @Put(uri = "/documents/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> put(@PathVariable String id, HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (!DocumentMetadata.isValidId(id)) {
            return error(HttpStatus.BAD_REQUEST, "invalid id '" + id + "': use lowercase letters, digits and '-'");
        }
        String contentType = request.getContentType().map(MediaType::toString).orElse(null);
        Optional<DocumentFormat> format = DocumentFormat.fromContentType(contentType);
        if (format.isEmpty()) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported Content-Type '" + contentType + "': use text/markdown, text/plain, "
                    + "application/pdf, text/html or " + DocumentFormat.DOCX.contentType());
        }
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > config.maxUploadBytes()) {
            return error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the document is larger than " + config.maxUploadBytes() + " bytes");
        }
        Optional<String> mismatch = ContentCheck.mismatch(format.get(), content);
        if (mismatch.isPresent()) {
            return error(content.length == 0 ? HttpStatus.BAD_REQUEST : HttpStatus.UNSUPPORTED_MEDIA_TYPE, mismatch.get());
        }
        Map<String, String> declared = new HashMap<>();
        for (String name : METADATA_PARAMETERS) {
            request.getParameters().getFirst(name).filter(value -> !value.isBlank()).ifPresent(value -> declared.put(name, value));
        }
        try {
            KnowledgeDocument document = updater.upsert(new Upload(id, content, format.get(), declared), ACTOR);
            KnowledgeBaseStatus status = updater.status();
            return HttpResponse.ok(new DocumentChange(document.id(), document.metadata().title(), document.metadata().kind(),
                    document.metadata().language(), document.metadata().status(), document.passages().size(), status.version(),
                    status.contentHash()));
        } catch (InvalidDocumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IOException e) {
            LOG.error("Storing upload {} failed", id, e);
            return error(HttpStatus.INSUFFICIENT_STORAGE, "the document could not be stored (" + e.getClass().getSimpleName()
                    + "); the knowledge base is unchanged");
        }
    }

    @Delete(uri = "/documents/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> delete(@PathVariable String id) throws IOException {
        if (!DocumentMetadata.isValidId(id) || !updater.delete(id, ACTOR)) {
            return error(HttpStatus.NOT_FOUND, "no document with id '" + id + "'");
        }
        return HttpResponse.ok(new Deleted(id, true, updater.status().version()));
    }

    @Post(uri = "/documents/{id}/restore", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> restore(@PathVariable String id) throws IOException {
        if (!DocumentMetadata.isValidId(id)) {
            return error(HttpStatus.NOT_FOUND, "no document with id '" + id + "'");
        }
        Optional<KnowledgeBaseUpdater.RestoreResult> result = updater.restore(id, ACTOR);
        if (result.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "no history for document '" + id + "'");
        }
        if (result.get() == KnowledgeBaseUpdater.RestoreResult.NOTHING_BEFORE) {
            return error(HttpStatus.CONFLICT, "document '" + id + "' has no earlier version to restore");
        }
        return HttpResponse.ok(updater.status());
    }

    @Post(uri = "/reindex", produces = MediaType.APPLICATION_JSON)
    KnowledgeBaseStatus reindex() {
        updater.reload("reindex by " + ACTOR);
        return updater.status();
    }

    @Get(uri = "/status", produces = MediaType.APPLICATION_JSON)
    KnowledgeBaseStatus status() {
        return updater.status();
    }

    @Get(uri = "/history", produces = MediaType.APPLICATION_JSON)
    List<AuditEntry> history(@Nullable @QueryValue String id) {
        return updater.history().stream()
                .filter(entry -> id == null || id.isBlank() || entry.documentId().equals(id))
                .sorted(Comparator.comparing(AuditEntry::at).reversed())
                .toList();
    }

    @Get(uri = "/unanswered", produces = MediaType.APPLICATION_JSON)
    List<KnowledgeGap> unanswered(@Nullable @QueryValue String limit) {
        int max = 100;
        try {
            if (limit != null && !limit.isBlank()) {
                max = Math.max(1, Math.min(1000, Integer.parseInt(limit.strip())));
            }
        } catch (NumberFormatException ignored) {
            // keep the default for an unreadable limit
        }
        return gaps.top(max);
    }

    private static HttpResponse<ApiError> error(HttpStatus status, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(message));
    }
}
