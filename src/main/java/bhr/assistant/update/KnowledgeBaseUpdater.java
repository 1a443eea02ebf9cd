package bhr.assistant.update;

import bhr.assistant.index.IndexSnapshot;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.kb.LoadProblem;
import bhr.assistant.kb.LoadReport;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the knowledge base from its directory and makes it the one served: at start-up (before the HTTP server
 * accepts requests) and whenever asked to reload. Files that cannot be read are logged with their reason and
 * skipped; the rest is served.
 */
@Singleton
public class KnowledgeBaseUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseUpdater.class);

    private final KnowledgeIndex index;
    private final Path directory;
    private final KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
    private volatile List<LoadProblem> lastProblems = List.of();

    public KnowledgeBaseUpdater(KnowledgeIndex index, KnowledgeBaseConfig config) {
        this.index = index;
        this.directory = Path.of(config.dir());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        reload();
    }

    /** Reads the directory again and swaps the result in whole; searches keep running on the old one meanwhile. */
    public synchronized IndexSnapshot.KnowledgeBaseVersion reload() {
        long started = System.nanoTime();
        LoadReport report = loader.load(directory);
        for (LoadProblem problem : report.problems()) {
            LOG.warn("Skipped {}: {}", problem.file(), problem.reason());
        }
        try {
            IndexSnapshot snapshot = index.replace(report.documents());
            lastProblems = report.problems();
            LOG.info("Knowledge base v{} from {}: {} documents, {} passages indexed in {} ms; {} file(s) skipped",
                    snapshot.version().number(), directory.toAbsolutePath(), snapshot.version().documents(),
                    snapshot.version().passages(), (System.nanoTime() - started) / 1_000_000, report.problems().size());
            if (report.documents().isEmpty()) {
                LOG.warn("The knowledge base is empty: every question will be answered as not found");
            }
            return snapshot.version();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing the knowledge base in memory failed", e);
        }
    }

    /** Files skipped by the last load, with reasons. */
    public List<LoadProblem> lastProblems() {
        return lastProblems;
    }
}
