package bhr.assistant.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * TRUSTED_PROXIES (CONTRACT.md): addresses of reverse proxies whose X-Forwarded-For is believed. From anyone
 * else the header is ignored, so a client cannot dodge its rate limit by inventing addresses.
 */
@ConfigurationProperties("trusted")
public record TrustedProxiesConfig(@Bindable(defaultValue = "") String proxies) {

    public Set<String> addresses() {
        return Arrays.stream(proxies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
