package bhr.assistant.store;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A crash in the middle of an append must cost at most the line being written, never the next one. */
@MicronautTest(startApplication = false)
class JsonLinesFileTest {

    @Inject
    JsonMapper json;

    @TempDir
    Path directory;

    @Test
    void a_file_cut_at_any_byte_of_its_last_line_keeps_every_whole_entry_and_the_next_one() throws Exception {
        Path whole = directory.resolve("whole.jsonl");
        JsonLinesFile<AuditEntry> writer = new JsonLinesFile<>(whole, AuditEntry.class, json, true);
        List<AuditEntry> written = List.of(entry("pertama", 1), entry("kedua-ü", 2), entry("ketiga—é", 3));
        for (AuditEntry entry : written) {
            writer.append(entry);
        }
        byte[] content = Files.readAllBytes(whole);
        int lastLineStart = lastLineStart(content);
        AuditEntry next = entry("sesudah", 4);

        for (int cut = lastLineStart; cut <= content.length; cut++) {
            Path file = directory.resolve("cut-" + cut + ".jsonl");
            Files.write(file, Arrays.copyOf(content, cut));

            JsonLinesFile<AuditEntry> reopened = new JsonLinesFile<>(file, AuditEntry.class, json, true);
            reopened.append(next);
            List<AuditEntry> read = reopened.read();

            boolean lastKept = cut >= content.length - 1; // whole, or lacking only its newline
            List<AuditEntry> expected = lastKept ? List.of(written.get(0), written.get(1), written.get(2), next)
                    : List.of(written.get(0), written.get(1), next);
            assertEquals(expected, read, "cut at byte " + cut + " of " + content.length);
            Path aside = directory.resolve("cut-" + cut + ".jsonl.torn");
            boolean torn = cut > lastLineStart && cut < content.length - 1;
            assertEquals(torn, Files.exists(aside), "torn line set aside, cut at " + cut);
            if (torn) {
                assertArrayEquals(Arrays.copyOfRange(content, lastLineStart, cut),
                        Arrays.copyOf(Files.readAllBytes(aside), cut - lastLineStart), "the torn bytes are kept as they were");
            }
        }
    }

    @Test
    void history_lines_written_before_versions_were_numbered_still_read() throws Exception {
        Path file = directory.resolve("history.jsonl");
        Files.writeString(file, "{\"at\":\"2026-01-02T03:04:05Z\",\"actor\":\"admin-api\",\"action\":\"upload\",\"documentId\":\"lama\","
                + "\"oldHash\":\"\",\"newHash\":\"abc\"}\n", StandardCharsets.UTF_8);

        List<AuditEntry> read = new JsonLinesFile<>(file, AuditEntry.class, json, true).read();

        assertEquals(1, read.size());
        assertEquals("lama", read.get(0).documentId());
        assertEquals(0, read.get(0).version());
        assertEquals(0, read.get(0).revision());
    }

    @Test
    void a_damaged_line_in_the_middle_is_skipped_and_the_rest_kept() throws Exception {
        Path file = directory.resolve("middle.jsonl");
        JsonLinesFile<AuditEntry> lines = new JsonLinesFile<>(file, AuditEntry.class, json, true);
        lines.append(entry("satu", 1));
        Files.write(file, new byte[]{'{', '"', (byte) 0xC3, '\n'}, java.nio.file.StandardOpenOption.APPEND);
        lines.append(entry("dua", 2));

        List<AuditEntry> read = new JsonLinesFile<>(file, AuditEntry.class, json, true).read();

        assertEquals(List.of("satu", "dua"), read.stream().map(AuditEntry::documentId).toList());
        assertFalse(Files.exists(directory.resolve("middle.jsonl.torn")));
        assertTrue(Files.size(file) > 0);
    }

    private static AuditEntry entry(String id, int revision) {
        return new AuditEntry(Instant.parse("2026-11-28T10:00:00Z").plusSeconds(revision), "admin-api", "upload", id, "", "ab" + revision,
                revision, revision);
    }

    private static int lastLineStart(byte[] content) {
        for (int i = content.length - 2; i >= 0; i--) {
            if (content[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
