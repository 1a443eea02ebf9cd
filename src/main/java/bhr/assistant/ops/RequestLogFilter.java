package bhr.assistant.ops;

import bhr.assistant.http.ClientAddress;
import bhr.assistant.store.UserIdHasher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per request (logger "bhr.access"): method, path, status, duration and a salted hash of
 * the client address. Query strings, bodies and headers are not logged: they can hold questions, tokens or secrets.
 */
@ServerFilter("/**")
class RequestLogFilter {

    private static final Logger ACCESS = LoggerFactory.getLogger("bhr.access");
    private static final String STARTED = RequestLogFilter.class.getName() + ".started";

    private final ClientAddress clients;
    private final UserIdHasher hasher;

    RequestLogFilter(ClientAddress clients, UserIdHasher hasher) {
        this.clients = clients;
        this.hasher = hasher;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        ACCESS.info("method={} path={} status={} ms={} client={}", request.getMethodName(), request.getPath(),
                response.code(), (System.nanoTime() - started) / 1_000_000, hasher.hash(clients.of(request)));
    }
}
