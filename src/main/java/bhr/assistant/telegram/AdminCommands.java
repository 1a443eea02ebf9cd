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
 * plain text for the caller to escape and send.
 */
final class AdminCommands {

    private static final Logger LOG = LoggerFactory.getLogger(AdminCommands.class);
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
    private static final List<String> METADATA = List.of("title", "url", "kind", "language", "source", "published", "status", "reviewed");

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

    String status() {
        KnowledgeBaseStatus status = updater.status();
        StringBuilder text = new StringBuilder()
                .append("Versi basis pengetahuan: ").append(status.version())
                .append(" (hash ").append(status.contentHash(), 0, Math.min(12, status.contentHash().length())).append(")\n")
                .append("Dokumen: ").append(status.documents()).append(" (").append(status.uploadedDocuments()).append(" unggahan)\n")
                .append("Bagian: ").append(status.passages()).append('\n')
                .append("Pembaruan terakhir: ").append(status.lastUpdate());
        if (!status.skipped().isEmpty()) {
            text.append("\nBerkas dilewati:");
            status.skipped().forEach(problem -> text.append("\n- ").append(problem.file()).append(": ").append(problem.reason()));
        }
        if (!status.lastError().isEmpty()) {
            text.append("\nGalat terakhir: ").append(status.lastError());
        }
        return text.toString();
    }

    String reindex(String actor) {
        updater.reload("reindex by " + actor);
        return "Indeks dibangun ulang.\n" + status();
    }

    /** Handles "/upload id ..." with an attached document; returns the reply. */
    String upload(String caption, Document document, String actor) {
        String[] words = caption.strip().split("\\s+", 3);
        if (words.length < 2 || !DocumentMetadata.isValidId(words[1])) {
            return "Format: kirim dokumen dengan keterangan \"/upload <id> title=... url=...\"; id hanya huruf kecil, angka dan '-'.";
        }
        String id = words[1];
        Optional<DocumentFormat> format = formatOf(document);
        if (format.isEmpty()) {
            return "Jenis berkas tidak didukung. Gunakan Markdown (.md), teks (.txt), PDF, HTML atau DOCX.";
        }
        if (document.getFileSize() != null && document.getFileSize() > maxUploadBytes) {
            return "Berkas terlalu besar (batas " + maxUploadBytes / (1024 * 1024) + " MB).";
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
                return "Berkas terlalu besar (batas " + maxUploadBytes / (1024 * 1024) + " MB).";
            }
            Optional<String> mismatch = ContentCheck.mismatch(format.get(), content);
            if (mismatch.isPresent()) {
                return "Dokumen ditolak: " + mismatch.get() + ". Basis pengetahuan tidak berubah.";
            }
            KnowledgeDocument stored = updater.upsert(new Upload(id, content, format.get(), declared), actor);
            return "Dokumen \"" + stored.metadata().title() + "\" (" + id + ") tersimpan: " + stored.passages().size()
                    + " bagian, langsung bisa ditanyakan.";
        } catch (InvalidDocumentException e) {
            return "Dokumen ditolak: " + e.getMessage() + ". Basis pengetahuan tidak berubah.";
        } catch (IOException e) {
            LOG.warn("Telegram upload of {} failed: {}", id, e.getMessage());
            return "Dokumen tidak dapat diambil atau disimpan; basis pengetahuan tidak berubah. Coba lagi.";
        }
    }

    private static Optional<DocumentFormat> formatOf(Document document) {
        Optional<DocumentFormat> byName = document.getFileName() == null ? Optional.empty() : DocumentFormat.fromFileName(document.getFileName());
        return byName.isPresent() ? byName : DocumentFormat.fromContentType(document.getMimeType());
    }
}
