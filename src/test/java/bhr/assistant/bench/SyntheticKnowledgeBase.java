package bhr.assistant.bench;

import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A larger knowledge base generated from the bundled one: each document copied N times under new ids, each
 * copy's passages with a few words swapped between passages of the corpus, so copies are not identical
 * (identical copies would make every term's statistics and every tie unrealistically uniform).
 */
final class SyntheticKnowledgeBase {

    private SyntheticKnowledgeBase() {
    }

    static List<KnowledgeDocument> scaled(List<KnowledgeDocument> original, int factor, long seed) {
        Random random = new Random(seed);
        List<String> vocabulary = new ArrayList<>();
        original.forEach(document -> document.passages().forEach(passage -> vocabulary.addAll(List.of(passage.text().split("\\s+")))));
        List<KnowledgeDocument> documents = new ArrayList<>(original);
        for (int copy = 2; copy <= factor; copy++) {
            for (KnowledgeDocument document : original) {
                String id = document.id() + "-salinan-" + copy;
                DocumentMetadata m = document.metadata();
                DocumentMetadata metadata = new DocumentMetadata(id, m.title() + " (salinan " + copy + ")", m.kind(), m.language(),
                        m.source(), m.url(), m.published(), m.status(), m.reviewed(), m.compilation());
                List<Passage> passages = new ArrayList<>();
                for (Passage passage : document.passages()) {
                    String[] words = passage.text().split("\\s+");
                    for (int i = 0; i < words.length / 10; i++) {
                        words[random.nextInt(words.length)] = vocabulary.get(random.nextInt(vocabulary.size()));
                    }
                    passages.add(new Passage(passage.id().replaceFirst("^[^#]+", id), id, passage.headingPath(), passage.locator(),
                            String.join(" ", words), passage.actors(), passage.sources(), passage.asOf(), passage.ordinal()));
                }
                documents.add(new KnowledgeDocument(metadata, passages, document.origin(), document.format(),
                        document.contentHash() + copy, document.updated()));
            }
        }
        return documents;
    }
}
