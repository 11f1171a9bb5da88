package meshplay.modules.core;

import java.time.Duration;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Args;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.modules.support.Poll;

/** Waits until the host can be reached and runs a trivial command. Never reports changed; check mode does not wait. */
public final class WaitForConnectionModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Waits until the target is reachable again (reconnects and runs 'true'), e.g. after it was rebooted by other means.")
            .add(ArgSpec.arg("timeout", ArgType.INT).defaultValue(600).doc("seconds to wait in total"))
            .add(ArgSpec.arg("delay", ArgType.INT).defaultValue(0).doc("seconds to wait before the first attempt"))
            .add(ArgSpec.arg("sleep", ArgType.INT).defaultValue(1).doc("seconds between attempts"))
            .add(ArgSpec.arg("connect_timeout", ArgType.INT).defaultValue(5).doc("seconds allowed for each attempt"))
            .build();

    @Override
    public String name() {
        return "wait_for_connection";
    }

    @Override
    public ArgSpec spec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleContext ctx) {
        return Plan.noChange();
    }

    @Override
    public ModuleResult apply(ModuleContext ctx, Plan plan) throws Exception {
        Args args = ctx.args();
        Duration attempt = Duration.ofSeconds(args.integer("connect_timeout"));
        Poll.Outcome o = Poll.until(Duration.ofSeconds(args.integer("delay")), Duration.ofSeconds(args.integer("sleep")),
                Duration.ofSeconds(args.integer("timeout")), () -> {
                    ctx.connection().reconnect();
                    return ctx.run(ExecRequest.argv("true").withTimeout(attempt)).ok();
                });
        if (!o.held()) {
            throw new ModuleFailure("timed out waiting for connection to " + ctx.host() + " after " + args.integer("timeout") + "s"
                    + (o.lastError() == null ? "" : ": " + o.lastError().getMessage()), Map.of("elapsed", o.seconds()));
        }
        return ModuleResult.ok(Map.of("elapsed", o.seconds()));
    }
}
