package meshplay.modules.core;

import java.time.Duration;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.modules.support.Poll;

/** Waits until the host can be reached and runs a trivial command. Never reports changed; check mode does not wait. */
public final class WaitForConnectionModule extends BaseModule<WaitForConnectionModule.Arguments> {
    /** The task's arguments. */
    record Arguments(int timeout, int delay, int sleep, int connectTimeout) {
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Waits until the target is reachable again (reconnects and runs 'true'), e.g. after it was rebooted by other means.")
            .add(ArgSpec.arg("timeout", ArgType.INT).defaultValue(600).doc("seconds to wait in total"))
            .add(ArgSpec.arg("delay", ArgType.INT).defaultValue(0).doc("seconds to wait before the first attempt"))
            .add(ArgSpec.arg("sleep", ArgType.INT).defaultValue(1).doc("seconds between attempts"))
            .add(ArgSpec.arg("connect_timeout", ArgType.INT).defaultValue(5).doc("seconds allowed for each attempt"))
            .build();

    public WaitForConnectionModule() {
        super("wait_for_connection", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) {
        return Plan.noChange();
    }

    @Override
    protected ModuleResult apply(ModuleContext ctx, Arguments args, Plan plan) throws Exception {
        Duration attempt = Duration.ofSeconds(args.connectTimeout());
        Poll.Outcome o = Poll.until(Duration.ofSeconds(args.delay()), Duration.ofSeconds(args.sleep()),
                Duration.ofSeconds(args.timeout()), () -> {
                    ctx.connection().reconnect();
                    return ctx.run(ExecRequest.argv("true").withTimeout(attempt)).ok();
                });
        if (!o.held()) {
            throw new ModuleFailure("timed out waiting for connection to " + ctx.host() + " after " + args.timeout() + "s"
                    + (o.lastError() == null ? "" : ": " + o.lastError().getMessage()), Map.of("elapsed", o.seconds()));
        }
        return ModuleResult.ok(Map.of("elapsed", o.seconds()));
    }
}
