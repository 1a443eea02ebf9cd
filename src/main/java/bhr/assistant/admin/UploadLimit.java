package bhr.assistant.admin;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ADMIN_MAX_UPLOAD_BYTES applies as documented: the server's own request limits (micronaut.server.max-request-size,
 * and max-request-buffer-size, 10 MB by default, which refused uploads over 10 MiB although 20 MB were promised)
 * are raised to let an upload of that size through, with room for the admin API to refuse a slightly larger one
 * with its own message. Public endpoints keep their own, much smaller limits (ApiBodyLimitFilter).
 */
@Singleton
class UploadLimit implements BeanCreatedEventListener<HttpServerConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(UploadLimit.class);
    /** Bodies up to this much over the limit reach the admin API, which answers 413 with the limit named. */
    static final long HEADROOM = 1024 * 1024;

    private final AdminConfig admin;

    UploadLimit(AdminConfig admin) {
        this.admin = admin;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration server = event.getBean();
        long needed = admin.maxUploadBytes() + HEADROOM;
        if (server.getMaxRequestSize() < needed || server.getMaxRequestBufferSize() < needed) {
            LOG.info("Server request limit raised to {} bytes for ADMIN_MAX_UPLOAD_BYTES={}", needed, admin.maxUploadBytes());
            server.setMaxRequestSize(Math.max(server.getMaxRequestSize(), needed));
            server.setMaxRequestBufferSize(Math.max(server.getMaxRequestBufferSize(), needed));
        }
        return server;
    }
}
