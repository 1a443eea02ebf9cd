package bhr.assistant.store;

import bhr.assistant.kb.DocumentReader;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(startApplication = false)
class FileDocumentStoreTest {

    @Inject
    JsonMapper json;

    @TempDir
    Path data;

    @Test
    void a_writer_working_from_an_old_revision_is_refused_and_loses_nothing() throws Exception {
        // Two writers over one directory, both having read revision 0 (what two instances on one DATA_DIR did).
        FileDocumentStore a = store();
        FileDocumentStore b = store();
        long seenByBoth = b.manifest().revision();
        a.commit(a.manifest().revision(), upload("dari-a", "isi A"));

        StaleRevisionException stale = assertThrows(StaleRevisionException.class, () -> b.commit(seenByBoth, upload("dari-b", "isi B")));

        assertEquals(0, stale.expected());
        assertEquals(1, stale.actual());
        Manifest manifest = store().manifest();
        assertEquals(1, manifest.revision());
        assertEquals(List.of("dari-a"), manifest.ids(), "A's upload is kept, B's refused, none overwritten");
        assertEquals(List.of("dari-a"), store().history().stream().map(AuditEntry::documentId).toList());
    }

    @Test
    void a_history_line_whose_commit_never_happened_is_not_listed_and_is_superseded() throws Exception {
        FileDocumentStore store = store();
        store.commit(0, upload("satu", "isi satu"));
        // A crash after the history line was forced to disk but before the manifest rename:
        AuditEntry crashed = new AuditEntry(Instant.now(), "admin-api", "upload", "hantu", "", "ff", 1, 2);
        new JsonLinesFile<>(data.resolve("history.jsonl"), AuditEntry.class, json, true).append(crashed);

        assertEquals(List.of("satu"), store().history().stream().map(AuditEntry::documentId).toList());

        store().commit(1, upload("dua", "isi dua"));
        assertEquals(List.of("satu", "dua"), store().history().stream().map(AuditEntry::documentId).toList());
    }

    @Test
    void originals_no_version_references_are_removed_after_the_grace_period_only() throws Exception {
        FileDocumentStore store = store();
        Change kept = upload("simpan", "isi yang disimpan");
        store.putOriginal("simpan", kept.added().get(0).hash(), "isi yang disimpan".getBytes(StandardCharsets.UTF_8));
        store.commit(0, kept);
        String orphanHash = DocumentReader.sha256("isi yang gagal".getBytes(StandardCharsets.UTF_8));
        store.putOriginal("gagal", orphanHash, "isi yang gagal".getBytes(StandardCharsets.UTF_8));
        Path orphan = data.resolve("documents/gagal/" + orphanHash);

        assertEquals(0, store.removeUnreferenced(Duration.ofHours(1)), "a fresh original may belong to a commit under way");
        assertTrue(Files.exists(orphan));

        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        assertEquals("isi yang gagal".length(), store.removeUnreferenced(Duration.ofHours(1)));
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(data.resolve("documents/gagal")));
        assertEquals("isi yang disimpan", new String(store.readOriginal("simpan", kept.added().get(0).hash()), StandardCharsets.UTF_8));
        StorageUse use = store.storageUse();
        assertEquals("isi yang disimpan".length(), use.originalsBytes());
        assertTrue(use.bytesUsed() > use.originalsBytes() && use.bytesFree() > 0, use.toString());
    }

    @Test
    void a_damaged_original_is_reported_not_served() throws Exception {
        FileDocumentStore store = store();
        String hash = DocumentReader.sha256("asli".getBytes(StandardCharsets.UTF_8));
        store.putOriginal("rusak", hash, "asli".getBytes(StandardCharsets.UTF_8));
        Files.writeString(data.resolve("documents/rusak/" + hash), "diubah");

        IOException e = assertThrows(IOException.class, () -> store.readOriginal("rusak", hash));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void a_data_directory_from_before_numbered_versions_is_converted_with_every_original_as_a_version() throws Exception {
        String first = DocumentReader.sha256("versi satu".getBytes(StandardCharsets.UTF_8));
        String second = DocumentReader.sha256("versi dua".getBytes(StandardCharsets.UTF_8));
        Path documents = Files.createDirectories(data.resolve("documents/lama"));
        Files.writeString(documents.resolve(first), "versi satu");
        Files.writeString(documents.resolve(second), "versi dua");
        Files.writeString(documents.resolve(first + ".json"), stored("lama", first, "Judul Satu", "2026-01-01T00:00:00Z"));
        Files.writeString(documents.resolve(second + ".json"), stored("lama", second, "Judul Dua", "2026-02-01T00:00:00Z"));
        Files.writeString(data.resolve("manifest.json"), "{\"revision\":3,\"documents\":{\"lama\":" + stored("lama", second, "Judul Dua",
                "2026-02-01T00:00:00Z") + "},\"hidden\":[\"bawaan\"]}");
        Files.writeString(data.resolve("history.jsonl"), "{\"at\":\"2026-03-01T00:00:00Z\",\"actor\":\"admin-api\",\"action\":\"delete\","
                + "\"documentId\":\"bawaan\",\"oldHash\":\"bundled:" + "ab".repeat(32) + "\",\"newHash\":\"\"}\n");

        Manifest manifest = store().manifest();

        DocumentEntry lama = manifest.entry("lama").orElseThrow();
        assertEquals(List.of(first, second), lama.versions().stream().map(DocumentVersion::hash).toList());
        assertEquals(2, lama.current());
        assertFalse(lama.deleted());
        assertEquals("Judul Satu", lama.version(1).orElseThrow().metadata().get("title"));
        DocumentEntry bawaan = manifest.entry("bawaan").orElseThrow();
        assertTrue(bawaan.deleted());
        assertTrue(bawaan.currentVersion().bundled());
        assertEquals("ab".repeat(32), bawaan.currentVersion().hash());
        assertEquals(3, manifest.revision());
        assertFalse(new String(Files.readAllBytes(data.resolve("manifest.json")), StandardCharsets.UTF_8).contains("hidden"),
                "written back in today's form");
        assertEquals(manifest, store().manifest());
    }

    private FileDocumentStore store() {
        return new FileDocumentStore(new DataConfig(data.toString()), json);
    }

    private static Change upload(String id, String text) {
        String hash = DocumentReader.sha256(text.getBytes(StandardCharsets.UTF_8));
        DocumentVersion version = new DocumentVersion(1, hash, "text/plain", Map.of("title", id), false, Instant.now(), "uji");
        return new Change(id, List.of(version), 1, false, new AuditEntry(Instant.now(), "uji", "upload", id, "", hash, 1, 0));
    }

    private static String stored(String id, String hash, String title, String updated) {
        return "{\"id\":\"" + id + "\",\"hash\":\"" + hash + "\",\"contentType\":\"text/plain\",\"declared\":{\"title\":\"" + title
                + "\",\"url\":\"https://example.org/l\"},\"updated\":\"" + updated + "\",\"updatedBy\":\"admin-api\"}";
    }
}
