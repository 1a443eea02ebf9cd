package bhr.assistant.update;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The bundled knowledge base (KB_DIR, CONTRACT.md).
 *
 * @param watchIntervalMillis how often KB_DIR is checked for changed files; 0 turns hot reload off
 */
@ConfigurationProperties("kb")
public record KnowledgeBaseConfig(
        @Bindable(defaultValue = "knowledge-base") String dir,
        @Bindable(defaultValue = "1000") long watchIntervalMillis) {
}
