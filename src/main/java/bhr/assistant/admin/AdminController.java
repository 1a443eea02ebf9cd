package bhr.assistant.admin;

import bhr.assistant.feedback.KnowledgeGap;
import bhr.assistant.feedback.KnowledgeGaps;
import bhr.assistant.http.ApiError;
import bhr.assistant.kb.ContentCheck;
import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.MetadataLimits;
import bhr.assistant.kb.InvalidDocumentException;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.LoadProblem;
import bhr.assistant.store.AuditEntry;
import bhr.assistant.store.DocumentVersion;
import bhr.assistant.store.StaleRevisionException;
import bhr.assistant.store.StoreUnavailableException;
import bhr.assistant.store.StorageFailure;
import bhr.assistant.store.StorageUse;
import bhr.assistant.update.ChangeRefused;
import bhr.assistant.update.DocumentVersions;
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
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The admin API (CONTRACT.md): upload, replace, delete and restore documents, reindex, status, history, gaps. */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(KnowledgeBaseStatus.class)
@SerdeImport(LoadProblem.class)
@SerdeImport(AuditEntry.class)
@SerdeImport(KnowledgeGap.class)
@SerdeImport(DocumentVersions.class)
@SerdeImport(DocumentVersion.class)
@SerdeImport(StorageUse.class)
@SerdeImport(KnowledgeBaseStatus.StalePassage.class)
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
                          String contentHash, long revision) {
    }

    @Serdeable
    record Deleted(String id, boolean deleted, long version, long revision) {
    }

    /** @param restored the version now current; {@code bundled}: KB_DIR's file serves again */
    @Serdeable
    record Restored(String id, int restored, String hash, boolean bundled, String title, long version, long revision) {
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
            return error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the document is larger than " + config.maxUploadBytes()
                    + " bytes (ADMIN_MAX_UPLOAD_BYTES)");
        }
        Optional<String> mismatch = ContentCheck.mismatch(format.get(), content);
        if (mismatch.isPresent()) {
            return error(content.length == 0 ? HttpStatus.BAD_REQUEST : HttpStatus.UNSUPPORTED_MEDIA_TYPE, mismatch.get());
        }
        Map<String, String> declared = new HashMap<>();
        for (String name : METADATA_PARAMETERS) {
            request.getParameters().getFirst(name).filter(value -> !value.isBlank()).ifPresent(value -> declared.put(name, value));
        }
        Optional<String> tooLong = MetadataLimits.problem(declared);
        if (tooLong.isPresent()) {
            return error(HttpStatus.BAD_REQUEST, tooLong.get());
        }
        try {
            KnowledgeDocument document = updater.upsert(new Upload(id, content, format.get(), declared), ACTOR, revision(request));
            KnowledgeBaseStatus status = updater.status();
            return HttpResponse.ok(new DocumentChange(document.id(), document.metadata().title(), document.metadata().kind(),
                    document.metadata().language(), document.metadata().status(), document.passages().size(), status.version(),
                    status.contentHash(), status.revision()));
        } catch (InvalidDocumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IOException e) {
            return storeError(e);
        }
    }

    @Delete(uri = "/documents/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> delete(@PathVariable String id, HttpRequest<?> request) {
        try {
            if (!DocumentMetadata.isValidId(id) || !updater.delete(id, ACTOR, revision(request))) {
                return error(HttpStatus.NOT_FOUND, "no document with id '" + id + "'");
            }
            KnowledgeBaseStatus status = updater.status();
            return HttpResponse.ok(new Deleted(id, true, status.version(), status.revision()));
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IOException e) {
            return storeError(e);
        }
    }

    @Post(uri = "/documents/{id}/restore", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> restore(@PathVariable String id, HttpRequest<?> request) {
        if (!DocumentMetadata.isValidId(id)) {
            return error(HttpStatus.NOT_FOUND, "no document with id '" + id + "'");
        }
        try {
            OptionalInt to = OptionalInt.empty();
            Optional<String> named = request.getParameters().getFirst("to").filter(value -> !value.isBlank());
            if (named.isPresent()) {
                to = OptionalInt.of((int) Math.min(Integer.MAX_VALUE, positiveNumber("to", named.get())));
            }
            DocumentVersion restored = updater.restore(id, to, ACTOR, revision(request));
            KnowledgeBaseStatus status = updater.status();
            return HttpResponse.ok(new Restored(id, restored.number(), restored.hash(), restored.bundled(),
                    restored.metadata().getOrDefault("title", ""), status.version(), status.revision()));
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (ChangeRefused e) {
            return error(e.kind() == ChangeRefused.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, e.getMessage());
        } catch (IOException e) {
            return storeError(e);
        }
    }

    @Get(uri = "/documents/{id}/versions", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> versions(@PathVariable String id) {
        Optional<DocumentVersions> versions = DocumentMetadata.isValidId(id) ? updater.versions(id) : Optional.empty();
        if (versions.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "no document with id '" + id + "'");
        }
        return HttpResponse.ok(versions.get());
    }

    @Post(uri = "/reindex", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> reindex() {
        try {
            updater.reload("reindex by " + ACTOR);
        } catch (UncheckedIOException e) {
            return error(HttpStatus.INSUFFICIENT_STORAGE, "the index could not be rebuilt: " + StorageFailure.describe(e.getCause())
                    + "; the knowledge base served is unchanged");
        }
        return HttpResponse.ok(updater.status());
    }

    @Get(uri = "/status", produces = MediaType.APPLICATION_JSON)
    KnowledgeBaseStatus status() {
        return updater.status();
    }

    @Get(uri = "/history", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> history(@Nullable @QueryValue String id) {
        try {
            return HttpResponse.ok(updater.history().stream()
                    .filter(entry -> id == null || id.isBlank() || entry.documentId().equals(id))
                    .sorted(Comparator.comparing(AuditEntry::at).reversed())
                    .toList());
        } catch (IOException e) {
            LOG.warn("Reading the history failed", e);
            return error(HttpStatus.SERVICE_UNAVAILABLE, "the history cannot be read now: " + StorageFailure.describe(e));
        }
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

    /**
     * A change may name the manifest revision it was based on ({@code ?revision=N}, as /admin/status showed it):
     * then it applies only if nobody changed anything since, and answers 409 otherwise.
     */
    private static OptionalLong revision(HttpRequest<?> request) {
        Optional<String> value = request.getParameters().getFirst("revision").filter(text -> !text.isBlank());
        return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(positiveNumber("revision", value.get()));
    }

    private static long positiveNumber(String name, String text) {
        try {
            long number = Long.parseLong(text.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + name + "' must be a whole number, not '" + text + "'");
    }

    /**
     * 409 for a stale revision; 503 while the database cannot be reached (try again later); 507 when the store
     * cannot be written (disk full, read-only); each with the reason.
     */
    private static HttpResponse<ApiError> storeError(IOException e) {
        if (e instanceof StaleRevisionException) {
            return error(HttpStatus.CONFLICT, e.getMessage());
        }
        if (e instanceof StoreUnavailableException) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "the change could not be saved: " + e.getMessage());
        }
        return error(HttpStatus.INSUFFICIENT_STORAGE, "the change could not be saved: " + e.getMessage() + "; the knowledge base is unchanged");
    }

    private static HttpResponse<ApiError> error(HttpStatus status, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(message));
    }
}
