package meshplay.modules.packaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.FileMode;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.net.HttpFetch;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/**
 * apt_key: an APT trust key as a keyring file, without apt-key (which Debian 13 and Proxmox VE 9 no
 * longer ship): the key goes to 'keyring' or to /etc/apt/trusted.gpg.d/KEYID.asc (.gpg for binary
 * keys). A key whose ID is already in a keyring APT reads is left alone; absent removes the keyring
 * file that holds the ID.
 */
public final class AptKeyModule extends BaseModule<AptKeyModule.Arguments> {
    static final String TRUSTED_DIR = "/etc/apt/trusted.gpg.d";
    static final String TRUSTED_FILE = "/etc/apt/trusted.gpg";

    enum State { PRESENT, ABSENT }

    /** The typed arguments. */
    record Arguments(String id, String data, String file, String keyring, String url, String keyserver, boolean validateCerts, State state) {
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Adds or removes an APT trust key as a keyring file (no apt-key needed): 'keyring', or "
                            + "/etc/apt/trusted.gpg.d/KEYID.asc. With id, a key already in any APT keyring is left alone. For a "
                            + "repository's own key prefer deb822_repository's signed_by.")
            .add(ArgSpec.arg("id", ArgType.STR).doc("the key's ID: 8 or 16 hex digits or the whole fingerprint"))
            .add(ArgSpec.arg("data", ArgType.STR).doc("the key itself (ASCII-armored or binary)"))
            .add(ArgSpec.arg("file", ArgType.PATH).doc("a key file on the host"))
            .add(ArgSpec.arg("url", ArgType.STR).doc("an http(s) URL of the key, fetched by the controller"))
            .add(ArgSpec.arg("keyring", ArgType.PATH).doc("the keyring file to write (.asc keeps the armor, anything else is binary)"))
            .add(ArgSpec.arg("keyserver", ArgType.STR).doc("not supported: give url, data or file instead"))
            .add(ArgSpec.arg("validate_certs", ArgType.BOOL).defaultValue(true).doc("check the TLS certificate of url"))
            .add(ArgSpec.choice("state", State.class).defaultValue(State.PRESENT).doc("present or absent"))
            .mutuallyExclusive("data", "file", "url", "keyserver")
            .build();

