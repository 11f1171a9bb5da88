package meshplay.modules.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP server on 127.0.0.1 (an ephemeral port) for module tests: fixed responses by path, a
 * record of each request (method, path, headers, body). Paths not set up answer 404.
 */
public final class TestHttp implements AutoCloseable {
    /** One response: status, headers and body. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
    }

    /** One request as received. */
    public record Seen(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    public final List<Seen> requests = new CopyOnWriteArrayList<>();

    private TestHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestHttp serving(String path, String body) throws IOException {
        return new TestHttp().reply(path, 200, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public static TestHttp empty() throws IOException {
        return new TestHttp();
    }

    public TestHttp reply(String path, int status, Map<String, String> headers, byte[] body) {
        replies.put(path, new Reply(status, headers, body));
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), body));
        Reply r = replies.getOrDefault(ex.getRequestURI().getPath(), new Reply(404, Map.of(), "not found".getBytes(StandardCharsets.UTF_8)));
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(r.status(), head || r.body().length == 0 ? -1 : r.body().length);
        if (!head && r.body().length > 0) ex.getResponseBody().write(r.body());
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
