package meshplay.modules.core;

import java.io.Console;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;
import meshplay.modules.support.Poll;

/**
 * Waits a while, or asks the operator at a terminal. Without a terminal a prompt is not shown and
 * only the given time is waited. Check mode does not wait.
 */
public final class PauseModule extends BaseModule<PauseModule.Arguments> {
    /** The task's arguments. */
    record Arguments(Integer seconds, Integer minutes, String prompt, boolean echo) {
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Pauses the run for seconds/minutes, or until the operator presses Enter at the prompt (only on a terminal).")
            .add(ArgSpec.arg("seconds", ArgType.INT).doc("seconds to wait"))
            .add(ArgSpec.arg("minutes", ArgType.INT).doc("minutes to wait"))
            .add(ArgSpec.arg("prompt", ArgType.STR).doc("text shown to the operator; the answer is in user_input"))
            .add(ArgSpec.arg("echo", ArgType.BOOL).defaultValue(true).doc("show what the operator types"))
            .mutuallyExclusive("seconds", "minutes")
            .build();

    public PauseModule() {
        super("pause", SPEC, Arguments.class);
    }

    @Override
    public PlanKind kind() {
        return PlanKind.CONTROLLER_ONLY;
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) {
        return Plan.noChange();
    }

    @Override
    protected ModuleResult apply(ModuleContext ctx, Arguments args, Plan plan) throws Exception {
        Duration wait = args.seconds() != null ? Duration.ofSeconds(args.seconds())
                : args.minutes() != null ? Duration.ofMinutes(args.minutes()) : null;
        Console console = System.console();
        Map<String, Object> data = new LinkedHashMap<>();
        LocalDateTime start = LocalDateTime.now();
        long t0 = System.nanoTime();
        String userInput = "";
        if (wait != null) {
            if (console != null && args.prompt() != null) console.printf("%s%n", args.prompt());
            Poll.sleep(wait);
        } else if (console != null) {
            String prompt = (args.prompt() != null ? args.prompt() : "Press enter to continue") + ": ";
            if (args.echo()) {
                userInput = console.readLine("%s", prompt);
            } else {
                char[] secret = console.readPassword("%s", prompt);
                userInput = secret == null ? "" : new String(secret);
            }
            if (userInput == null) userInput = "";
        } else {
            data.put("msg", "no terminal: not waiting for input");
        }
        data.put("start", start.toString());
        data.put("stop", LocalDateTime.now().toString());
        data.put("delta", Math.round((System.nanoTime() - t0) / 1e9));
        data.put("user_input", userInput);
        data.put("echo", args.echo());
        return ModuleResult.ok(data);
    }
}
