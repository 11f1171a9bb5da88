package meshplay.modules.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;

/**
 * The Changes of the user module: useradd for a new user, one usermod for every differing property
 * (each property its own diff line), chage for password ageing, the home directory, the SSH key.
 */
final class UserChanges {
    private static final String MASK = "********";
    private static final String CREATE_HOME = """
            set -e
            h=$1; s=$2; u=$3
            if [ -d "$s" ]; then mkdir -p "$(dirname "$h")"; cp -a "$s" "$h"; else mkdir -p "$h"; fi
            mode=$(awk '$1=="HOME_MODE"{print $2}' /etc/login.defs 2>/dev/null)
            if [ -z "$mode" ]; then
              um=$(awk '$1=="UMASK"{print $2}' /etc/login.defs 2>/dev/null)
              mode=$(printf '%o' $(( 0777 & ~0${um:-022} )))
            fi
            chmod "$mode" "$h"
            chown -R "$u:$(id -g "$u")" "$h"
            """;

    private UserChanges() {
    }

    static Change create(UserArgs p, List<Accounts.Group> groups) {
        List<String> argv = new ArrayList<>(List.of("useradd"));
        if (p.uid() != null) {
            argv.addAll(List.of("-u", p.uid().toString()));
            if (p.nonUnique()) argv.add("-o");
        }
        if (p.group() != null) {
            argv.addAll(List.of("-g", p.group()));
        } else if (groups.stream().anyMatch(g -> g.name().equals(p.name()))) {
            argv.add("-N");
        }
        if (p.groupList() != null && !p.groupList().isEmpty()) argv.addAll(List.of("-G", String.join(",", p.groupList())));
        if (p.comment() != null) argv.addAll(List.of("-c", p.comment()));
        if (p.home() != null) argv.addAll(List.of("-d", p.home()));
        if (p.shell() != null) argv.addAll(List.of("-s", p.shell()));
        if (p.expires() != null) argv.addAll(List.of("-e", UserModule.expiryDate(p.expires())));
        if (p.password() != null) argv.addAll(List.of("-p", p.password()));
        if (p.createHome()) {
            argv.add("-m");
            if (p.skeleton() != null) argv.addAll(List.of("-k", p.skeleton()));
        } else {
            argv.add("-M");
        }
        if (p.system()) argv.add("-r");
        if (p.umask() != null) argv.addAll(List.of("-K", "UMASK=" + p.umask()));
        argv.add(p.name());
        List<String> chage = chage(p, null);
        return new Change("create user " + p.name(), Diff.state("user " + p.name(), "absent", "present"), (ctx, result) -> {
            run(ctx, argv, p.password());
            if (Boolean.TRUE.equals(p.passwordLock())) run(ctx, List.of("usermod", "-L", p.name()), null);
            if (chage != null) run(ctx, chage, null);
        });
    }

