package bhr.assistant.feedback;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Groups unanswered and unhelpful questions by their wording (case and punctuation aside), most frequent first. */
@Singleton
public class KnowledgeGaps {

    private final FeedbackStore store;

    public KnowledgeGaps(FeedbackStore store) {
        this.store = store;
    }

    public List<KnowledgeGap> top(int limit) {
        Map<String, List<FeedbackRecord>> byQuestion = new LinkedHashMap<>();
        for (FeedbackRecord record : store.all()) {
            if (record.kind() != FeedbackRecord.Kind.HELPFUL) {
                byQuestion.computeIfAbsent(key(record.question()), k -> new ArrayList<>()).add(record);
            }
        }
        List<KnowledgeGap> gaps = new ArrayList<>();
        for (List<FeedbackRecord> records : byQuestion.values()) {
            FeedbackRecord latest = records.stream().max(Comparator.comparing(FeedbackRecord::at)).orElseThrow();
            int unanswered = (int) records.stream().filter(r -> r.kind() == FeedbackRecord.Kind.UNANSWERED).count();
            gaps.add(new KnowledgeGap(latest.question(), records.size(), unanswered, records.size() - unanswered, latest.at(),
                    List.copyOf(new TreeSet<>(records.stream().map(FeedbackRecord::channel).toList()))));
        }
        gaps.sort(Comparator.comparingInt(KnowledgeGap::count).reversed()
                .thenComparing(KnowledgeGap::lastAsked, Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
        return gaps.subList(0, Math.min(limit, gaps.size()));
    }

    private static String key(String question) {
        return question == null ? "" : question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
