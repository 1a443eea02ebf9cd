package bhr.assistant.store;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Where the service keeps what it writes: uploaded documents, history, feedback (DATA_DIR, CONTRACT.md). */
@ConfigurationProperties("data")
public record DataConfig(@Bindable(defaultValue = "data") String dir) {
}
