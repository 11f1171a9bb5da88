package meshplay.modules.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.lang.ShellQuote;
import meshplay.engine.module.ArgChoice;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.modules.support.Poll;
import meshplay.modules.support.RegexArg;

/**
 * Waits on the target for a TCP port to open or close, or a file to appear (optionally with matching
 * content) or disappear. Ports are probed from the target itself with bash's /dev/tcp (nc where bash
 * is missing). Never reports changed; check mode does not wait.
 */
public final class WaitForModule extends BaseModule<WaitForModule.Arguments> {
    /** The task's arguments. */
    /** What to wait for: started/present (the port answers, the file exists) or stopped/absent. */
    enum State {
        STARTED, STOPPED, PRESENT, ABSENT;

        boolean wantsPresent() {
            return this == STARTED || this == PRESENT;
        }
    }

    record Arguments(String host, Integer port, String path, State state, String searchRegex, int timeout, int delay, int sleep, int connectTimeout, String msg) {
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Waits for a condition on the target: a port reachable from it (host:port), a file present/absent, "
                            + "or text in a file or port banner (search_regex). Without port or path it just sleeps for timeout.")
            .add(ArgSpec.arg("host", ArgType.STR).defaultValue("127.0.0.1").doc("address to probe, as seen from the target"))
            .add(ArgSpec.arg("port", ArgType.INT).doc("TCP port to wait for"))
            .add(ArgSpec.arg("path", ArgType.PATH).doc("file on the target to wait for"))
            .add(ArgSpec.choice("state", State.class).defaultValue(State.STARTED)
                    .doc("started/present: wait until open/existing; stopped/absent: until closed/gone"))
            .add(ArgSpec.arg("search_regex", ArgType.STR).doc("with path: wait until the file contains a match; with port: until the banner matches"))
            .add(ArgSpec.arg("timeout", ArgType.INT).defaultValue(300).doc("seconds to wait in total"))
            .add(ArgSpec.arg("delay", ArgType.INT).defaultValue(0).doc("seconds to wait before the first check"))
            .add(ArgSpec.arg("sleep", ArgType.INT).defaultValue(1).doc("seconds between checks"))
            .add(ArgSpec.arg("connect_timeout", ArgType.INT).defaultValue(5).doc("seconds allowed for one connection attempt"))
            .add(ArgSpec.arg("msg", ArgType.STR).doc("failure message instead of the default one"))
            .mutuallyExclusive("port", "path")
            .build();

    public WaitForModule() {
        super("wait_for", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        if ((args.searchRegex() != null)) RegexArg.compile("search_regex", args.searchRegex());
        boolean waitsForAbsence = !args.state().wantsPresent();
        if (waitsForAbsence && (args.searchRegex() != null)) throw new ModuleFailure("search_regex only works with state started/present");
        return Plan.noChange();
    }

    @Override
    protected ModuleResult apply(ModuleContext ctx, Arguments args, Plan plan) throws Exception {
        State state = args.state();
        boolean wantPresent = state.wantsPresent();
        Pattern regex = (args.searchRegex() != null) ? RegexArg.compile("search_regex", args.searchRegex()) : null;
        List<String> groups = new ArrayList<>();
        Poll.Check check;
        String what;
        if ((args.port() != null)) {
            String host = args.host();
            int port = args.port();
            what = host + ":" + port;
            check = () -> {
                Probe p = probePort(ctx, host, port, args.connectTimeout(), regex != null);
                if (!wantPresent) return !p.open();
                return p.open() && (regex == null || matches(regex, p.banner(), groups));
            };
        } else if ((args.path() != null)) {
            String path = args.path();
            what = "file " + path;
            check = () -> {
                boolean exists = ctx.connection().files().stat(path, true) != null;
                if (!wantPresent) return !exists;
                if (!exists) return false;
                if (regex == null) return true;
                byte[] content = ctx.connection().files().read(path).orElse(new byte[0]);
                return matches(regex, new String(content, StandardCharsets.UTF_8), groups);
            };
        } else {
            Poll.sleep(Duration.ofSeconds(args.delay() + args.timeout()));
            return ModuleResult.ok(Map.of("elapsed", args.delay() + args.timeout()));
        }
        Poll.Outcome o = Poll.until(Duration.ofSeconds(args.delay()), Duration.ofSeconds(args.sleep()),
                Duration.ofSeconds(args.timeout()), check);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("elapsed", o.seconds());
        data.put("state", ArgChoice.valueOf(state));
        if ((args.port() != null)) data.put("port", args.port());
        if ((args.path() != null)) data.put("path", args.path());
        if (regex != null) data.put("match_groups", List.copyOf(groups));
        if (!o.held()) {
            String msg = (args.msg() != null) ? args.msg()
                    : "Timeout when waiting for " + what + (wantPresent ? "" : " to " + ((args.port() != null) ? "stop" : "be absent"))
                    + (o.lastError() == null ? "" : " (" + o.lastError().getMessage() + ")");
            throw new ModuleFailure(msg, data);
        }
        return ModuleResult.ok(data);
    }

    /** Whether a connection from the target succeeded, and what the peer sent first (when asked for). */
    private record Probe(boolean open, String banner) {
    }

    private static Probe probePort(ModuleContext ctx, String host, int port, int timeout, boolean readBanner) throws Exception {
        String dev = "/dev/tcp/" + host + "/" + port;
        // connecting is bounded by the outer timeout; reading the banner by the inner one (closed or quiet peer)
        String bashProbe = readBanner ? "exec 3<>" + dev + " || exit 1; timeout " + timeout + " cat <&3; exit 0" : "exec 3<>" + dev;
        int outer = readBanner ? 2 * timeout + 1 : timeout;
        String script = "if command -v bash >/dev/null 2>&1; then exec timeout " + outer + " bash -c " + ShellQuote.quote(bashProbe) + " 2>/dev/null; "
                + "elif command -v nc >/dev/null 2>&1; then exec nc " + (readBanner ? "-d " : "-z ") + "-w " + timeout + " "
                + ShellQuote.quote(host) + " " + port + "; else echo 'neither bash nor nc on the target' >&2; exit 127; fi";
        ExecResult r = ctx.run(ExecRequest.shell(script).withTimeout(Duration.ofSeconds(2L * timeout + 5)));
        if (r.rc() == 127) throw new ModuleFailure("cannot probe ports: " + r.stderr().strip());
        return new Probe(r.rc() == 0, r.stdout());
    }

    private static boolean matches(Pattern regex, String text, List<String> groups) {
        Matcher m = regex.matcher(text);
        if (!m.find()) return false;
        groups.clear();
        for (int i = 1; i <= m.groupCount(); i++) groups.add(m.group(i));
        return true;
    }
}
