package meshplay.modules.system;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.engine.module.Presence;
import meshplay.modules.support.FileContent;

/**
 * Adds or removes a host's key in a known_hosts file, as Ansible's known_hosts module: the host's
 * entries are found with the host's own ssh-keygen -F (so hashed names and [host]:port count); a key
 * of the same type is replaced, a new type is appended; every other line is kept.
 */
public final class KnownHostsModule extends BaseModule<KnownHostsModule.Arguments> {
    private static final Pattern FOUND_LINE = Pattern.compile("found: line (\\d+)");
    private static final ArgSpec SPEC = ArgSpec.builder("Add or remove a host key in a known_hosts file, as Ansible's "
                    + "known_hosts module.")
            .add(ArgSpec.arg("name", ArgType.STR).required().aliases("host").doc("the host (one name; [host]:port for another port)"))
            .add(ArgSpec.arg("key", ArgType.STR).doc("the known_hosts line: 'NAME TYPE KEY' (as ssh-keyscan prints it); needed for present"))
            .add(ArgSpec.arg("path", ArgType.PATH).defaultValue("~/.ssh/known_hosts").doc("the known_hosts file"))
            .add(ArgSpec.arg("hash_host", ArgType.BOOL).defaultValue(false).doc("write the host name hashed"))
            .add(ArgSpec.choice("state", Presence.class).defaultValue(Presence.PRESENT).doc("whether the key should be in the file"))
            .build();


    /** The typed arguments. */
    record Arguments(String name, String key, String path, boolean hashHost, Presence state) {
    }

    public KnownHostsModule() {
        super("known_hosts", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        String host = a.name().toLowerCase(Locale.ROOT);
        boolean present = a.state() == Presence.PRESENT;
        String key = a.key() == null || a.key().isEmpty() ? null : a.key();
        if (key == null && present) throw new ModuleFailure("No key specified when adding a host");
        if (key != null && a.hashHost()) key = hashed(host, key);
        if (key != null && !key.endsWith("\n")) key += "\n";
        if (key != null) sanityCheck(host, key);
        String path = expandHome(ctx, a.path());
        String before = FileContent.readText(ctx.connection().files(), path);

        boolean found = false;
        boolean replaceOrAdd = false;
        List<Integer> foundLines = new ArrayList<>();
        Integer foundLine = null;
        if (before != null) {
            ExecResult r = ctx.run(ExecRequest.argv("ssh-keygen", "-F", host, "-f", path));
            if (!(r.stdout().isEmpty() && r.stderr().isEmpty() && (r.rc() == 0 || r.rc() == 1))) {
                if (r.rc() != 0) throw new ModuleFailure("ssh-keygen failed (rc=" + r.rc() + ", stdout='" + r.stdout() + "',stderr='" + r.stderr() + "')");
                found = true;
                Map<String, String> wanted = key == null ? null : normalize(key);
                replaceOrAdd = key != null;
                Integer line = null;
                for (String l : r.stdout().split("\n")) {
                    if (l.isEmpty()) continue;
                    if (l.startsWith("#")) {
                        Matcher m = FOUND_LINE.matcher(l);
                        if (m.find()) {
                            line = Integer.parseInt(m.group(1));
                            foundLines.add(line);
                        }
                        continue;
                    }
                    if (wanted == null || foundLine != null || !replaceOrAdd) continue;
                    Map<String, String> have = normalize(l);
                    if (wanted.get("host").startsWith("|1|") && have.get("host").startsWith("|1|")) wanted.put("host", have.get("host"));
                    if (wanted.equals(have)) {
                        replaceOrAdd = false;
                        foundLine = line;
                    } else if (wanted.get("type").equals(have.get("type"))) {
                        foundLine = line;
                    }
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", a.name());
        data.put("key", a.key());
        data.put("path", path);
        data.put("hash_host", a.hashHost());
        data.put("state", a.state().name().toLowerCase(Locale.ROOT));
        boolean change = key == null ? found : present ? replaceOrAdd || !found : foundLine != null;
        if (!change) return Plan.noChange(data);

        List<String> lines = before == null ? new ArrayList<>() : new ArrayList<>(List.of(before.split("(?<=\n)")));
        List<Integer> drop = key == null ? foundLines : foundLine != null && (replaceOrAdd || !present) ? List.of(foundLine) : List.of();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (!drop.contains(i + 1)) after.append(lines.get(i));
        }
        if (present) after.append(key);
        Change write = FileContent.textChange(path, before, after.toString());
        return write == null ? Plan.noChange(data) : Plan.of(List.of(write), data);
    }

    /** Ansible's sanity check: the key's own host field must name the host (plain, in a list, or hashed). */
    static void sanityCheck(String host, String key) throws ModuleFailure {
        if (host.matches(".*\\S+(\\s+)?,(\\s+)?.*")) {
            throw new ModuleFailure("Comma separated list of names is not supported. Please pass a single name to lookup in the known_hosts file.");
        }
        String field = normalize(key).get("host");
        boolean matches;
        if (field.startsWith("|1|")) {
            String[] p = field.split("\\|");
            matches = p.length == 4 && Base64.getEncoder().encodeToString(hmac(Base64.getDecoder().decode(p[2]), host)).equals(p[3]);
        } else {
            matches = List.of(field.toLowerCase(Locale.ROOT).split(",")).contains(host);
        }
        if (!matches) throw new ModuleFailure("Host parameter does not match hashed host field in supplied key");
    }

    /** host, type and key of a known_hosts line (and its @marker as options). */
    static Map<String, String> normalize(String line) throws ModuleFailure {
        String[] k = line.strip().split("\\s+");
        Map<String, String> d = new LinkedHashMap<>();
        int i = k[0].startsWith("@") ? 1 : 0;
        if (k.length < i + 3) throw new ModuleFailure("the key is not a known_hosts line (HOST TYPE KEY): " + line.strip());
        if (i == 1) d.put("options", k[0]);
        d.put("host", k[i]);
        d.put("type", k[i + 1]);
        d.put("key", k[i + 2]);
        return d;
    }

    private static String hashed(String host, String key) {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        String[] parts = key.strip().split("\\s+");
        int i = parts[0].startsWith("@") ? 1 : 0;
        parts[i] = "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hmac(salt, host));
        return String.join(" ", parts);
    }

    private static byte[] hmac(byte[] salt, String host) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /** A leading ~/ is the home directory of the user the module runs as on the host. */
    static String expandHome(ModuleContext ctx, String path) throws Exception {
        if (!path.equals("~") && !path.startsWith("~/")) return path;
        ExecResult r = ctx.run(ExecRequest.shell("printf '%s' ~"));
        if (r.rc() != 0 || r.stdout().isBlank()) throw new ModuleFailure("cannot find the home directory on the host: " + r.stderr().strip());
        return r.stdout() + path.substring(1);
    }
}
