package bhr.assistant.telegram;

import bhr.assistant.kb.ContentCheck;
import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.InvalidDocumentException;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.update.KnowledgeBaseStatus;
import bhr.assistant.update.KnowledgeBaseUpdater;
import bhr.assistant.update.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Document;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What admins (TELEGRAM_ADMIN_IDS) can do from Telegram: /status, /reindex, and a document sent with the caption
 * "/upload &lt;id&gt; [title=... url=...]". Uploads get the same checks as the HTTP admin API. Replies are
 * plain text in the admin's language, for the caller to escape and send.
 */
final class AdminCommands {

    private static final Logger LOG = LoggerFactory.getLogger(AdminCommands.class);
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
    private static final List<String> METADATA = List.of("title", "url", "kind", "language", "source", "published", "status", "reviewed");
    private static final long MEGABYTE = 1024 * 1024;

    /** Fetches a file Telegram holds, by the file_path getFile returned. */
    interface FileFetcher {
        byte[] fetch(String fileId) throws IOException;
    }

    private final KnowledgeBaseUpdater updater;
    private final Set<Long> adminIds;
    private final long maxUploadBytes;
    private final FileFetcher files;

    AdminCommands(KnowledgeBaseUpdater updater, Set<Long> adminIds, long maxUploadBytes, FileFetcher files) {
        this.updater = updater;
        this.adminIds = adminIds;
        this.maxUploadBytes = maxUploadBytes;
        this.files = files;
    }

    boolean isAdmin(long userId) {
        return adminIds.contains(userId);
    }

    String status(TelegramMessages ui) {
        KnowledgeBaseStatus status = updater.status();
        StringBuilder text = new StringBuilder(ui.get("admin.status", status.version(),
                status.contentHash().substring(0, Math.min(12, status.contentHash().length())), status.documents(),
                status.uploadedDocuments(), status.passages(), when(status.lastUpdate(), ui)));
        if (!status.skipped().isEmpty()) {
            text.append('\n').append(ui.get("admin.skipped"));
            status.skipped().forEach(problem -> text.append("\n- ").append(problem.file()).append(": ").append(RefusalReasons.say(problem.reason(), ui)));
        }
        if (!status.lastError().isEmpty()) {
            text.append('\n').append(ui.get("admin.lastError", RefusalReasons.say(status.lastError(), ui)));
        }
        return text.toString();
    }

    String reindex(String actor, TelegramMessages ui) {
        updater.reload("reindex by " + actor);
        return ui.get("admin.reindexed") + "\n" + status(ui);
    }

    /** Handles "/upload id ..." with an attached document; returns the reply. */
    String upload(String caption, Document document, String actor, TelegramMessages ui) {
        String[] words = caption.strip().split("\\s+", 3);
        if (words.length < 2 || !DocumentMetadata.isValidId(words[1])) {
            return ui.get("admin.uploadUsage");
        }
        String id = words[1];
        Optional<DocumentFormat> format = formatOf(document);
        if (format.isEmpty()) {
            return ui.get("admin.unsupportedType");
        }
        if (document.getFileSize() != null && document.getFileSize() > maxUploadBytes) {
            return ui.get("admin.tooLarge", maxUploadBytes / MEGABYTE);
        }
        Map<String, String> declared = new HashMap<>();
        if (words.length == 3) {
            Matcher parameter = PARAMETER.matcher(words[2]);
            while (parameter.find()) {
                if (METADATA.contains(parameter.group(1))) {
                    declared.put(parameter.group(1), parameter.group(2).replaceAll("^\"|\"$", ""));
                }
            }
        }
        try {
            byte[] content = files.fetch(document.getFileId());
            if (content.length > maxUploadBytes) {
                return ui.get("admin.tooLarge", maxUploadBytes / MEGABYTE);
            }
            Optional<String> mismatch = ContentCheck.mismatch(format.get(), content);
            if (mismatch.isPresent()) {
                return ui.get("admin.refused", RefusalReasons.say(mismatch.get(), ui));
            }
            KnowledgeDocument stored = updater.upsert(new Upload(id, content, format.get(), declared), actor);
            return ui.get("admin.stored", stored.metadata().title(), id, stored.passages().size());
        } catch (InvalidDocumentException e) {
            return ui.get("admin.refused", RefusalReasons.say(e.getMessage(), ui));
        } catch (IOException e) {
            LOG.warn("Telegram upload of {} failed: {}", id, e.getMessage());
            return ui.get("admin.fetchFailed");
        }
    }

    private static String when(Instant instant, TelegramMessages ui) {
        return instant == null ? "-" : DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", ui.locale()).withZone(ZoneOffset.UTC).format(instant);
    }

    private static Optional<DocumentFormat> formatOf(Document document) {
        Optional<DocumentFormat> byName = document.getFileName() == null ? Optional.empty() : DocumentFormat.fromFileName(document.getFileName());
        return byName.isPresent() ? byName : DocumentFormat.fromContentType(document.getMimeType());
    }
}