    /** The changes to an existing user: one usermod run, a diff line per property. */
    static List<Change> modify(UserArgs p, Accounts.User u, Integer gid, List<String> memberOf, Optional<Accounts.Shadow> shadow) {
        List<String> flags = new ArrayList<>();
        List<Diff> diffs = new ArrayList<>();
        String who = "user " + p.name() + " ";
        if (p.uid() != null && p.uid() != u.uid()) {
            flags.addAll(List.of("-u", p.uid().toString()));
            if (p.nonUnique()) flags.add("-o");
            diffs.add(Diff.state(who + "uid", u.uid(), p.uid()));
        }
        if (gid != null && gid != u.gid()) {
            flags.addAll(List.of("-g", p.group()));
            diffs.add(Diff.state(who + "group", u.gid(), gid));
        }
        if (p.groupList() != null && groupsDiffer(p, memberOf)) {
            if (p.append()) flags.add("-a");
            flags.addAll(List.of("-G", String.join(",", p.groupList())));
            List<String> after = new ArrayList<>(p.append() ? memberOf : List.of());
            for (String g : p.groupList()) {
                if (!after.contains(g)) after.add(g);
            }
            diffs.add(Diff.state(who + "groups", String.join(",", memberOf), String.join(",", after)));
        }
        if (p.comment() != null && !p.comment().equals(u.comment())) {
            flags.addAll(List.of("-c", p.comment()));
            diffs.add(Diff.state(who + "comment", u.comment(), p.comment()));
        }
        if (p.home() != null && !p.home().equals(u.home())) {
            flags.addAll(List.of("-d", p.home()));
            if (p.moveHome()) flags.add("-m");
            diffs.add(Diff.state(who + "home", u.home(), p.home()));
        }
        if (p.shell() != null && !p.shell().equals(u.shell())) {
            flags.addAll(List.of("-s", p.shell()));
            diffs.add(Diff.state(who + "shell", u.shell(), p.shell()));
        }
        String hash = shadow.map(Accounts.Shadow::hash).orElse(null);
        if (p.expires() != null && shadow.isPresent()) {
            long day = shadow.get().expireDay();
            if (p.expires() < 0 ? day >= 0 : day < 0 || day != UserModule.expiryDay(p.expires())) {
                flags.addAll(List.of("-e", UserModule.expiryDate(p.expires())));
                diffs.add(Diff.state(who + "expires", day < 0 ? "never" : java.time.LocalDate.ofEpochDay(day),
                        p.expires() < 0 ? "never" : UserModule.expiryDate(p.expires())));
            }
        }
        if (p.updateAlways() && p.password() != null && hash != null && !strip(hash).equals(strip(p.password()))) {
            flags.addAll(List.of("-p", p.password()));
            diffs.add(Diff.state(who + "password", MASK, MASK + " (changed)"));
        }
        if (hash != null && Boolean.TRUE.equals(p.passwordLock()) && !hash.startsWith("!")) {
            flags.add("-L");
            diffs.add(Diff.state(who + "password_lock", false, true));
        } else if (hash != null && Boolean.FALSE.equals(p.passwordLock()) && hash.startsWith("!")) {
            flags.add("-U");
            diffs.add(Diff.state(who + "password_lock", true, false));
        }
        List<Change> out = new ArrayList<>();
        if (!flags.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("usermod"));
            argv.addAll(flags);
            argv.add(p.name());
            for (int i = 0; i < diffs.size(); i++) {
                Diff d = diffs.get(i);
                Change.Action action = i == 0 ? (ctx, result) -> run(ctx, argv, p.password()) : (ctx, result) -> { };
                out.add(new Change("change " + d.subject(), d, action));
            }
        }
        List<String> chage = chage(p, shadow.orElse(null));
        if (chage != null) {
            out.add(new Change("change password ageing of " + p.name(), Diff.state(who + "password ageing",
                    shadow.map(s -> "max " + s.maxDays() + ", min " + s.minDays()).orElse("unknown"),
                    "max " + Objects.toString(p.passwordExpireMax(), "-") + ", min " + Objects.toString(p.passwordExpireMin(), "-")),
                    (ctx, result) -> run(ctx, chage, null)));
        }
        return out;
    }

    /** chage's arguments for the ageing the task sets, or null when it is as asked (or none is asked). */
    private static List<String> chage(UserArgs p, Accounts.Shadow shadow) {
        List<String> argv = new ArrayList<>(List.of("chage"));
        if (p.passwordExpireMax() != null && (shadow == null || !p.passwordExpireMax().toString().equals(shadow.maxDays()))) {
            argv.addAll(List.of("-M", p.passwordExpireMax().toString()));
        }
        if (p.passwordExpireMin() != null && (shadow == null || !p.passwordExpireMin().toString().equals(shadow.minDays()))) {
            argv.addAll(List.of("-m", p.passwordExpireMin().toString()));
        }
        if (argv.size() == 1) return null;
        argv.add(p.name());
        return argv;
    }

    /** As Ansible: without append, any difference; with append, a wanted group the user lacks. */
    private static boolean groupsDiffer(UserArgs p, List<String> memberOf) {
        if (p.append()) return p.groupList().stream().anyMatch(g -> !memberOf.contains(g));
        return !new java.util.HashSet<>(memberOf).equals(new java.util.HashSet<>(p.groupList()));
    }

    private static String strip(String hash) {
        return hash.replaceFirst("^!+", "");
    }

    /** Creates a missing home directory from the skeleton, owned by the user (as Ansible's create_homedir). */
    static Change createHome(String user, String home, String skeleton) {
        return new Change("create home directory " + home, Diff.state(home, "absent", "directory"), (ctx, result) ->
                run(ctx, List.of("/bin/sh", "-c", CREATE_HOME, "sh", home, skeleton == null ? "/etc/skel" : skeleton, user), null));
    }

    /**
     * The SSH key: when the key file exists its fingerprint and public key are reported and nothing
     * changes; otherwise the Change that runs ssh-keygen and hands the files to the user.
     */
    static Change sshKey(ModuleContext ctx, UserArgs p, Optional<Accounts.User> current, Map<String, Object> data) throws Exception {
        UserArgs.SshKey key = p.sshKey();
        String file = key.sshKeyFile() != null ? key.sshKeyFile() : ".ssh/id_" + key.sshKeyType();
        if (current.isPresent() || file.startsWith("/")) {
            String path = keyPath(file, p.home() != null ? p.home() : current.map(Accounts.User::home).orElse(""));
            if (ctx.connection().files().stat(path, true) != null) {
                data.put("ssh_key_file", path);
                data.put("ssh_fingerprint", run(ctx, List.of("ssh-keygen", "-l", "-f", path), null).stdout().strip());
                data.put("ssh_public_key", new String(ctx.connection().files().read(path + ".pub").orElse(new byte[0]),
                        java.nio.charset.StandardCharsets.UTF_8).strip());
                return null;
            }
        }
        return new Change("generate an SSH key for " + p.name(), Diff.state("user " + p.name() + " ssh key", "absent", file),
                (c, result) -> generate(c, p, key, file, result));
    }

    private static void generate(ModuleContext ctx, UserArgs p, UserArgs.SshKey key, String file, ModuleResult.Builder result)
            throws Exception {
        Accounts.User u = Accounts.user(ctx, p.name()).orElseThrow(() -> new ModuleFailure("user " + p.name() + " does not exist"));
        String path = keyPath(file, u.home());
        String dir = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        String comment = key.sshKeyComment() != null ? key.sshKeyComment()
                : "ansible-generated on " + run(ctx, List.of("hostname"), null).stdout().strip();
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-t", key.sshKeyType()));
        if (key.sshKeyBits() != null) argv.addAll(List.of("-b", key.sshKeyBits().toString()));
        argv.addAll(List.of("-C", comment, "-N", key.sshKeyPassphrase() == null ? "" : key.sshKeyPassphrase(), "-f", path, "-q"));
        run(ctx, List.of("mkdir", "-p", "-m", "0700", dir), null);
        run(ctx, List.of("chown", u.uid() + ":" + u.gid(), dir), null);
        run(ctx, argv, key.sshKeyPassphrase());
        run(ctx, List.of("chown", u.uid() + ":" + u.gid(), path, path + ".pub"), null);
        result.put("ssh_key_file", path);
        result.put("ssh_fingerprint", run(ctx, List.of("ssh-keygen", "-l", "-f", path), null).stdout().strip());
        result.put("ssh_public_key", new String(ctx.connection().files().read(path + ".pub").orElse(new byte[0]),
                java.nio.charset.StandardCharsets.UTF_8).strip());
    }

    private static String keyPath(String file, String home) {
        return file.startsWith("/") ? file : (home.endsWith("/") ? home : home + "/") + file;
    }

    /** Runs argv; on failure the message shows the command with {@code secret} masked. */
    static ExecResult run(ModuleContext ctx, List<String> argv, String secret) throws Exception {
        ExecResult r = ctx.run(ExecRequest.argv(argv));
        if (r.rc() != 0) {
            List<String> shown = argv.stream().map(a -> secret != null && !secret.isEmpty() && a.equals(secret) ? MASK : a).toList();
            String name = argv.get(0).equals("/bin/sh") ? "creating the home directory" : String.join(" ", shown);
            throw new ModuleFailure(name + " failed (rc=" + r.rc() + "): " + r.stderr().strip(),
                    Map.of("rc", r.rc(), "stdout", r.stdout(), "stderr", r.stderr()));
        }
        return r;
    }
}
