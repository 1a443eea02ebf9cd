package bhr.assistant.update;

import bhr.assistant.TestFiles;
import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.ops.AssistantMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import bhr.assistant.store.Change;
import bhr.assistant.store.DataConfig;
import bhr.assistant.store.FileDocumentStore;
import bhr.assistant.store.Manifest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash at each step of an update, simulated by a store that fails where a kill would strike, then a restart
 * (a new updater over the same directories): the service comes back serving a whole state, old or new.
 */
@MicronautTest(startApplication = false)
class CrashRecoveryTest {

    private static final String FIRST = "Versi pertama menyebut zamrudawal.";
    private static final String SECOND = "Versi kedua menyebut zamrudbaru.";

    @Inject
    JsonMapper json;

    @TempDir
    Path data;

    @Test
    void failure_between_writing_the_original_and_committing_keeps_the_old_state_now_and_after_restart() throws Exception {
        KnowledgeBaseUpdater running = updater(new FileDocumentStore(new DataConfig(data.toString()), json));
        running.upsert(upload(FIRST), "uji");
        FailingStore failing = new FailingStore(new DataConfig(data.toString()), json, true);
        KnowledgeBaseUpdater crashing = updater(failing);

        assertThrows(IOException.class, () -> crashing.upsert(upload(SECOND), "uji"));

        assertTrue(servedText(crashing).contains("zamrudawal"), "the running service still serves the old version");
        KnowledgeBaseUpdater restarted = updater(new FileDocumentStore(new DataConfig(data.toString()), json));
        assertTrue(servedText(restarted).contains("zamrudawal"));
        try (var originals = Files.list(data.resolve("documents/pulih"))) {
            assertEquals(2, originals.count(), "the new original was written before the failure");
        }
        assertEquals(1, new FileDocumentStore(new DataConfig(data.toString()), json).manifest().revision());
    }

    @Test
    void crash_after_committing_restarts_into_the_new_state() throws Exception {
        KnowledgeBaseUpdater first = updater(new FileDocumentStore(new DataConfig(data.toString()), json));
        first.upsert(upload(FIRST), "uji");
        // The manifest is committed, then the process dies before the index swap and the history line.
        FailingStore diesAfterCommit = new FailingStore(new DataConfig(data.toString()), json, false);
        KnowledgeBaseUpdater crashing = updater(diesAfterCommit);
        assertThrows(IllegalStateException.class, () -> crashing.upsert(upload(SECOND), "uji"));

        KnowledgeBaseUpdater restarted = updater(new FileDocumentStore(new DataConfig(data.toString()), json));
        assertTrue(servedText(restarted).contains("zamrudbaru"));
    }

    @Test
    void a_torn_temporary_manifest_is_ignored_on_restart() throws Exception {
        KnowledgeBaseUpdater first = updater(new FileDocumentStore(new DataConfig(data.toString()), json));
        first.upsert(upload(FIRST), "uji");
        Files.writeString(data.resolve("manifest.json.tmp"), "{\"revision\": 9, \"documents\": {\"pul");

        KnowledgeBaseUpdater restarted = updater(new FileDocumentStore(new DataConfig(data.toString()), json));
        assertTrue(servedText(restarted).contains("zamrudawal"));
    }

    @Test
    void an_unwritable_data_directory_refuses_the_upload_and_keeps_serving_the_old_state() throws Exception {
        KnowledgeBaseUpdater running = updater(new FileDocumentStore(new DataConfig(data.toString()), json));
        running.upsert(upload(FIRST), "uji");
        // Root ignores file permissions, so "cannot write" is made real: the originals' folder becomes a file.
        Path originals = data.resolve("documents");
        TestFiles.deleteTree(originals);
        Files.writeString(originals, "not a directory");

        assertThrows(IOException.class, () -> running.upsert(new Upload("lain", SECOND.getBytes(StandardCharsets.UTF_8), DocumentFormat.TEXT,
                Map.of("title", "Lain", "url", "https://example.org/lain")), "uji"));

        assertTrue(servedText(running).contains("zamrudawal"));
        assertTrue(running.servedDocuments().stream().noneMatch(document -> document.id().equals("lain")));
    }

    private KnowledgeBaseUpdater updater(FileDocumentStore store) {
        KnowledgeBaseUpdater updater = new KnowledgeBaseUpdater(new KnowledgeIndex(new Analyzers()),
                new KnowledgeBaseConfig("src/test/resources/kb-fixture", 0), store, new AssistantMetrics(new SimpleMeterRegistry()));
        updater.reload("test start");
        return updater;
    }

    private static Upload upload(String text) {
        return new Upload("pulih", text.getBytes(StandardCharsets.UTF_8), DocumentFormat.TEXT,
                Map.of("title", "Pulih", "url", "https://example.org/pulih"));
    }

    private static String servedText(KnowledgeBaseUpdater updater) {
        return updater.servedDocuments().stream().filter(document -> document.id().equals("pulih"))
                .flatMap(document -> document.passages().stream()).map(passage -> passage.text()).reduce("", String::concat);
    }

    /** Fails like a crash: before the manifest is committed, or right after it (the swap never happens). */
    private static final class FailingStore extends FileDocumentStore {
        private final boolean beforeCommit;

        FailingStore(DataConfig config, JsonMapper json, boolean beforeCommit) {
            super(config, json);
            this.beforeCommit = beforeCommit;
        }

        @Override
        public Manifest commit(long expectedRevision, Change change) throws IOException {
            if (beforeCommit) {
                throw new IOException("simulated crash before the manifest rename");
            }
            super.commit(expectedRevision, change);
            throw new IllegalStateException("simulated crash after the manifest rename");
        }
    }

}
