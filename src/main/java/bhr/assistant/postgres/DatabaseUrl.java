package bhr.assistant.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DATABASE_URL as operators write it, {@code postgresql://user:password@host:5432/db?sslmode=require}, read into
 * what the JDBC driver takes: a URL without credentials, and the user and password apart, so the password is never
 * part of a string that could be logged. {@link #toString()} and {@link #where()} leave it out.
 *
 * @param parameters query parameters, passed through to the driver (sslmode, sslrootcert, ...)
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, Map<String, String> parameters) {

    static final int DEFAULT_PORT = 5432;

    public DatabaseUrl {
        parameters = Map.copyOf(parameters);
    }

    /** @throws IllegalArgumentException with a message that names what is wrong, never the password */
    public static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a URL of the form postgresql://user:password@host:5432/db");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// (it starts with '" + scheme + ":')");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL names no host (or a port that is not a number): write postgresql://user:password@host:5432/db");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isBlank() || path.contains("/")) {
            throw new IllegalArgumentException("DATABASE_URL names no database at " + uri.getHost() + ": write postgresql://user:password@host:5432/db");
        }
        String user = "";
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL names no user for " + uri.getHost() + ": write postgresql://user:password@host:5432/db");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (name.equalsIgnoreCase("user") || name.equalsIgnoreCase("password")) {
                    continue; // credentials come from the user-info part only
                }
                parameters.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new DatabaseUrl(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), decode(path), user, password, parameters);
    }

    /** The driver's URL: no user, no password. */
    public String jdbcUrl() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        String query = parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    /** host:port, as errors and logs name the database. */
    public String where() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Everything but the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + where() + "/" + database;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
