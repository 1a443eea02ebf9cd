package bhr.assistant.store;

import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An append-only file of JSON records, one per line (history, feedback). A crash in the middle of an append
 * leaves a last line without its newline: before the first append or read, such a torn line is set aside in
 * "&lt;name&gt;.torn" (and logged), and the file cut back to its last whole line, so the next record starts a line
 * of its own instead of being glued onto the torn one. A last line that is whole but only lacks its newline is
 * kept and given one. A damaged line elsewhere is skipped when reading, and the rest is kept.
 */
public final class JsonLinesFile<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFile.class);

    private final Path file;
    private final Class<T> type;
    private final JsonMapper json;
    private final boolean sync;
    private boolean tailChecked;

    /** @param sync force each line to disk before returning (for records that must survive a crash) */
    public JsonLinesFile(Path file, Class<T> type, JsonMapper json, boolean sync) {
        this.file = file;
        this.type = type;
        this.json = json;
        this.sync = sync;
    }

    public synchronized void append(T record) throws IOException {
        repairTail();
        Files.createDirectories(file.getParent());
        byte[] line = (new String(json.writeValueAsBytes(record), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (sync) {
                channel.force(false);
            }
        }
    }

    /** Every readable record, oldest first. */
    public synchronized List<T> read() {
        List<T> records = new ArrayList<>();
        byte[] content;
        try {
            repairTail();
        } catch (IOException e) {
            LOG.warn("Cannot repair the end of {} now ({}); reading what is whole", file, e.toString());
        }
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return records;
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.toString());
            return records;
        }
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                parse(content, start, i).ifPresent(records::add);
                start = i + 1;
            }
        }
        if (start < content.length) {
            // Only while the tail could not be repaired (a read-only file): an unfinished line is not trusted.
            LOG.warn("Ignoring the unfinished last line of {}", file);
        }
        return records;
    }

    public Path path() {
        return file;
    }

    private Optional<T> parse(byte[] content, int from, int to) {
        if (to == from || new String(content, from, to - from, StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        try {
            String line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, from, to - from)).toString();
            return Optional.of(json.readValue(line, type));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping an unreadable line in {} (bytes {}..{})", file, from, to);
            return Optional.empty();
        }
    }

    /**
     * Cuts a torn last line off (setting it aside first), or ends a whole one with its newline. Runs once; if the
     * file cannot be written now it is tried again before the next append.
     */
    private void repairTail() throws IOException {
        if (tailChecked || !Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = reader.size();
            if (size == 0 || lastByte(reader, size) == '\n') {
                tailChecked = true; // the usual case, also on a read-only file system
                return;
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long lineStart = lastLineStart(channel, size);
            byte[] tail = new byte[(int) (size - lineStart)];
            channel.read(ByteBuffer.wrap(tail), lineStart);
            if (isWholeRecord(tail)) {
                channel.write(ByteBuffer.wrap(new byte[]{'\n'}), size);
                channel.force(false);
                LOG.warn("The last line of {} lacked its newline (a crash right after writing it); kept it and ended it", file);
            } else {
                Path aside = file.resolveSibling(file.getFileName() + ".torn");
                byte[] record = Arrays.copyOf(tail, tail.length + 1);
                record[tail.length] = '\n';
                Files.write(aside, record, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
                channel.truncate(lineStart);
                channel.force(false);
                LOG.warn("The last line of {} was torn by a crash ({} bytes); set it aside in {} and cut the file back to its last whole line",
                        file, tail.length, aside.getFileName());
            }
            tailChecked = true;
        }
    }

    private boolean isWholeRecord(byte[] line) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
            json.readValue(text, type);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        return one.get(0);
    }

    private static long lastLineStart(FileChannel channel, long size) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            long from = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - from));
            channel.read(block, from);
            for (int i = (int) (end - from) - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }
}
