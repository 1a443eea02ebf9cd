package bhr.assistant.postgres;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * DATABASE_URL and how a replica follows the database.
 *
 * @param url                  postgresql://user:password@host:5432/db (?sslmode=... passed through); unset means the
 *                             file store in DATA_DIR
 * @param poolSize             most pooled connections per replica (admin changes, chat state, feedback)
 * @param revisionCheckMillis  how often a replica asks for the manifest revision, besides LISTEN/NOTIFY (which may
 *                             miss a commit while its connection is being re-made)
 */
@ConfigurationProperties("database")
public record DatabaseConfig(
        @Bindable(defaultValue = "") String url,
        @Bindable(defaultValue = "6") int poolSize,
        @Bindable(defaultValue = "2000") long revisionCheckMillis) {
}
