package bhr.assistant.postgres;

import bhr.assistant.chat.Ballot;
import bhr.assistant.chat.InMemoryVoteBook;
import bhr.assistant.chat.VoteBook;
import bhr.assistant.chat.VoteOutcome;
import bhr.assistant.feedback.FeedbackRecord;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * Votes in {@code chat_votes}, one row per channel, answer and user, so the counts on an answer's buttons are
 * everyone's wherever they pressed. The vote and its feedback record (under the ballot's vote key) are written in
 * one transaction: a vote the database did not keep is reported as not kept, and nothing is half-written.
 */
@Singleton
@Requires(beans = Database.class)
@Replaces(InMemoryVoteBook.class)
public class PostgresVoteBook implements VoteBook {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresVoteBook.class);

    private final Database db;

    public PostgresVoteBook(Database db) {
        this.db = db;
    }

    @Override
    public VoteOutcome cast(Ballot ballot) {
        try {
            return db.transaction(connection -> {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, voteKey(ballot)); // two presses of one user at once are counted one after the other
                    lock.execute();
                }
                Boolean previous = null;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT helpful FROM chat_votes WHERE channel = ? AND answer_key = ? AND user_hash = ?")) {
                    select.setString(1, ballot.channel());
                    select.setString(2, ballot.answerKey());
                    select.setString(3, ballot.userHash());
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next()) {
                            previous = rows.getBoolean(1);
                        }
                    }
                }
                if (previous == null || previous != ballot.helpful()) {
                    try (PreparedStatement upsert = connection.prepareStatement("""
                            INSERT INTO chat_votes (channel, answer_key, user_hash, helpful) VALUES (?, ?, ?, ?)
                            ON CONFLICT (channel, answer_key, user_hash) DO UPDATE SET helpful = excluded.helpful, at = now()""")) {
                        upsert.setString(1, ballot.channel());
                        upsert.setString(2, ballot.answerKey());
                        upsert.setString(3, ballot.userHash());
                        upsert.setBoolean(4, ballot.helpful());
                        upsert.executeUpdate();
                    }
                    PostgresFeedbackStore.write(connection, new FeedbackRecord(Instant.now(),
                            ballot.helpful() ? FeedbackRecord.Kind.HELPFUL : FeedbackRecord.Kind.NOT_HELPFUL, ballot.question(),
                            ballot.channel(), ballot.userHash(), ballot.passageIds(), voteKey(ballot)));
                }
                try (PreparedStatement count = connection.prepareStatement("""
                        SELECT count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful)
                        FROM chat_votes WHERE channel = ? AND answer_key = ?""")) {
                    count.setString(1, ballot.channel());
                    count.setString(2, ballot.answerKey());
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        return new VoteOutcome(previous, ballot.helpful(), rows.getInt(1), rows.getInt(2), true);
                    }
                }
            });
        } catch (IOException e) {
            LOG.warn("A vote could not be kept: {}", e.getMessage());
            return new VoteOutcome(null, ballot.helpful(), 0, 0, false);
        }
    }

    /** The same key the single-process vote book gives the feedback record: one per channel, answer and user. */
    static String voteKey(Ballot ballot) {
        return ballot.channel() + ":" + ballot.answerKey() + ":" + ballot.userHash();
    }
}
