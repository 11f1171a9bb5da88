package meshplay.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileContent;

/**
 * Sets the host's name, now (the running kernel's) and at boot (the permanent one), as Ansible's
 * hostname module: with hostnamectl on a systemd host (use: systemd or debian), otherwise by writing
 * /etc/hostname and running hostname (use: generic, alpine, openrc), or /etc/HOSTNAME (sles) or
 * /etc/sysconfig/network (redhat).
 */
public final class HostnameModule extends BaseModule<HostnameModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Set the system's hostname, now and at boot, as Ansible's "
                    + "hostname module. Sets the facts ansible_hostname, ansible_nodename, ansible_fqdn and ansible_domain.")
            .add(ArgSpec.arg("name", ArgType.STR).required().doc("the new hostname"))
            .add(ArgSpec.choice("use", Use.class).doc("how to set it; default: systemd when /run/systemd/system exists, else the /etc/hostname file"))
            .build();

    /** Ansible's strategy names; those of other systems are refused when used. */
    enum Use { ALPINE, DEBIAN, FREEBSD, GENERIC, MACOS, MACOSX, DARWIN, OPENBSD, OPENRC, REDHAT, SLES, SOLARIS, SYSTEMD }

    /** The typed arguments. */
    record Arguments(String name, Use use) {
    }

    public HostnameModule() {
        super("hostname", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        String name = a.name().strip();
        if (name.isEmpty() || name.contains(" ")) throw problem(ctx, "name", "'" + a.name() + "' is not a hostname", "use letters, digits, '-' and '.'");
        HostnameStrategy strategy = HostnameStrategy.choose(ctx, a.use());
        if (strategy.systemd() && name.length() > 64) {
            throw new ModuleFailure("name cannot be longer than 64 characters on systemd servers, try a shorter name");
        }
        String current = strategy.current(ctx);
        String permanent = strategy.permanent(ctx);
        List<Change> changes = new ArrayList<>();
        String before = !name.equals(current) ? current : permanent;
        if (!name.equals(current)) {
            changes.add(new Change("set the running hostname to " + name, Diff.state("hostname", current, name),
                    (c, r) -> strategy.setCurrent(c, name)));
        }
        if (!name.equals(permanent)) {
            Diff diff = changes.isEmpty() ? Diff.state("hostname", before, name) : Diff.state("hostname (at boot)", permanent, name);
            changes.add(new Change("set the hostname at boot to " + name, diff, (c, r) -> strategy.setPermanent(c, name)));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ansible_hostname", name.split("\\.")[0]);
        facts.put("ansible_nodename", name);
        facts.put("ansible_fqdn", name);
        facts.put("ansible_domain", name.contains(".") ? name.substring(name.indexOf('.') + 1) : "");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("ansible_facts", facts);
        return Plan.of(changes, data);
    }

    /** How the names are read and set. */
    enum HostnameStrategy {
        SYSTEMD(null), FILE("/etc/hostname"), SLES("/etc/HOSTNAME"), REDHAT("/etc/sysconfig/network");

        private final String file;

        HostnameStrategy(String file) {
            this.file = file;
        }

        static HostnameStrategy choose(ModuleContext ctx, Use use) throws Exception {
            if (use == null) return ctx.connection().files().stat("/run/systemd/system", true) != null ? SYSTEMD : FILE;
            return switch (use) {
                case SYSTEMD, DEBIAN -> SYSTEMD;
                case GENERIC, ALPINE, OPENRC -> FILE;
                case SLES -> SLES;
                case REDHAT -> REDHAT;
                default -> throw new ModuleFailure("hostname module cannot be used with use=" + use.name().toLowerCase()
                        + " here: it sets Linux hostnames (use systemd, debian, generic, alpine, openrc, redhat or sles)");
            };
        }

        boolean systemd() {
            return this == SYSTEMD;
        }

        String current(ModuleContext ctx) throws Exception {
            return (this == SYSTEMD ? run(ctx, "hostnamectl", "--transient", "status") : run(ctx, "hostname")).strip();
        }

        String permanent(ModuleContext ctx) throws Exception {
            if (this == SYSTEMD) return run(ctx, "hostnamectl", "--static", "status").strip();
            String text = FileContent.readText(ctx.connection().files(), file);
            if (this != REDHAT) return text == null ? "" : text.strip();
            for (String line : text == null ? List.<String>of() : text.lines().toList()) {
                if (line.strip().startsWith("HOSTNAME")) return line.substring(line.indexOf('=') + 1).strip();
            }
            return "";
        }

        void setCurrent(ModuleContext ctx, String name) throws Exception {
            if (this == SYSTEMD) run(ctx, "hostnamectl", "--transient", "set-hostname", name);
            else run(ctx, "hostname", name);
        }

        void setPermanent(ModuleContext ctx, String name) throws Exception {
            if (this == SYSTEMD) {
                run(ctx, "hostnamectl", "--pretty", "--static", "set-hostname", name);
                return;
            }
            String text = FileContent.readText(ctx.connection().files(), file);
            String after = name + "\n";
            if (this == REDHAT) {
                StringBuilder out = new StringBuilder();
                boolean found = false;
                for (String line : (text == null ? "" : text).split("(?<=\n)")) {
                    if (line.isEmpty()) continue;
                    if (line.strip().startsWith("HOSTNAME")) {
                        out.append("HOSTNAME=").append(name).append('\n');
                        found = true;
                    } else {
                        out.append(line);
                    }
                }
                if (!found) out.append("HOSTNAME=").append(name).append('\n');
                after = out.toString();
            }
            Change write = FileContent.textChange(file, text, after);
            if (write != null) write.action().apply(ctx, meshplay.engine.module.ModuleResult.builder());
        }

        private static String run(ModuleContext ctx, String... argv) throws Exception {
            ExecResult r = ctx.run(ExecRequest.argv(argv));
            if (r.rc() != 0) {
                throw new ModuleFailure("Command failed rc=" + r.rc() + ", out=" + r.stdout() + ", err=" + r.stderr(),
                        Map.of("rc", r.rc()));
            }
            return r.stdout();
        }
    }
}
