package meshplay.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.lang.ShellQuote;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.engine.module.Presence;
import meshplay.modules.support.FileContent;

/**
 * Manages cron jobs and crontab variables by name, as Ansible's cron module: in a user's crontab
 * (read with crontab -l, installed with crontab FILE) or in a cron file (/etc/cron.d/NAME, with the
 * user in each line). A cron file left without lines is removed.
 */
public final class CronModule extends BaseModule<CronModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Manage cron jobs (and crontab variables with env) by name, as "
                    + "Ansible's cron module; each job follows a '#Ansible: NAME' comment.")
            .add(ArgSpec.arg("name", ArgType.STR).required().doc("the job's name (or the variable's, with env)"))
            .add(ArgSpec.arg("user", ArgType.STR).doc("whose crontab; required with cron_file"))
            .add(ArgSpec.arg("job", ArgType.STR).aliases("value").doc("the command (or the variable's value, with env)"))
            .add(ArgSpec.arg("cron_file", ArgType.PATH).doc("a file in /etc/cron.d (a bare name) or an absolute path, instead of the user's crontab"))
            .add(ArgSpec.choice("state", Presence.class).defaultValue(Presence.PRESENT).doc("whether the job or variable should exist"))
            .add(ArgSpec.arg("backup", ArgType.BOOL).defaultValue(false).doc("keep a copy of the crontab before changing it (backup_file)"))
            .add(ArgSpec.arg("minute", ArgType.STR).defaultValue("*").doc("0-59, */5, ..."))
            .add(ArgSpec.arg("hour", ArgType.STR).defaultValue("*").doc("0-23"))
            .add(ArgSpec.arg("day", ArgType.STR).defaultValue("*").aliases("dom").doc("day of the month, 1-31"))
            .add(ArgSpec.arg("month", ArgType.STR).defaultValue("*").doc("1-12"))
            .add(ArgSpec.arg("weekday", ArgType.STR).defaultValue("*").aliases("dow").doc("0-6 (Sunday is 0)"))
            .add(ArgSpec.choice("special_time", Special.class).doc("@reboot, @daily, ... instead of the time fields"))
            .add(ArgSpec.arg("disabled", ArgType.BOOL).defaultValue(false).doc("write the job commented out"))
            .add(ArgSpec.arg("env", ArgType.BOOL).defaultValue(false).doc("manage a variable NAME=\"JOB\" instead of a job"))
            .add(ArgSpec.arg("insertafter", ArgType.STR).doc("with env: put a new variable after this one"))
            .add(ArgSpec.arg("insertbefore", ArgType.STR).doc("with env: put a new variable before this one"))
            .mutuallyExclusive("insertafter", "insertbefore")
            .build();


    enum Special { REBOOT, YEARLY, ANNUALLY, MONTHLY, WEEKLY, DAILY, HOURLY }

    /** The typed arguments. */
    record Arguments(String name, String user, String job, String cronFile, Presence state, boolean backup, String minute, String hour,
                     String day, String month, String weekday, Special specialTime, boolean disabled, boolean env, String insertafter,
                     String insertbefore) {
    }

    public CronModule() {
        super("cron", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        boolean install = a.state() == Presence.PRESENT;
        String file = a.cronFile() == null ? null : a.cronFile().startsWith("/") ? a.cronFile() : "/etc/cron.d/" + a.cronFile();
        if ("/etc/crontab".equals(file)) throw new ModuleFailure("Will not manage /etc/crontab via cron_file, see documentation.");
        String special = a.specialTime() == null ? null : a.specialTime().name().toLowerCase();
        if (special != null && List.of(a.minute(), a.hour(), a.day(), a.month(), a.weekday()).stream().anyMatch(x -> !x.equals("*"))) {
            throw new ModuleFailure("You must specify time and date fields or special time.");
        }
        if (install) {
            if (file != null && a.user() == null) throw new ModuleFailure("To use cron_file=... parameter you must specify user=... as well");
            if (a.job() == null) throw new ModuleFailure("You must specify 'job' to install a new cron job or variable");
            if ((a.insertafter() != null || a.insertbefore() != null) && !a.env()) {
                throw new ModuleFailure("Insertafter and insertbefore parameters are valid only with env=yes");
            }
        }
        String asUser = file == null ? crontabUser(ctx, a.user()) : null;
        String existing;
        CronTab tab;
        if (file != null) {
            existing = FileContent.readText(ctx.connection().files(), file);
            tab = CronTab.ofFile(existing);
            if (existing == null) existing = "";
        } else {
            ExecResult r = ctx.run(ExecRequest.shell("crontab " + (asUser == null ? "" : "-u " + ShellQuote.quote(asUser) + " ") + "-l"));
            if (r.rc() != 0 && r.rc() != 1) throw new ModuleFailure("Unable to read crontab: " + r.stderr().strip());
            existing = CronTab.existing(r.stdout());
            tab = CronTab.ofListing(r.stdout());
        }
        boolean changed = edit(a, install, file, special, tab);
        if (!install && changed && file != null && tab.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("cron_file", a.cronFile());
            data.put("state", "absent");
            String path = file;
            return Plan.of(List.of(new Change("remove " + path, Diff.file(path, existing, null),
                    (c, r) -> c.connection().files().remove(path, false))), data);
        }
        if (!changed && !existing.isEmpty() && !existing.endsWith("\n") && !existing.endsWith("\r")) changed = true;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jobs", tab.jobNames());
        data.put("envs", tab.envNames());
        if (a.cronFile() != null) data.put("cron_file", a.cronFile());
        if (!changed) return Plan.noChange(data);
        String after = tab.render();
        if (file != null) {
            Change write = FileContent.textChange(file, existing.isEmpty() && !ctx.connection().files().read(file).isPresent() ? null : existing,
                    after, a.backup());
            return write == null ? Plan.noChange(data) : Plan.of(List.of(write), data);
        }
        String header = a.user() != null ? "crontab for user \"" + a.user() + "\"" : "crontab";
        String before = existing;
        return Plan.of(List.of(new Change("install " + header, Diff.file(header, before, after),
                (c, result) -> install(c, asUser, before, after, a.backup(), result))), data);
    }

    /** Ansible's edit of the crontab lines; true when something changed. */
    private static boolean edit(Arguments a, boolean install, String file, String special, CronTab tab) throws ModuleFailure {
        if (a.env()) {
            if (a.name().contains(" ")) throw new ModuleFailure("Invalid name for environment variable");
            String decl = a.name() + "=\"" + a.job() + "\"";
            int old = tab.findEnv(a.name());
            if (!install) {
                if (old < 0) return false;
                tab.updateEnv(a.name(), null);
                return true;
            }
            if (old >= 0) {
                if (tab.line(old).equals(decl)) return false;
                tab.updateEnv(a.name(), decl);
                return true;
            }
            String other = a.insertafter() != null ? a.insertafter() : a.insertbefore();
            if (other == null) {
                tab.insert(0, decl);
            } else {
                int at = tab.findEnv(other);
                if (at < 0) throw new ModuleFailure("Variable named '" + other + "' not found.");
                tab.insert(a.insertafter() != null ? at + 1 : at, decl);
            }
            return true;
        }
        if (!install) {
            if (tab.findJob(a.name(), null).isEmpty()) return false;
            tab.updateJob(a.name(), null);
            return true;
        }
        String job = CronTab.jobLine(a.minute(), a.hour(), a.day(), a.month(), a.weekday(), a.job(), special, a.disabled(),
                file == null ? null : a.user());
        List<String> old = tab.findJob(a.name(), job);
        if (old.isEmpty()) {
            tab.addJob(a.name(), job);
            return true;
        }
        if (!old.get(1).equals(job) || old.size() > 2) {
            tab.updateJob(a.name(), job);
            return true;
        }
        return false;
    }

    /** The user to pass to crontab -u: the given user when it is not the one the module runs as. */
    private static String crontabUser(ModuleContext ctx, String user) throws Exception {
        if (user == null) return null;
        ExecResult self = ctx.run(ExecRequest.argv("id", "-un"));
        return self.stdout().strip().equals(user) ? null : user;
    }

    private static void install(ModuleContext ctx, String user, String before, String after, boolean backup,
                                meshplay.engine.module.ModuleResult.Builder result) throws Exception {
        if (backup) result.put("backup_file", tempFile(ctx, before));
        String path = tempFile(ctx, after);
        try {
            List<String> argv = new ArrayList<>(List.of("crontab"));
            if (user != null) argv.addAll(List.of("-u", user));
            argv.add(path);
            ExecResult r = ctx.run(ExecRequest.argv(argv));
            if (r.rc() != 0) throw new ModuleFailure(r.stderr().strip(), Map.of("rc", r.rc()));
        } finally {
            ctx.connection().files().remove(path, false);
        }
    }

    private static String tempFile(ModuleContext ctx, String content) throws Exception {
        ExecResult r = ctx.run(ExecRequest.argv("mktemp", "-t", "crontabXXXXXXXX"));
        if (r.rc() != 0) throw new ModuleFailure("cannot make a temporary file on the host: " + r.stderr().strip());
        String path = r.stdout().strip();
        ctx.connection().files().write(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), meshplay.engine.connect.WriteOptions.mode(0644));
        return path;
    }
}
