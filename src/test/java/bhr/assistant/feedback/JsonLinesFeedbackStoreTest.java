package bhr.assistant.feedback;

import bhr.assistant.TestFiles;
import bhr.assistant.store.DataConfig;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonLinesFeedbackStoreTest {

    /** As the service configures it (application.yml): empty strings and lists are written, not left out. */
    private final JsonMapper json = io.micronaut.serde.ObjectMapper.create(Map.of("micronaut.serde.serialization.inclusion", "always"));

    @Test
    void a_changed_vote_replaces_the_earlier_one_and_older_records_still_read() throws Exception {
        Path dir = Files.createTempDirectory("bhr-feedback");
        try {
            // A line written before votes had keys.
            Files.writeString(dir.resolve("feedback.jsonl"), "{\"at\":\"2026-01-02T03:04:05Z\",\"kind\":\"UNANSWERED\",\"question\":\"apa itu x\","
                    + "\"channel\":\"telegram\",\"userHash\":\"ab\",\"passageIds\":[]}\n");
            JsonLinesFeedbackStore store = new JsonLinesFeedbackStore(new DataConfig(dir.toString()), json);
            store.record(new FeedbackRecord(Instant.now(), FeedbackRecord.Kind.HELPFUL, "q", "telegram", "u1", List.of("a#1"), "telegram:k1:u1"));
            store.record(new FeedbackRecord(Instant.now(), FeedbackRecord.Kind.HELPFUL, "q", "web", "", List.of()));
            store.record(new FeedbackRecord(Instant.now(), FeedbackRecord.Kind.NOT_HELPFUL, "q", "telegram", "u1", List.of("a#1"), "telegram:k1:u1"));

            List<FeedbackRecord> all = store.all();
            assertEquals(List.of(FeedbackRecord.Kind.UNANSWERED, FeedbackRecord.Kind.HELPFUL, FeedbackRecord.Kind.NOT_HELPFUL),
                    all.stream().map(FeedbackRecord::kind).toList());
            assertEquals("", all.get(0).voteKey());
            assertEquals("web", all.get(1).channel());
        } finally {
            TestFiles.deleteTree(dir);
        }
    }
}
