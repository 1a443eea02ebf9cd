package bhr.assistant;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeBaseLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The bundled knowledge base indexed in process, for tests that compare search internals on real content. Built
 * once per test run, on first use, and shared: those tests only read it.
 */
public final class BundledIndex {

    private BundledIndex() {
    }

    public static Analyzers analyzers() {
        return Shared.ANALYZERS;
    }

    public static KnowledgeIndex index() {
        return Shared.INDEX;
    }

    /** Initialised by the JVM on first use, once. */
    private static final class Shared {
        static final Analyzers ANALYZERS = new Analyzers();
        static final KnowledgeIndex INDEX = build();

        private static KnowledgeIndex build() {
            KnowledgeIndex index = new KnowledgeIndex(ANALYZERS);
            try {
                index.replace(new KnowledgeBaseLoader().load(Path.of("knowledge-base")).documents());
            } catch (IOException e) {
                throw new UncheckedIOException("indexing the bundled knowledge base failed", e);
            }
            return index;
        }
    }
}
