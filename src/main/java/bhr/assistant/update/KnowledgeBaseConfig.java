package bhr.assistant.update;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Where the bundled knowledge base lives (KB_DIR, CONTRACT.md). */
@ConfigurationProperties("kb")
public record KnowledgeBaseConfig(@Bindable(defaultValue = "knowledge-base") String dir) {
}
