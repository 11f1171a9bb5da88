package meshplay.modules.core;

import java.time.Duration;
import java.util.Map;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.lang.ShellQuote;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.modules.support.Poll;

/**
 * Reboots the host and waits until it is back: boot_time_command's output must differ and test_command must
 * succeed. The reboot is started in the background after a short sleep so the command returns
 * before the connection drops.
 */
public final class RebootModule extends BaseModule<RebootModule.Arguments> {
    /** The task's arguments. */
    record Arguments(int rebootTimeout, int connectTimeout, int preRebootDelay, int postRebootDelay, String testCommand, String msg, String bootTimeCommand, String rebootCommand) {
    }

    static final String BOOT_ID = "/proc/sys/kernel/random/boot_id";

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Reboots the target, then reconnects until it is back (new boot id and test_command succeeds) "
                            + "or reboot_timeout passes. Always reports changed.")
            .add(ArgSpec.arg("reboot_timeout", ArgType.INT).defaultValue(600).doc("seconds to wait for the host to come back"))
            .add(ArgSpec.arg("connect_timeout", ArgType.INT).defaultValue(10).doc("seconds allowed for each reconnect attempt's test command"))
            .add(ArgSpec.arg("pre_reboot_delay", ArgType.INT).defaultValue(0).doc("seconds to wait on the host before rebooting"))
            .add(ArgSpec.arg("post_reboot_delay", ArgType.INT).defaultValue(0).doc("seconds to wait after the host is back, before the task ends"))
            .add(ArgSpec.arg("test_command", ArgType.STR).defaultValue("whoami").doc("command that must succeed on the rebooted host"))
            .add(ArgSpec.arg("msg", ArgType.STR).defaultValue("Reboot initiated by meshplay").doc("why the host reboots (shown in the change summary and result)"))
            .add(ArgSpec.arg("boot_time_command", ArgType.STR).defaultValue("cat " + BOOT_ID + " 2>/dev/null || uptime -s")
                    .doc("command whose output changes with every boot; the host is back when it differs"))
            .add(ArgSpec.arg("reboot_command", ArgType.STR).defaultValue("reboot").doc("command that reboots the host (run in the background)"))
            .build();

    public RebootModule() {
        super("reboot", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) {
        return Plan.of(new Change("reboot " + ctx.host() + " (" + args.msg() + ")",
                Diff.state(ctx.host() + " boot", "current boot", "rebooted"), this::reboot));
    }

    private void reboot(ModuleContext ctx, ModuleResult.Builder result) throws Exception {
        Arguments args = args(ctx);
        String before = bootId(ctx, args.bootTimeCommand());
        if (before == null) throw new ModuleFailure("boot_time_command '" + args.bootTimeCommand() + "' gave no output; cannot tell when the host has rebooted");
        long start = System.nanoTime();
        String line = "sleep " + (1 + args.preRebootDelay()) + "; " + args.rebootCommand();
        try {
            ExecResult r = ctx.run(ExecRequest.shell("nohup sh -c " + ShellQuote.quote(line) + " >/dev/null 2>&1 </dev/null &")
                    .withTimeout(Duration.ofSeconds(args.connectTimeout())));
            if (!r.ok() && !r.timedOut()) {
                throw new ModuleFailure("could not start the reboot (rc=" + r.rc() + "): " + r.stderr().strip(), Map.of("rc", r.rc()));
            }
        } catch (ConnectionException dropped) {
            // the host may go down before the command returns
        }
        Duration testTimeout = Duration.ofSeconds(args.connectTimeout());
        String test = args.testCommand();
        Poll.Outcome back = Poll.until(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(args.rebootTimeout()), () -> {
            ctx.connection().reconnect();
            ExecResult r = ctx.run(ExecRequest.shell(test).withTimeout(testTimeout));
            if (!r.ok()) return false;
            String now = bootId(ctx, args.bootTimeCommand());
            return now != null && !now.equals(before);
        });
        if (!back.held()) {
            String why = back.lastError() == null ? "the boot id did not change or test_command failed" : back.lastError().getMessage();
            throw new ModuleFailure("Timed out waiting for " + ctx.host() + " to come back after reboot (" + args.rebootTimeout()
                    + "s): " + why, Map.of("rebooted", false, "elapsed", back.seconds()));
        }
        Poll.sleep(Duration.ofSeconds(args.postRebootDelay()));
        result.put("rebooted", true).put("elapsed", Math.round((System.nanoTime() - start) / 1e9));
    }

    /** Output of boot_time_command: a value that differs after every boot (the kernel's boot id by default). */
    static String bootId(ModuleContext ctx, String bootTimeCommand) throws Exception {
        ExecResult r = ctx.run(ExecRequest.shell(bootTimeCommand));
        return r.ok() && !r.stdout().isBlank() ? r.stdout().strip() : null;
    }
}
