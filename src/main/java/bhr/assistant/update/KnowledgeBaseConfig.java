package bhr.assistant.update;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The bundled knowledge base (KB_DIR, CONTRACT.md).
 *
 * @param watchIntervalMillis how often KB_DIR is checked for changed files; 0 turns hot reload off
 * @param staleAfterMonths    a passage whose time-sensitive statements are dated ("Per:") longer ago than this is
 *                            listed in /admin/status for re-checking (KB_STALE_AFTER_MONTHS)
 */
@ConfigurationProperties("kb")
public record KnowledgeBaseConfig(
        @Bindable(defaultValue = "knowledge-base") String dir,
        @Bindable(defaultValue = "1000") long watchIntervalMillis,
        @Bindable(defaultValue = "12") int staleAfterMonths) {

    public KnowledgeBaseConfig(String dir, long watchIntervalMillis) {
        this(dir, watchIntervalMillis, 12);
    }
}
