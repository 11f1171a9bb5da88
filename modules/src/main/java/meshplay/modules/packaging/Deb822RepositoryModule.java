package meshplay.modules.packaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.FileMode;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.net.HttpFetch;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/**
 * deb822_repository: one APT source as a deb822 {@code .sources} file (the format of Proxmox VE 9's
 * repository files), named after the repository: {@code /etc/apt/sources.list.d/SLUG.sources}. The file
 * holds the given fields in Ansible's order; a signed_by URL is downloaded to
 * {@code /etc/apt/keyrings/SLUG.asc|gpg}. state=absent removes both.
 */
public final class Deb822RepositoryModule extends BaseModule<Deb822RepositoryModule.Arguments> {
    static final String SOURCES_DIR = "/etc/apt/sources.list.d";
    static final String KEYRINGS_DIR = "/etc/apt/keyrings";
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

    private static final ArgSpec SPEC = buildSpec();

    private static ArgSpec buildSpec() {
        ArgSpec.Builder b = ArgSpec.builder("Adds or removes an APT repository as a deb822 .sources file in /etc/apt/sources.list.d/ "
                + "(the format Proxmox VE 9 uses). The file is named after 'name' (lower case, spaces and _ as -). It does not "
                + "refresh the package lists: run apt with update_cache when it changed. A signed_by URL is downloaded by the "
                + "controller into /etc/apt/keyrings/.");
        b.add(ArgSpec.arg("name", ArgType.STR).required().doc("name of the repository; it names the file and is written as X-Repolib-Name"));
        b.add(ArgSpec.arg("types", ArgType.LIST).elements(ArgType.STR).defaultValue(List.of("deb"))
                .doc("Types: deb and/or deb-src (choices: deb, deb-src)"));
        b.add(ArgSpec.arg("uris", ArgType.LIST).elements(ArgType.STR).doc("URIs: the repository base URLs"));
        b.add(ArgSpec.arg("suites", ArgType.LIST).elements(ArgType.STR).doc("Suites: e.g. trixie, or a path ending in / for flat repositories"));
        b.add(ArgSpec.arg("components", ArgType.LIST).elements(ArgType.STR).doc("Components: e.g. pve-no-subscription"));
        b.add(ArgSpec.arg("signed_by", ArgType.STR).doc("Signed-By: a key file path on the host, a fingerprint, an inline ASCII-armored key, "
                + "or an http(s) URL to download into /etc/apt/keyrings/NAME.asc (or .gpg)"));
        b.add(ArgSpec.arg("architectures", ArgType.LIST).elements(ArgType.STR).doc("Architectures: e.g. amd64"));
        b.add(ArgSpec.arg("enabled", ArgType.BOOL).doc("Enabled: yes/no"));
        b.add(ArgSpec.arg("languages", ArgType.LIST).elements(ArgType.STR).doc("Languages"));
        b.add(ArgSpec.arg("targets", ArgType.LIST).elements(ArgType.STR).doc("Targets"));
        b.add(ArgSpec.arg("trusted", ArgType.BOOL).doc("Trusted: skip signature checks (insecure)"));
        b.add(ArgSpec.arg("allow_downgrade_to_insecure", ArgType.BOOL).doc("Allow-Downgrade-To-Insecure"));
        b.add(ArgSpec.arg("allow_insecure", ArgType.BOOL).doc("Allow-Insecure"));
        b.add(ArgSpec.arg("allow_weak", ArgType.BOOL).doc("Allow-Weak"));
        b.add(ArgSpec.arg("by_hash", ArgType.BOOL).doc("By-Hash"));
        b.add(ArgSpec.arg("check_date", ArgType.BOOL).doc("Check-Date"));
        b.add(ArgSpec.arg("check_valid_until", ArgType.BOOL).doc("Check-Valid-Until"));
        b.add(ArgSpec.arg("date_max_future", ArgType.INT).doc("Date-Max-Future (seconds)"));
        b.add(ArgSpec.arg("inrelease_path", ArgType.STR).doc("InRelease-Path"));
        b.add(ArgSpec.arg("pdiffs", ArgType.BOOL).doc("PDiffs"));
        b.add(ArgSpec.arg("install_python_debian", ArgType.BOOL).defaultValue(true)
                .doc("accepted for compatibility; meshplay needs no Python library on the host"));
        b.add(ArgSpec.arg("mode", ArgType.MODE).defaultValue("0644").doc("permissions of the .sources file"));
        b.add(ArgSpec.choice("state", State.class).defaultValue(State.PRESENT).doc("present or absent"));
        return b.build();
    }

    enum State { PRESENT, ABSENT }

    /** The typed arguments; the fields of the file are those from name to uris. */
    record Arguments(String name, List<String> types, List<String> uris, List<String> suites, List<String> components, String signedBy,
                     List<String> architectures, Boolean enabled, List<String> languages, List<String> targets, Boolean trusted,
                     Boolean allowDowngradeToInsecure, Boolean allowInsecure, Boolean allowWeak, Boolean byHash, Boolean checkDate,
                     Boolean checkValidUntil, Integer dateMaxFuture, String inreleasePath, Boolean pdiffs, boolean installPythonDebian,
                     FileMode mode, State state) {

        /** The fields to write, by argument name in Ansible's order (sorted by name); absent ones and empty lists left out. */
        Map<String, Object> fields() {
            Map<String, Object> f = new TreeMap<>();
            f.put("name", name);
            f.put("types", types);
            f.put("uris", uris);
            f.put("suites", suites);
            f.put("components", components);
            f.put("signed_by", signedBy);
            f.put("architectures", architectures);
            f.put("enabled", enabled);
            f.put("languages", languages);
            f.put("targets", targets);
            f.put("trusted", trusted);
            f.put("allow_downgrade_to_insecure", allowDowngradeToInsecure);
            f.put("allow_insecure", allowInsecure);
            f.put("allow_weak", allowWeak);
            f.put("by_hash", byHash);
            f.put("check_date", checkDate);
            f.put("check_valid_until", checkValidUntil);
            f.put("date_max_future", dateMaxFuture);
            f.put("inrelease_path", inreleasePath);
            f.put("pdiffs", pdiffs);
            f.values().removeIf(v -> v == null || v instanceof List<?> l && l.isEmpty());
            return f;
        }

        /** Ansible's file name part: lower case, runs of spaces and _ become -, anything else but a-z0-9- is dropped. */
        String slug() {
            return slug(name);
        }

        static String slug(String name) {
            return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[_\\s]+", "-").replaceAll("[^a-z0-9-]+", "");
        }

        String sourcesPath() {
            return SOURCES_DIR + "/" + slug() + ".sources";
        }

        String keyPath(String ext) {
            return KEYRINGS_DIR + "/" + slug() + "." + ext;
        }
    }