    public AptKeyModule() {
        super("apt_key", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        if (a.keyserver() != null) {
            throw problem(ctx, "keyserver", "keyserver lookups are not supported by meshplay", "download the key with url, or give it as data or file");
        }
        List<String> keyrings = keyrings(ctx, a);
        if (a.state() == State.ABSENT) return absent(ctx, a, keyrings);
        byte[] key = source(ctx, a);
        Map<String, Object> data = new LinkedHashMap<>();
        if (key == null) {
            if (a.id() == null) throw problem(ctx, "id", "one of id, data, file or url is required", "give the key with url, data or file");
            if (holder(ctx, a.id(), keyrings) != null) return Plan.noChange(ids(a.id(), null));
            throw new ModuleFailure("key " + a.id() + " is in no APT keyring and no data, file or url was given to add it");
        }
        List<String> fps;
        try {
            fps = OpenPgpKeys.fingerprints(key);
        } catch (IllegalArgumentException e) {
            throw new ModuleFailure("the key is not an OpenPGP public key: " + e.getMessage());
        }
        if (fps.isEmpty()) throw new ModuleFailure("the key data holds no public key");
        if (a.id() != null && !OpenPgpKeys.matches(a.id(), fps)) {
            throw new ModuleFailure("the key given does not have the ID " + a.id() + " (its fingerprint is " + fps.get(0) + ")");
        }
        data.putAll(ids(a.id() != null ? a.id() : fps.get(0), fps.get(0)));
        if (a.id() != null && holder(ctx, a.id(), keyrings) != null && a.keyring() == null) return Plan.noChange(data);
        boolean armored = OpenPgpKeys.isArmored(key);
        String target = a.keyring() != null ? a.keyring()
                : TRUSTED_DIR + "/" + fps.get(0).substring(fps.get(0).length() - 16) + (armored ? ".asc" : ".gpg");
        byte[] content = target.endsWith(".asc") && armored ? key : OpenPgpKeys.dearmor(key);
        FileStat current = ctx.connection().files().stat(target, true);
        List<Change> changes = FileContent.plan(target, current, current == null ? null : FileContent.read(ctx, target), content,
                FileContent.Options.of(new FileAttributes.Desired(current == null ? FileMode.parse("0644") : null, null, null), false)
                        .creatingParents(Attributes.NONE));
        data.put("keyring", target);
        return Plan.of(changes, data);
    }

    private Plan absent(ModuleContext ctx, Arguments a, List<String> keyrings) throws Exception {
        if (a.id() == null) throw problem(ctx, "id", "state=absent needs the id of the key to remove", "add id: KEYID");
        List<Change> changes = new ArrayList<>();
        for (String path : keyrings) {
            byte[] bytes = FileContent.read(ctx, path);
            if (bytes == null || path.equals(TRUSTED_FILE)) continue;
            if (contains(bytes, a.id())) changes.add(FileContent.textChange(path, new String(bytes, StandardCharsets.UTF_8), null));
        }
        if (changes.isEmpty() && holder(ctx, a.id(), List.of(TRUSTED_FILE)) != null) {
            throw new ModuleFailure("key " + a.id() + " is in " + TRUSTED_FILE + ", which holds other keys too; remove it with gpg");
        }
        return Plan.of(changes, ids(a.id(), null));
    }

    /** The key bytes from data, file or url; null when none is given. */
    private static byte[] source(ModuleContext ctx, Arguments a) throws Exception {
        if (a.data() != null) return a.data().getBytes(StandardCharsets.UTF_8);
        if (a.file() != null) {
            byte[] b = FileContent.read(ctx, a.file());
            if (b == null) throw new ModuleFailure("key file " + a.file() + " does not exist");
            return b;
        }
        if (a.url() != null) {
            HttpFetch.Request get = HttpFetch.Request.get(a.url());
            HttpFetch.Response r = HttpFetch.send(new HttpFetch.Request("GET", a.url(), get.headers(), null, get.timeoutSeconds(),
                    a.validateCerts(), "safe", null, null, false));
            if (r.status() != 200) throw new ModuleFailure("error getting key id from url: HTTP Error " + r.status() + " for " + a.url());
            return r.body();
        }
        return null;
    }

    /** The keyring files APT reads (and the keyring argument), those that exist. */
    private static List<String> keyrings(ModuleContext ctx, Arguments a) throws Exception {
        List<String> out = new ArrayList<>();
        if (a.keyring() != null) out.add(a.keyring());
        if (ctx.connection().files().stat(TRUSTED_FILE, true) != null) out.add(TRUSTED_FILE);
        for (String f : HostDirectory.files(ctx, TRUSTED_DIR, "")) {
            if ((f.endsWith(".gpg") || f.endsWith(".asc")) && !out.contains(f)) out.add(f);
        }
        return out;
    }

    /** The first keyring that holds the key ID, or null. */
    private static String holder(ModuleContext ctx, String id, List<String> keyrings) throws Exception {
        for (String path : keyrings) {
            byte[] bytes = FileContent.read(ctx, path);
            if (bytes != null && contains(bytes, id)) return path;
        }
        return null;
    }

    private static boolean contains(byte[] keyring, String id) {
        try {
            return OpenPgpKeys.matches(id, OpenPgpKeys.fingerprints(keyring));
        } catch (IllegalArgumentException notAKeyring) {
            return false;
        }
    }

    /** Ansible's id results: the ID as given, key_id (16 digits), short_id (8) and, when known, the fingerprint. */
    private static Map<String, Object> ids(String id, String fingerprint) {
        String n = OpenPgpKeys.normalise(fingerprint != null ? fingerprint : id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("key_id", n.length() >= 16 ? n.substring(n.length() - 16) : n);
        m.put("short_id", n.length() >= 8 ? n.substring(n.length() - 8) : n);
        if (fingerprint != null) m.put("fp", fingerprint);
        return m;
    }
}
