package bhr.assistant.search;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.IndexFields;
import bhr.assistant.index.Lexicon;
import bhr.assistant.index.TextAnalysis;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the Lucene query for a question. The text is analysed per language and turned into term and phrase
 * queries directly, so characters such as {@code AND ( title: * "} are only text, never query syntax.
 * <ul>
 *   <li>each term: the best of title, heading and body (a heading match says the section is about it), plus
 *       an exact-word match on the unstemmed text;</li>
 *   <li>a reference to an article or principle ("pasal 7", "prinsip 31"): the exact phrase, weighted high;</li>
 *   <li>alternatives of a term, weighted lower: its synonyms and translations (config/lexicon/synonyms.tsv)
 *       and, for a word the index has never seen, its spelling correction from the index vocabulary.</li>
 * </ul>
 * Which alternatives stand for which question term is kept, so coverage can count a concept as found when
 * the passage uses any of its names.
 */
final class PassageQueryBuilder {

    // Weights measured on the valid splits (BHR questions, TyDi QA-id, FacQA); see src/test/resources/eval/RESULTS.md.
    static final float TITLE_BOOST = 1.3f;
    static final float HEADING_BOOST = 1.6f;
    static final float EXACT_BOOST = 0.3f;
    static final float ALTERNATIVE_BOOST = 0.8f;
    static final float KNOWN_TERM_ALTERNATIVE_BOOST = 0.2f;
    static final float REFERENCE_BOOST = 2.0f;
    static final float TIE_BREAKER = 0.2f;
    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)(?<![\\p{L}])(pasal|prinsip|principle|ayat|angka|bab|article)\\s+(\\d+[a-z]?|[ivxlc]+)(?![\\p{L}\\p{N}])");
    /** Caps the work a very long question can cause; 24 distinct terms is far beyond any real question. */
    static final int MAX_TERMS = 24;
    static final double TOO_COMMON_SHARE = 0.25;
    /** Shorter unknown words are too ambiguous to correct ("ga", "sih"). */
    static final int MIN_CORRECTABLE_LENGTH = 4;

    /**
     * @param termsByLanguage        the question's analysed terms, per language
     * @param alternativesByLanguage for each question term, the terms standing for the same concept
     */
    record BuiltQuery(List<ClauseScores.Scored> clauses, Map<String, List<String>> termsByLanguage,
                      Map<String, Map<String, Set<String>>> alternativesByLanguage, TermLookup termLookup) {

        /**
         * The question as one Lucene query, the disjunction of its clauses. Answering does not need it (the clauses'
         * scores are added up, and building it hashes every clause: a tenth of an answer, profiled); it shows what
         * is searched.
         */
        BooleanQuery query() {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            clauses.forEach(clause -> query.add(clause.query(), BooleanClause.Occur.SHOULD));
            return query.build();
        }
    }

    private final Analyzers analyzers;
    /** Stems of common Indonesian words: an unknown question word among them is real, not a typo. */
    private final Set<String> commonStems;
    private static final int MAX_REMEMBERED = 50_000;

    private final DirectSpellChecker spelling = new DirectSpellChecker();
    private volatile IndexMemory memory;

    /**
     * What is looked up in one index version and only changes with it: spelling corrections (the costliest step
     * of a question, profiled), term statistics (a dictionary seek per field and term, a tenth of an answer),
     * document frequencies and clause scores. All are bounded, so a flood of made-up words costs lookups, not memory.
     */
    private record IndexMemory(Object index, Map<String, Optional<String>> corrections, Cache<Term, TermStates> termStates,
                               Cache<String, Integer> docFreqs, ClauseScores clauseScores) {
    }

    PassageQueryBuilder(Analyzers analyzers) {
        this.analyzers = analyzers;
        Set<String> stems = new java.util.HashSet<>();
        for (String word : Lexicon.words("common-words-id.txt")) {
            stems.addAll(TextAnalysis.terms(analyzers.forLanguage("id"), IndexFields.body("id"), word));
        }
        this.commonStems = Set.copyOf(stems);
        spelling.setMaxEdits(2);
        spelling.setMinPrefix(1);
        spelling.setAccuracy(0.7f);
    }

    /**
     * The query is one disjunction of optional clauses, nothing else, so a passage's score is the sum of the scores
     * of the clauses it matches, and {@link ClauseScores} can add up remembered clause scores instead of asking
     * Lucene to score the whole query again. The actor filter and the language boost are therefore applied by the
     * retriever to the scored matches.
     */
    Optional<BuiltQuery> build(String text, List<QueryExpander.Expansion> expansions, IndexSearcher searcher) {
        IndexReader reader = searcher.getIndexReader();
        IndexMemory memory = memory(reader);
        TermLookup termLookup = new TermLookup(reader, memory.termStates(), memory.docFreqs());
        Clauses content = new Clauses(memory.clauseScores(), searcher);
        Map<String, List<String>> termsByLanguage = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> alternativesByLanguage = new LinkedHashMap<>();
        for (String language : Analyzers.LANGUAGES) {
            Set<String> terms = new LinkedHashSet<>();
            analyse(language, text).forEach(term -> {
                if (terms.size() < MAX_TERMS) {
                    terms.add(term);
                }
            });
            if (terms.isEmpty()) {
                continue;
            }
            Map<String, Set<String>> alternatives = alternatives(language, terms, expansions, reader, termLookup);
            termsByLanguage.put(language, List.copyOf(terms));
            alternativesByLanguage.put(language, alternatives);
            for (String term : terms) {
                content.add(language + " term " + term, () -> termQuery(termLookup, language, term));
            }
            // An alternative matters most where the user's own word finds nothing (English, slang, a typo); where the
            // word itself is in the index, its alternatives only nudge, so they cannot crowd out exact matches.
            Map<String, Float> extra = new LinkedHashMap<>();
            alternatives.forEach((term, names) -> {
                float boost = termLookup.docFreq(language, term) == 0 ? ALTERNATIVE_BOOST : KNOWN_TERM_ALTERNATIVE_BOOST;
                names.stream().filter(name -> !terms.contains(name) && !tooCommon(termLookup, language, name))
                        .forEach(name -> extra.merge(name, boost, Math::max));
            });
            extra.entrySet().stream().limit(MAX_TERMS).forEach(entry -> content.add(
                    language + " term " + entry.getKey() + " ^" + entry.getValue(),
                    () -> termQuery(termLookup, language, entry.getKey()).map(query -> new BoostQuery(query, entry.getValue()))));
            for (Query reference : references(termLookup, language, text)) {
                content.add(reference.toString(), () -> Optional.of(reference));
            }
        }
        if (termsByLanguage.isEmpty()) {
            return Optional.empty();
        }
        Set<String> exactWords = new LinkedHashSet<>();
        exactWords.addAll(TextAnalysis.terms(analyzers.exact(), IndexFields.EXACT, text));
        exactWords.stream().limit(MAX_TERMS).forEach(word -> content.add("exact " + word,
                () -> termLookup.termQuery(IndexFields.EXACT, word).map(query -> new BoostQuery(query, EXACT_BOOST))));
        return Optional.of(new BuiltQuery(List.copyOf(content.scored), termsByLanguage, alternativesByLanguage, termLookup));
    }

    /** The clauses of one question's query, each taken from those this index version remembers, or added to them. */
    private static final class Clauses {
        private final ClauseScores remembered;
        private final IndexSearcher searcher;
        private final List<ClauseScores.Scored> scored = new ArrayList<>();

        Clauses(ClauseScores remembered, IndexSearcher searcher) {
            this.remembered = remembered;
            this.searcher = searcher;
        }

        /** @param key names everything the clause depends on besides the index: language, fields, words, weight */
        void add(String key, Supplier<Optional<? extends Query>> clause) {
            remembered.clause(key, clause, searcher).ifPresent(scored::add);
        }
    }

    private List<String> analyse(String language, String text) {
        return TextAnalysis.terms(analyzers.forQuery(language), IndexFields.body(language), text);
    }

    private Map<String, Set<String>> alternatives(String language, Set<String> terms, List<QueryExpander.Expansion> expansions,
                                                  IndexReader reader, TermLookup termLookup) {
        Map<String, Set<String>> alternatives = new LinkedHashMap<>();
        for (QueryExpander.Expansion expansion : expansions) {
            List<String> added = analyse(language, expansion.added());
            for (String source : analyse(language, expansion.source())) {
                if (terms.contains(source)) {
                    Set<String> forTerm = alternatives.computeIfAbsent(source, t -> new LinkedHashSet<>());
                    added.stream().filter(term -> !term.equals(source)).forEach(forTerm::add);
                }
            }
        }
        for (String term : terms) {
            boolean knownAlternative = alternatives.getOrDefault(term, Set.of()).stream().anyMatch(alt -> termLookup.docFreq(language, alt) > 0);
            if (!knownAlternative && term.length() >= MIN_CORRECTABLE_LENGTH && termLookup.docFreq(language, term) == 0
                    && !commonStems.contains(term)) {
                correction(reader, language, term).ifPresent(fix -> alternatives.computeIfAbsent(term, t -> new LinkedHashSet<>()).add(fix));
            }
        }
        return alternatives;
    }

    /**
     * An alternative found in a quarter of all passages ("hak", "manusia" for "ham") tells no passage apart, so it
     * is not searched for (it only cost scoring time, profiled); it still counts when a passage covers the concept.
     */
    private static boolean tooCommon(TermLookup termLookup, String language, String term) {
        return termLookup.docFreq(language, term) > termLookup.passages() * TOO_COMMON_SHARE;
    }

    /**
     * The index word closest in spelling to a word the index has never seen, if one is close enough. Looked up
     * once per word and index: the spelling search is the costliest step of a question (profiled).
     */
    private Optional<String> correction(IndexReader reader, String language, String term) {
        Map<String, Optional<String>> corrections = memory(reader).corrections();
        if (corrections.size() > MAX_REMEMBERED) {
            corrections.clear();
        }
        return corrections.computeIfAbsent(language + ":" + term, key -> lookUpCorrection(reader, language, term));
    }

    private IndexMemory memory(IndexReader reader) {
        Object index = reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
        IndexMemory current = memory;
        if (current == null || current.index() != index) {
            synchronized (this) {
                current = memory;
                if (current == null || current.index() != index) {
                    current = new IndexMemory(index, new ConcurrentHashMap<>(),
                            Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build(),
                            Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build(), new ClauseScores());
                    memory = current;
                }
            }
        }
        return current;
    }

    private Optional<String> lookUpCorrection(IndexReader reader, String language, String term) {
        try {
            SuggestWord[] suggestions = spelling.suggestSimilar(new Term(IndexFields.body(language), term), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
        } catch (IOException e) {
            throw new UncheckedIOException("spelling lookup in the index failed", e);
        }
    }

    /** The best of title, heading and body for the term; empty when none of them has it. */
    private static Optional<Query> termQuery(TermLookup termLookup, String language, String term) {
        List<Query> fields = new ArrayList<>(3);
        termLookup.termQuery(IndexFields.title(language), term).ifPresent(query -> fields.add(new BoostQuery(query, TITLE_BOOST)));
        termLookup.termQuery(IndexFields.heading(language), term).ifPresent(query -> fields.add(new BoostQuery(query, HEADING_BOOST)));
        termLookup.termQuery(IndexFields.body(language), term).ifPresent(fields::add);
        return fields.isEmpty() ? Optional.empty() : Optional.of(new DisjunctionMaxQuery(fields, TIE_BREAKER));
    }

    /**
     * "pasal 68", "prinsip 17", "principle 31", "ayat 2": a reference to one article or principle is the most
     * specific thing a question can say, so the exact phrase weighs far more than its two words apart.
     */
    private List<Query> references(TermLookup termLookup, String language, String text) {
        List<Query> references = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find() && references.size() < MAX_TERMS) {
            List<String> words = TextAnalysis.terms(analyzers.forLanguage(language), IndexFields.body(language), reference.group());
            if (words.size() != 2) {
                continue;
            }
            for (String field : List.of(IndexFields.body(language), IndexFields.heading(language))) {
                if (!termLookup.hasAll(field, words.get(0), words.get(1))) {
                    continue;
                }
                PhraseQuery phrase = new PhraseQuery.Builder()
                        .add(new Term(field, words.get(0)), 0)
                        .add(new Term(field, words.get(1)), 1)
                        .build();
                references.add(new BoostQuery(phrase, REFERENCE_BOOST));
            }
        }
        return references;
    }
}
