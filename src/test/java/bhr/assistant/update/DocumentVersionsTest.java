package bhr.assistant.update;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.ops.AssistantMetrics;
import bhr.assistant.store.DataConfig;
import bhr.assistant.store.DocumentVersion;
import bhr.assistant.store.FileDocumentStore;
import bhr.assistant.store.StaleRevisionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every version restorable, ids as identities, one writer's changes never silently dropped by another. */
@MicronautTest(startApplication = false)
class DocumentVersionsTest {

    private static final String BUNDLED_ID = "rancangan-contoh";

    @Inject
    JsonMapper json;

    @TempDir
    Path data;

    @TempDir
    Path kb;

    @BeforeEach
    void copyKnowledgeBase() throws Exception {
        try (Stream<Path> fixture = Files.list(Path.of("src/test/resources/kb-fixture"))) {
            for (Path file : fixture.filter(file -> !file.getFileName().toString().equals("rusak.md")).toList()) {
                Files.copy(file, kb.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void a_bundled_document_replaced_deleted_and_restored_twice_comes_back_as_the_bundled_file() throws Exception {
        KnowledgeBaseUpdater updater = updater();
        String bundledText = servedText(updater, BUNDLED_ID);
        updater.upsert(text(BUNDLED_ID, "Pengganti menyebut zamrudganti.", "Pengganti"), "uji");
        updater.delete(BUNDLED_ID, "uji");

        assertEquals(2, updater.restore(BUNDLED_ID, OptionalInt.empty(), "uji", OptionalLong.empty()).number());
        assertTrue(servedText(updater, BUNDLED_ID).contains("zamrudganti"));
        DocumentVersion back = updater.restore(BUNDLED_ID, OptionalInt.empty(), "uji", OptionalLong.empty());

        assertTrue(back.bundled());
        assertEquals(1, back.number());
        assertEquals(bundledText, servedText(updater, BUNDLED_ID));
        ChangeRefused nothing = assertThrows(ChangeRefused.class, () -> updater.restore(BUNDLED_ID, OptionalInt.empty(), "uji", OptionalLong.empty()));
        assertEquals(ChangeRefused.Kind.CONFLICT, nothing.kind());
        assertEquals(bundledText, servedText(restarted(), BUNDLED_ID), "the same after a restart");
    }

    @Test
    void the_same_bytes_with_a_new_title_are_a_new_version_and_the_old_title_can_be_restored() throws Exception {
        KnowledgeBaseUpdater updater = updater();
        updater.upsert(text("judul", "Isi yang sama menyebut zamrudjudul.", "Judul Lama"), "uji");
        updater.upsert(text("judul", "Isi yang sama menyebut zamrudjudul.", "Judul Baru"), "uji");
        assertEquals("Judul Baru", served(updater, "judul").metadata().title());

        updater.restore("judul", OptionalInt.empty(), "uji", OptionalLong.empty());

        assertEquals("Judul Lama", served(updater, "judul").metadata().title());
        DocumentVersions versions = updater.versions("judul").orElseThrow();
        assertEquals(List.of(2, 1), versions.versions().stream().map(DocumentVersion::number).toList());
        assertEquals(1, versions.current());
        assertEquals(versions.versions().get(0).hash(), versions.versions().get(1).hash());
        assertEquals(List.of("Judul Baru", "Judul Lama"), versions.versions().stream().map(v -> v.metadata().get("title")).toList());
        assertEquals("Judul Lama", served(restarted(), "judul").metadata().title());
    }

    @Test
    void restore_reaches_any_named_version_and_says_when_there_is_none() throws Exception {
        KnowledgeBaseUpdater updater = updater();
        for (String word : List.of("zamrudsatu", "zamruddua", "zamrudtiga")) {
            updater.upsert(text("banyak", "Versi menyebut " + word + ".", "Banyak"), "uji");
        }

        updater.restore("banyak", OptionalInt.of(1), "uji", OptionalLong.empty());
        assertTrue(servedText(updater, "banyak").contains("zamrudsatu"));
        updater.restore("banyak", OptionalInt.of(3), "uji", OptionalLong.empty());
        assertTrue(servedText(updater, "banyak").contains("zamrudtiga"));

        assertEquals(ChangeRefused.Kind.NOT_FOUND, assertThrows(ChangeRefused.class,
                () -> updater.restore("banyak", OptionalInt.of(9), "uji", OptionalLong.empty())).kind());
        assertEquals(ChangeRefused.Kind.CONFLICT, assertThrows(ChangeRefused.class,
                () -> updater.restore("banyak", OptionalInt.of(3), "uji", OptionalLong.empty())).kind());
        assertEquals(ChangeRefused.Kind.NOT_FOUND, assertThrows(ChangeRefused.class,
                () -> updater.restore("tidak-ada", OptionalInt.empty(), "uji", OptionalLong.empty())).kind());
        assertEquals(List.of("upload", "upload", "upload", "restore", "restore"),
                updater.history().stream().map(entry -> entry.action()).toList());
    }

    @Test
    void the_same_bytes_under_two_ids_are_two_documents_each_served_and_deletable() throws Exception {
        KnowledgeBaseUpdater updater = updater();
        Upload first = text("kembar-a", "Isi kembar menyebut zamrudkembar.", "Kembar");
        updater.upsert(first, "uji");
        updater.upsert(new Upload("kembar-b", first.content(), first.format(), first.declared()), "uji");

        assertEquals(List.of("kembar-a", "kembar-b"), ids(updater));
        assertEquals(List.of("kembar-a", "kembar-b"), ids(restarted()), "after a rebuild each id keeps its own document");

        assertTrue(updater.delete("kembar-a", "uji"));
        assertEquals(List.of("kembar-b"), ids(updater));
        assertTrue(updater.delete("kembar-b", "uji"));
        assertEquals(List.of(), ids(updater));
    }

    @Test
    void two_writers_on_one_store_never_drop_each_others_changes() throws Exception {
        KnowledgeBaseUpdater a = updater();
        KnowledgeBaseUpdater b = updater(); // both read revision 0
        a.upsert(text("dari-a", "Unggahan A menyebut zamruda.", "A"), "uji");

        // B names no revision: its change is made again on the revision A committed, and both are kept.
        b.upsert(text("dari-b", "Unggahan B menyebut zamrudb.", "B"), "uji");
        assertEquals(List.of("dari-a", "dari-b"), ids(b).stream().filter(id -> id.startsWith("dari-")).toList());

        // A still serves revision 1; a change that names it is refused, and A then serves what was committed.
        assertThrows(StaleRevisionException.class,
                () -> a.upsert(text("dari-a", "Unggahan A kedua menyebut zamruda.", "A"), "uji", java.util.OptionalLong.of(1)));
        assertTrue(ids(a).contains("dari-b"), "the refused writer now serves what was committed");
        assertTrue(ids(restarted()).containsAll(List.of("dari-a", "dari-b")));
        assertEquals(2, b.history().stream().filter(entry -> entry.documentId().startsWith("dari-")).count(), "history is complete");
    }

    @Test
    void a_change_based_on_an_old_revision_is_refused() throws Exception {
        KnowledgeBaseUpdater updater = updater();
        long seen = updater.status().revision();
        updater.upsert(text("revisi", "Versi pertama.", "Revisi"), "uji");

        assertThrows(StaleRevisionException.class, () -> updater.delete("revisi", "uji", OptionalLong.of(seen)));
        assertTrue(ids(updater).contains("revisi"));
        assertTrue(updater.delete("revisi", "uji", OptionalLong.of(seen + 1)));
    }

    @Test
    void a_half_written_knowledge_base_file_keeps_its_last_good_version_until_it_reads_again() throws Exception {
        KnowledgeBaseUpdater updater = updater();
        String good = servedText(updater, BUNDLED_ID);
        Path file = kb.resolve(BUNDLED_ID + ".md");
        String complete = Files.readString(file);
        Files.writeString(file, complete.substring(0, 40)); // front matter cut off mid-way

        updater.reload("changed");

        assertEquals(good, servedText(updater, BUNDLED_ID));
        assertTrue(updater.status().skipped().stream().anyMatch(problem -> problem.file().equals(BUNDLED_ID + ".md")
                && problem.reason().contains("still serving the last version")), updater.status().skipped().toString());
        Files.writeString(file, complete.replace("---\n#", "---\n# Baru\nTeks baru menyebut zamrudbaru.\n\n#"));
        updater.reload("fixed");
        assertTrue(servedText(updater, BUNDLED_ID).contains("zamrudbaru"));
        Files.delete(file);
        updater.reload("removed");
        assertFalse(ids(updater).contains(BUNDLED_ID), "a file that is gone is withdrawn");
    }

    @Test
    void an_original_left_by_a_failed_change_is_removed_by_housekeeping() throws Exception {
        KnowledgeBaseUpdater updater = updater();
        updater.upsert(text("tetap", "Tetap disimpan.", "Tetap"), "uji");
        Path orphan = data.resolve("documents/yatim/" + "0".repeat(64));
        Files.createDirectories(orphan.getParent());
        Files.writeString(orphan, "sisa unggahan yang gagal");

        assertEquals(0, updater.removeUnreferencedOriginals(KnowledgeBaseUpdater.UNREFERENCED_GRACE));
        assertEquals("sisa unggahan yang gagal".length(), updater.removeUnreferencedOriginals(Duration.ZERO));

        assertFalse(Files.exists(orphan));
        assertTrue(servedText(restarted(), "tetap").contains("Tetap disimpan"));
        assertTrue(updater.status().storage().originalsBytes() > 0);
    }

    // ---- helpers

    private KnowledgeBaseUpdater updater() {
        KnowledgeBaseUpdater updater = new KnowledgeBaseUpdater(new KnowledgeIndex(new Analyzers()), new KnowledgeBaseConfig(kb.toString(), 0),
                new FileDocumentStore(new DataConfig(data.toString()), json), new AssistantMetrics(new SimpleMeterRegistry()));
        updater.reload("test start");
        return updater;
    }

    private KnowledgeBaseUpdater restarted() {
        return updater();
    }

    private static Upload text(String id, String text, String title) {
        return new Upload(id, text.getBytes(StandardCharsets.UTF_8), DocumentFormat.TEXT,
                Map.of("title", title, "url", "https://example.org/" + id));
    }

    private static List<String> ids(KnowledgeBaseUpdater updater) {
        return updater.servedDocuments().stream().map(KnowledgeDocument::id).filter(id -> !id.endsWith("-contoh")).sorted().toList();
    }

    private static KnowledgeDocument served(KnowledgeBaseUpdater updater, String id) {
        Optional<KnowledgeDocument> document = updater.servedDocuments().stream().filter(d -> d.id().equals(id)).findFirst();
        return document.orElseThrow(() -> new AssertionError(id + " is not served"));
    }

    private static String servedText(KnowledgeBaseUpdater updater, String id) {
        return served(updater, id).passages().stream().map(passage -> passage.text()).reduce("", String::concat);
    }
}
