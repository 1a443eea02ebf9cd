package bhr.assistant.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits of the public API (API_RATE_LIMIT, CONTRACT.md).
 *
 * @param rateLimit requests per minute per client on /api/**; 0 turns the limit off
 */
@ConfigurationProperties("api")
public record ApiLimitsConfig(@Bindable(defaultValue = "120") int rateLimit) {
}
