package bhr.assistant.store;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per data directory: an OS file lock on DATA_DIR/lock, taken when the service starts (before anything
 * in DATA_DIR is read or wiped) and held until it stops. A second instance on the same directory refuses to start,
 * naming the directory and the pid of the instance that holds it. The OS drops the lock when its holder dies, even
 * by kill -9, so a crash never leaves the directory locked. Several instances share one knowledge base through a
 * database store, never through one directory.
 */
@Context
public class DataDirectoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryLock.class);
    static final String FILE_NAME = "lock";

    private final FileChannel channel;
    private final FileLock lock;

    public DataDirectoryLock(DataConfig config) {
        this(Path.of(config.dir()));
    }

    /** @throws DataDirectoryInUseException when another process (or another service in this one) holds it */
    public DataDirectoryLock(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel opened;
        try {
            Files.createDirectories(directory);
            opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // Nothing can be written there either, so no second instance could overwrite this one's work: start,
            // and let every change report the directory as unwritable.
            LOG.warn("Cannot lock DATA_DIR {} ({}); it seems read-only: changes will be refused until it can be written",
                    directory.toAbsolutePath(), e.toString());
            channel = null;
            lock = null;
            return;
        }
        FileLock taken;
        try {
            taken = opened.tryLock();
        } catch (OverlappingFileLockException e) {
            taken = null; // held by this very process (a second service in one JVM)
        } catch (IOException e) {
            close(opened);
            throw new IllegalStateException("cannot lock DATA_DIR " + directory.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (taken == null) {
            String holder = readPid(opened);
            close(opened);
            throw new DataDirectoryInUseException(directory.toAbsolutePath(), holder);
        }
        channel = opened;
        lock = taken;
        writePid();
    }

    private void writePid() {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
        } catch (IOException e) {
            LOG.warn("Locked DATA_DIR but could not write this process's pid into its lock file: {}", e.toString());
        }
    }

    private static String readPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? pid : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    @PreDestroy
    @Override
    public void close() {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.warn("Releasing the DATA_DIR lock failed: {}", e.toString());
            }
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock as well; nothing else to do
            }
        }
    }

    /** Another instance holds the data directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {
        public DataDirectoryInUseException(Path directory, String pid) {
            super("DATA_DIR " + directory + " is in use by another instance of the service (pid " + pid + "). One data "
                    + "directory serves one instance: stop that one, or give this one a DATA_DIR of its own.");
        }
    }
}
