package bhr.assistant.index;

import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.kb.KnowledgeDocument;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Index versions live in directories of their own under DATA_DIR/index: created, kept while searched, then deleted. */
class IndexDirectoriesTest {

    private static final List<KnowledgeDocument> FIXTURE = new KnowledgeBaseLoader().load(Path.of("src/test/resources/kb-fixture")).documents();

    @TempDir
    Path data;

    @Test
    void a_retired_version_is_deleted_once_its_last_search_has_finished() throws Exception {
        Path root = data.resolve("index");
        KnowledgeIndex index = new KnowledgeIndex(new Analyzers(), IndexDirectories.under(root));
        index.replace(FIXTURE);
        List<Path> first = versions(root);
        assertEquals(1, first.size());

        index.read(snapshot -> {
            try {
                index.replace(FIXTURE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertEquals(2, versions(root).size(), "the version being searched stays while the search runs");
            assertTrue(search(snapshot) > 0, "and still answers");
            return null;
        });

        List<Path> after = versions(root);
        assertEquals(1, after.size(), "the retired version is gone: " + after);
        assertFalse(after.contains(first.get(0)));
        index.close();
        assertEquals(List.of(), versions(root), "closing the index deletes the served version too");
    }

    @Test
    void what_a_crashed_run_left_behind_is_wiped_at_start_up() throws IOException {
        Path root = data.resolve("index");
        Path leftover = Files.createDirectories(root.resolve("v123"));
        Files.writeString(leftover.resolve("_0.cfs"), "half-written");

        KnowledgeIndex index = new KnowledgeIndex(new Analyzers(), IndexDirectories.under(root));
        index.replace(FIXTURE);

        assertFalse(Files.exists(leftover));
        assertEquals(1, versions(root).size());
    }

    @Test
    void an_unwritable_data_directory_still_gets_a_working_index_in_memory() throws IOException {
        Path notADirectory = Files.writeString(data.resolve("index"), "a file where the index directory should be");

        KnowledgeIndex index = new KnowledgeIndex(new Analyzers(), IndexDirectories.under(notADirectory));
        index.replace(FIXTURE);

        assertTrue(index.read(IndexDirectoriesTest::search) > 0);
        assertEquals("a file where the index directory should be", Files.readString(notADirectory), "left untouched");
    }

    @Test
    void a_question_asked_while_the_first_version_is_built_waits_for_it() throws Exception {
        KnowledgeIndex index = new KnowledgeIndex(new Analyzers(), IndexDirectories.inMemory());
        CompletableFuture<Integer> early = CompletableFuture.supplyAsync(() -> index.read(IndexDirectoriesTest::search));
        Thread.sleep(200);
        assertFalse(early.isDone(), "no version yet: the reader waits");

        index.replace(FIXTURE);

        assertTrue(early.get(10, TimeUnit.SECONDS) > 0);
    }

    private static int search(IndexSnapshot snapshot) {
        try {
            return snapshot.searcher().count(new TermQuery(new Term(IndexFields.body("id"), "gugus")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> versions(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
