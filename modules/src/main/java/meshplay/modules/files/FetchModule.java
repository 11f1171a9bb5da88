package meshplay.modules.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import meshplay.engine.connect.Checksum;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;

/**
 * Copies a file from the host to the controller, as Ansible's fetch module: into
 * DEST/INVENTORY_HOSTNAME/SRC, or to DEST itself with flat=true. The copy is written only when its
 * SHA-1 differs from the host's file. Unlike Ansible, which skips fetch in check mode, a check run
 * reports whether the copy would change.
 */
public final class FetchModule extends BaseModule<FetchModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Fetch a file from the host into a directory on the controller, "
                    + "as Ansible's fetch module.")
            .add(ArgSpec.arg("src", ArgType.PATH).required().doc("the file on the host (not a directory)"))
            .add(ArgSpec.arg("dest", ArgType.PATH).required().doc("controller directory (relative to the playbook's); "
                    + "the file lands in DEST/HOST/SRC unless flat"))
            .add(ArgSpec.arg("flat", ArgType.BOOL).defaultValue(false).doc("write to DEST itself (DEST/ + the file's name when DEST ends with /)"))
            .add(ArgSpec.arg("fail_on_missing", ArgType.BOOL).defaultValue(true).doc("fail when the host has no such file"))
            .add(ArgSpec.arg("validate_checksum", ArgType.BOOL).defaultValue(true).doc("check the copy's checksum after the transfer"))
            .build();

    /** The typed arguments. */
    record Arguments(String src, String dest, boolean flat, boolean failOnMissing, boolean validateChecksum) {
    }

    public FetchModule() {
        super("fetch", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        Path dest = destination(ctx, a);
        Map<String, Object> data = new LinkedHashMap<>();
        FileStat stat = ctx.connection().files().stat(a.src(), true);
        if (stat != null && stat.isDirectory()) throw new ModuleFailure("remote file is a directory, fetch cannot work on directories");
        Optional<String> remote = stat == null ? Optional.empty() : ctx.connection().files().sha1(a.src());
        if (remote.isEmpty()) {
            data.put("file", a.src());
            data.put("msg", "the remote file does not exist, not transferring, ignored");
            if (a.failOnMissing()) throw new ModuleFailure("the remote file does not exist, not transferring, ignored", data);
            return Plan.noChange(data);
        }
        String local = Files.isRegularFile(dest) ? Checksum.sha1(Files.readAllBytes(dest)) : null;
        data.put("dest", dest.toString());
        if (remote.get().equals(local)) {
            data.put("md5sum", md5(Files.readAllBytes(dest)));
            data.put("file", a.src());
            data.put("checksum", local);
            return Plan.noChange(data);
        }
        data.put("remote_checksum", remote.get());
        Diff diff = Diff.state(dest.toString(), local == null ? "absent" : "sha1 " + local, "sha1 " + remote.get() + " (from " + a.src() + ")");
        return Plan.of(List.of(new Change("fetch " + a.src() + " to " + dest, diff,
                (c, result) -> transfer(c, a, dest, remote.get(), result))), data);
    }

    private static void transfer(ModuleContext ctx, Arguments a, Path dest, String remoteSum, ModuleResult.Builder result) throws Exception {
        byte[] content = ctx.connection().files().read(a.src()).orElseThrow(() -> new ModuleFailure("the remote file does not exist any more: " + a.src()));
        String sum = Checksum.sha1(content);
        if (a.validateChecksum() && !sum.equals(remoteSum)) {
            throw new ModuleFailure("checksum mismatch", Map.of("checksum", sum, "remote_checksum", remoteSum));
        }
        Files.createDirectories(dest.getParent());
        Path temp = Files.createTempFile(dest.getParent(), "." + dest.getFileName(), ".fetch");
        try {
            Files.write(temp, content);
            Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        String md5 = md5(content);
        // as Ansible 2.14: the host's MD5 is not computed, remote_md5sum is null
        result.put("checksum", sum).put("md5sum", md5).put("remote_md5sum", null);
    }

    /** Where the copy goes on the controller, as Ansible computes it. */
    static Path destination(ModuleContext ctx, Arguments a) {
        Object base = ctx.vars().get("playbook_dir");
        Path dir = base == null ? Path.of("").toAbsolutePath() : Path.of(String.valueOf(base));
        String dest = a.dest().startsWith("~/") ? System.getProperty("user.home") + a.dest().substring(1) : a.dest();
        if (a.flat()) {
            String name = a.src().substring(a.src().lastIndexOf('/') + 1);
            Path p = dir.resolve(dest.endsWith("/") ? dest + name : dest);
            return p.normalize();
        }
        String src = a.src().startsWith("/") ? a.src().substring(1) : a.src();
        return dir.resolve(dest).resolve(ctx.host()).resolve(src).normalize();
    }

    private static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }
}
