package bhr.assistant.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/** Says in plain words why the store could not be written, without internal paths (they stay in the log). */
public final class StorageFailure {

    private StorageFailure() {
    }

    public static String describe(IOException e) {
        if (e instanceof StoreUnavailableException) {
            return e.getMessage(); // already plain: which database cannot be reached, and why
        }
        String reason = e instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                ? fileSystem.getReason() : e.getMessage() == null ? "" : e.getMessage();
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota")) {
            return "the disk holding DATA_DIR is full (" + reason + ")";
        }
        if (lower.contains("read-only file system")) {
            return "DATA_DIR is read-only (" + reason + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "the service may not write to DATA_DIR (permission denied)";
        }
        if (e instanceof FileSystemException) {
            return "DATA_DIR cannot be written (" + (reason.isBlank() ? e.getClass().getSimpleName() : reason) + ")";
        }
        return "DATA_DIR cannot be written (" + e.getClass().getSimpleName() + (reason.isBlank() || reason.contains("/") ? "" : ": " + reason) + ")";
    }
}
