package meshplay.modules.net;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.FileMode;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;
import meshplay.engine.lang.Json;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/**
 * uri: one HTTP(S) request from the controller, with Ansible's results (status, url, redirected,
 * each response header as a lower-case key with _ for -, json for a JSON body, content when asked).
 * A status outside status_code fails the task. The request is sent when the task runs, never in
 * check mode ("would run"); it reports changed only when it wrote dest.
 */
public final class UriModule extends BaseModule<UriModule.Arguments> {

    enum BodyFormat implements meshplay.engine.module.ArgChoice {
        FORM_URLENCODED("form-urlencoded"), JSON("json"), RAW("raw");

        private final String value;

        BodyFormat(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    /** The typed arguments. */
    record Arguments(String url, String method, Object body, BodyFormat bodyFormat, boolean returnContent, String followRedirects,
                     List<? extends Number> statusCode, int timeout, Map<String, Object> headers, String dest, String creates, String removes,
                     String urlUsername, String urlPassword, boolean forceBasicAuth, boolean validateCerts, String httpAgent,
                     FileMode mode, String owner, String group) {
        /** Whether a status is one of status_code (the list's numbers may arrive as any Number). */
        boolean accepts(int status) {
            return statusCode.stream().anyMatch(n -> ((Number) n).intValue() == status);
        }
    }

    private static final ArgSpec SPEC = UrlArgs.addTo(FileAttributes.addArgs(ArgSpec.builder(
                    "Sends an HTTP or HTTPS request from the controller and returns the response: status, url, headers (lower case, "
                            + "_ for -), json when the body is JSON, content with return_content. A status not in status_code fails the task.")
            .add(ArgSpec.arg("url", ArgType.STR).required().doc("http or https URL"))
            .add(ArgSpec.arg("method", ArgType.STR).defaultValue("GET").doc("HTTP method, one upper-case word"))
            .add(ArgSpec.arg("body", ArgType.RAW).doc("request body; with body_format json a mapping or list is sent as JSON"))
            .add(ArgSpec.choice("body_format", BodyFormat.class).defaultValue(BodyFormat.RAW)
                    .doc("json (sets Content-Type: application/json), form-urlencoded (a mapping as a form) or raw"))
            .add(ArgSpec.arg("return_content", ArgType.BOOL).defaultValue(false).doc("return the body as 'content'"))
            .add(ArgSpec.arg("follow_redirects", ArgType.STR).defaultValue("safe").choices("all", "no", "none", "safe", "urllib2", "yes")
                    .doc("safe: follow redirects of GET and HEAD only; all/yes: all; none/no: none"))
            .add(ArgSpec.arg("status_code", ArgType.LIST).elements(ArgType.INT).defaultValue(List.of(200)).doc("statuses that mean success"))
            .add(ArgSpec.arg("timeout", ArgType.INT).defaultValue(30).doc("seconds for the request"))
            .add(ArgSpec.arg("headers", ArgType.DICT).doc("request headers"))
            .add(ArgSpec.arg("dest", ArgType.PATH).doc("write the response body to this path on the host (changed when written)"))
            .add(ArgSpec.arg("creates", ArgType.PATH).doc("skip the request when this path exists on the host"))
            .add(ArgSpec.arg("removes", ArgType.PATH).doc("skip the request unless this path exists on the host"))
            .add(ArgSpec.arg("force", ArgType.BOOL).defaultValue(false).doc("accepted for compatibility"))
            .add(ArgSpec.arg("ca_path", ArgType.PATH).doc("accepted for compatibility; the controller's JVM trust store applies"))), "user")
            .build();

    public UriModule() {
        super("uri", SPEC, Arguments.class);
    }

    @Override
    public PlanKind kind() {
        return PlanKind.RUN_TO_PREDICT;
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        UrlArgs.refuseUnsupported(ctx, name());
        if (!a.method().matches("[A-Z]+")) {
            throw problem(ctx, "method", "Parameter 'method' needs to be a single word in uppercase, like GET or POST.", "e.g. method: POST");
        }
        if (a.creates() != null && ctx.connection().files().stat(a.creates(), true) != null) {
            return Plan.noChange(Map.of("stdout", "skipped, since '" + a.creates() + "' exists")).withNote("skipped, since " + a.creates() + " exists");
        }
        if (a.removes() != null && ctx.connection().files().stat(a.removes(), true) == null) {
            return Plan.noChange(Map.of("stdout", "skipped, since '" + a.removes() + "' does not exist"))
                    .withNote("skipped, since " + a.removes() + " does not exist");
        }
        return Plan.of(new Change(a.method() + " " + a.url(), null, (c, r) -> { }));
    }

    @Override
    protected ModuleResult apply(ModuleContext ctx, Arguments a, Plan plan) throws Exception {
        if (!plan.hasChanges()) return ModuleResult.builder().putAll(plan.data()).build();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", a.httpAgent());
        a.headers().forEach((k, v) -> headers.put(k, String.valueOf(v)));
        byte[] body = body(a, headers);
        HttpFetch.Response r = HttpFetch.send(new HttpFetch.Request(a.method(), a.url(), headers, body, a.timeout(), a.validateCerts(),
                a.followRedirects(), a.urlUsername(), a.urlPassword(), a.forceBasicAuth()));
        ModuleResult.Builder out = ModuleResult.builder();
        out.put("redirected", !r.url().equals(a.url()));
        out.put("url", r.url());
        out.put("status", r.status());
        out.put("msg", "OK (" + r.body().length + " bytes)");
        r.headers().forEach((k, v) -> out.put(k.replace('-', '_'), k.equals("location") ? URI.create(a.url()).resolve(v).toString() : v));
        String text = new String(r.body(), StandardCharsets.UTF_8);
        if (isJson(r.headers().get("content-type"))) {
            try {
                out.put("json", Json.parse(text));
            } catch (RuntimeException notJson) {
                // Ansible leaves json out when the body does not parse
            }
        }
        if (a.returnContent()) out.put("content", text);
        out.put("elapsed", 0);
        boolean changed = false;
        if (a.dest() != null && a.accepts(r.status()) && r.status() != 304) {
            changed = writeDest(ctx, a, r.body(), out);
        }
        out.changed(changed);
        if (!a.accepts(r.status())) {
            Map<String, Object> data = new LinkedHashMap<>(out.build().data());
            data.put("content", text);
            throw new ModuleFailure("Status code was " + r.status() + " and not " + a.statusCode() + ": HTTP Error " + r.status(), data);
        }
        return out.build();
    }

    /** Writes the body to dest (a directory takes the URL's file name or index.html); true when something changed. */
    private static boolean writeDest(ModuleContext ctx, Arguments a, byte[] content, ModuleResult.Builder out) throws Exception {
        String dest = a.dest();
        FileStat st = ctx.connection().files().stat(dest, true);
        if (st != null && st.isDirectory()) {
            String path = URI.create(a.url()).getPath();
            String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            dest = (dest.endsWith("/") ? dest : dest + "/") + (name.isEmpty() ? "index.html" : name);
            st = ctx.connection().files().stat(dest, true);
        }
        List<Change> changes = new ArrayList<>(FileContent.plan(dest, st, st == null ? null : FileContent.read(ctx, dest), content,
                FileContent.Options.of(new FileAttributes.Desired(a.mode(), a.owner(), a.group()), false)));
        for (Change c : changes) c.action().apply(ctx, out);
        out.put("path", dest);
        return !changes.isEmpty();
    }

    /** The request body as bytes; json and form-urlencoded set their Content-Type unless a header gives one. */
    private static byte[] body(Arguments a, Map<String, String> headers) {
        if (a.body() == null) return null;
        boolean hasType = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("content-type"));
        String text = switch (a.bodyFormat()) {
            case JSON -> {
                if (!hasType) headers.put("Content-Type", "application/json");
                yield a.body() instanceof String s ? s : Json.write(a.body());
            }
            case FORM_URLENCODED -> {
                if (!hasType) headers.put("Content-Type", "application/x-www-form-urlencoded");
                yield a.body() instanceof Map<?, ?> m ? form(m) : String.valueOf(a.body());
            }
            case RAW -> String.valueOf(a.body());
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String form(Map<?, ?> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** Ansible's test: the subtype (or its +suffix) is json or javascript. */
    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String sub = type.contains("/") ? type.substring(type.indexOf('/') + 1) : "";
        if (sub.contains("+")) sub = sub.substring(sub.indexOf('+') + 1);
        return sub.equals("json") || sub.equals("javascript");
    }
}
