package bhr.assistant;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeBaseLoader;

import java.io.IOException;
import java.nio.file.Path;

/** The bundled knowledge base indexed in process, for tests that compare search internals on real content. */
public final class BundledIndex {

    private BundledIndex() {
    }

    public static KnowledgeIndex build(Analyzers analyzers) throws IOException {
        KnowledgeIndex index = new KnowledgeIndex(analyzers);
        index.replace(new KnowledgeBaseLoader().load(Path.of("knowledge-base")).documents());
        return index;
    }
}
