package bhr.assistant.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The admin API (ADMIN_TOKEN, CONTRACT.md).
 *
 * @param token          bearer token for /admin/**; unset or blank turns the admin API off (403)
 * @param maxUploadBytes largest accepted upload (413 beyond); the server's own request limit (25 MB) caps it
 */
@ConfigurationProperties("admin")
public record AdminConfig(
        @Nullable String token,
        @Bindable(defaultValue = "20971520") long maxUploadBytes) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
