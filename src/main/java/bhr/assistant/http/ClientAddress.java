package bhr.assistant.http;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who a request comes from: the connection's address, or, when that is a trusted proxy, the nearest address in
 * X-Forwarded-For that is not itself a trusted proxy (the entries a client wrote itself come first and are skipped).
 */
@Singleton
public class ClientAddress {

    private final Set<String> trusted;

    public ClientAddress(TrustedProxiesConfig config) {
        this.trusted = config.addresses();
    }

    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        if (!trusted.contains(address)) {
            return address;
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    forwarded.add(hop.strip());
                }
            }
        }
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trusted.contains(forwarded.get(i))) {
                return forwarded.get(i);
            }
        }
        return address;
    }
}
