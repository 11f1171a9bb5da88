package meshplay.modules.net;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import meshplay.engine.module.ModuleFailure;

/**
 * One HTTP(S) request made from the controller with the JDK's client, for get_url, uri and modules
 * that fetch a key (deb822_repository's signed_by, apt_key's url). It follows Ansible's url options:
 * redirects (none, safe, all), basic auth, validate_certs, a timeout. Transport errors become a
 * {@link ModuleFailure} that names the URL.
 */
public final class HttpFetch {

    /** What to send. {@code followRedirects} is Ansible's: "none", "safe" (GET/HEAD only), "all". */
    public record Request(String method, String url, Map<String, String> headers, byte[] body, int timeoutSeconds,
                          boolean validateCerts, String followRedirects, String username, String password, boolean forceBasicAuth) {
        public static Request get(String url) {
            return new Request("GET", url, Map.of(), null, 10, true, "safe", null, null, false);
        }
    }

    /** What came back: the status, the final URL, the headers (names in lower case) and the body. */
    public record Response(int status, String url, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private HttpFetch() {
    }

    /** Sends the request; any status is a response, only transport failures are errors. */
    public static Response send(Request r) throws ModuleFailure, InterruptedException {
        URI uri;
        try {
            uri = URI.create(r.url());
        } catch (IllegalArgumentException e) {
            throw new ModuleFailure("'" + r.url() + "' is not a valid URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new ModuleFailure("'" + r.url() + "' is not an http or https URL");
        }
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(r.timeoutSeconds()))
                .followRedirects(redirects(r.followRedirects(), r.method()));
        if (!r.validateCerts()) client.sslContext(trustAll()).sslParameters(noHostnameCheck());
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(r.timeoutSeconds()))
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        req.header("User-Agent", "meshplay");
        r.headers().forEach(req::header);
        if (r.username() != null && r.forceBasicAuth()) req.header("Authorization", basic(r.username(), r.password()));
        try {
            HttpResponse<byte[]> resp = client.build().send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() == 401 && r.username() != null && !r.forceBasicAuth()) {
                req.header("Authorization", basic(r.username(), r.password()));
                resp = client.build().send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            resp.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
            return new Response(resp.statusCode(), resp.uri().toString(), headers, resp.body());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ModuleFailure("Request failed: timed out after " + r.timeoutSeconds() + "s fetching " + r.url(), Map.of("url", r.url()));
        } catch (java.io.IOException e) {
            throw new ModuleFailure("Request failed: " + r.url() + ": " + e, Map.of("url", r.url()));
        }
    }

    private static HttpClient.Redirect redirects(String follow, String method) {
        return switch (follow == null ? "safe" : follow) {
            case "none", "no", "false" -> HttpClient.Redirect.NEVER;
            case "all", "yes", "true" -> HttpClient.Redirect.ALWAYS;
            default -> method.equals("GET") || method.equals("HEAD") ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER;
        };
    }

    private static String basic(String user, String password) {
        String pair = user + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** validate_certs: false, as in Ansible: any certificate and any host name are accepted. */
    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) { }
                public void checkServerTrusted(X509Certificate[] chain, String authType) { }
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLParameters noHostnameCheck() {
        SSLParameters p = new SSLParameters();
        p.setEndpointIdentificationAlgorithm(null);
        return p;
    }
}
