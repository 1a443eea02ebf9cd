package bhr.assistant.chat;

import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.index.PassageAnalysis;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import bhr.assistant.search.PassageHit;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.search.SearchRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sections a duty bearer's "Pihak:" line names, for /kewajiban in every chat channel, a page at a time. Only sections of documents
 * in the user's language are listed. Those that state duties come first: the ones a search for the language's
 * duty words ("wajib", "tugas", ... / "must", "shall", ...) finds among the actor's sections, best first; then
 * every other section tagged for the actor, in document order. Listing by tag, not by search alone, is what keeps a
 * duty bearer whose sections use none of the duty words (Komnas HAM's "kewenangan") from showing "none".
 */
public final class ObligationListing {

    public static final int PAGE_SIZE = 5;
    /** Enough to rank every section of any one actor; the rest follow in document order anyway. */
    private static final int RANKED = 60;

    /**
     * @param items  the sections on this page
     * @param offset how many came before it
     * @param total  all sections listed for the actor in this language
     */
    public record Page(List<PassageHit> items, int offset, int total) {

        public boolean hasMore() {
            return offset + items.size() < total;
        }
    }

    private final PassageRetriever retriever;
    private final KnowledgeIndex index;

    public ObligationListing(PassageRetriever retriever, KnowledgeIndex index) {
        this.retriever = retriever;
        this.index = index;
    }

    public Page page(String actor, String language, String dutyWords, int offset) {
        Map<String, PassageHit> listed = new LinkedHashMap<>();
        for (PassageHit hit : retriever.retrieve(new SearchRequest(dutyWords, RANKED, Optional.of(actor), false, Optional.of(language))).hits()) {
            if (hit.document().language().equals(language)) {
                listed.putIfAbsent(hit.passage().id(), hit);
            }
        }
        for (PassageHit tagged : tagged(actor, language)) {
            listed.putIfAbsent(tagged.passage().id(), tagged);
        }
        List<PassageHit> all = new ArrayList<>(listed.values());
        int from = Math.max(0, Math.min(offset, all.size()));
        return new Page(List.copyOf(all.subList(from, Math.min(all.size(), from + PAGE_SIZE))), from, all.size());
    }

    private List<PassageHit> tagged(String actor, String language) {
        return index.read(snapshot -> {
            List<PassageHit> hits = new ArrayList<>();
            for (KnowledgeDocument document : snapshot.documents()) {
                if (!document.metadata().language().equals(language)) {
                    continue;
                }
                for (Passage passage : document.passages()) {
                    if (passage.actors().contains(actor)) {
                        hits.add(new PassageHit(passage, document.metadata(), 0, PassageAnalysis.none()));
                    }
                }
            }
            return hits;
        });
    }
}