    public Deb822RepositoryModule() {
        super("deb822_repository", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments p) throws Exception {
        List<?> badTypes = p.types().stream().filter(t -> !List.of("deb", "deb-src").contains(t)).toList();
        if (!badTypes.isEmpty()) {
            throw problem(ctx, "types", "value of types must be one or more of: deb, deb-src. Got no match for: "
                    + String.join(", ", badTypes.stream().map(String::valueOf).toList()), "write deb, deb-src or both");
        }
        if (p.slug().isEmpty()) throw problem(ctx, "name", "'" + p.name() + "' leaves no file name", "use letters, digits or - in the name");
        String dest = p.sourcesPath();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", dest);
        List<Change> changes = new ArrayList<>();
        if (p.state() == State.ABSENT) {
            String removedKey = null;
            if (ctx.connection().files().stat(dest, false) != null) changes.add(remove(ctx, dest));
            for (String ext : List.of("asc", "gpg")) {
                String key = p.keyPath(ext);
                removedKey = key;
                if (ctx.connection().files().stat(key, false) != null) changes.add(remove(ctx, key));
            }
            data.put("repo", null);
            data.put("key_filename", removedKey);
            return Plan.of(changes, data);
        }
        String keyFile = null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : p.fields().entrySet()) {
            String value = format(e.getValue());
            if (e.getKey().equals("signed_by")) {
                SignedBy s = signedBy(ctx, p, value, changes);
                keyFile = s.keyFile();
                value = s.value();
            }
            fields.put(fieldName(e.getKey()), value);
        }
        String repo = Deb822.render(fields);
        FileStat current = ctx.connection().files().stat(dest, true);
        String before = current == null ? null : FileContent.readText(ctx.connection().files(), dest);
        // the same fields and values in another order or layout (a file written by hand or by Proxmox) are kept as they are
        boolean same = before != null && Deb822.sameStanza(before, fields);
        changes.addAll(FileContent.plan(dest, current, before == null ? null : before.getBytes(StandardCharsets.UTF_8),
                (same ? before : repo).getBytes(StandardCharsets.UTF_8), FileContent.Options.of(new FileAttributes.Desired(p.mode(), null, null), false)
                        .creatingParents(Attributes.NONE)));
        data.put("repo", repo);
        data.put("key_filename", keyFile);
        return Plan.of(changes, data);
    }

    /** The Signed-By value and the keyring file it names (null when none was downloaded). */
    private record SignedBy(String value, String keyFile) {
    }

    /** A URL is downloaded into the keyring directory (a Change when it differs); a path or an inline key is kept as given. */
    private static SignedBy signedBy(ModuleContext ctx, Arguments p, String value, List<Change> changes) throws Exception {
        if (!URL_SCHEME.matcher(value).find()) {
            FileStat s = value.startsWith("/") ? ctx.connection().files().stat(value, true) : null;
            return new SignedBy(value, s != null && s.isFile() ? value : null);
        }
        HttpFetch.Response r = HttpFetch.send(HttpFetch.Request.get(value));
        if (r.status() != 200) throw new ModuleFailure("Could not fetch signed_by key: HTTP Error " + r.status() + " for " + value);
        byte[] key = r.body();
        String keyFile = p.keyPath(new String(key, StandardCharsets.ISO_8859_1).contains("-----BEGIN PGP PUBLIC KEY BLOCK-----") ? "asc" : "gpg");
        FileStat current = ctx.connection().files().stat(keyFile, true);
        changes.addAll(FileContent.plan(keyFile, current, current == null ? null : FileContent.read(ctx, keyFile), key,
                FileContent.Options.of(new FileAttributes.Desired(FileMode.parse("0644"), null, null), false)
                        .creatingParents(new Attributes(FileAttributes.NEW_DIRECTORY_MODE, null, null))));
        return new SignedBy(keyFile, keyFile);
    }

    private static Change remove(ModuleContext ctx, String path) throws Exception {
        String before = FileContent.readText(ctx.connection().files(), path);
        return FileContent.textChange(path, before == null ? "" : before, null);
    }

    /** A value as Ansible writes it: booleans as yes/no, lists space-separated. */
    private static String format(Object v) {
        if (v instanceof Boolean b) return b ? "yes" : "no";
        if (v instanceof List<?> l) return String.join(" ", l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }

    /** "signed_by" -> "Signed-By"; name is X-Repolib-Name and uris URIs, as in Ansible. */
    static String fieldName(String arg) {
        if (arg.equals("name")) return "X-Repolib-Name";
        if (arg.equals("uris")) return "URIs";
        StringBuilder out = new StringBuilder();
        for (String part : arg.split("_")) {
            if (out.length() > 0) out.append('-');
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
