package meshplay.engine.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import meshplay.engine.error.UserError;
import meshplay.engine.testing.ModuleHarness;
import meshplay.engine.yaml.Origin;
import org.junit.jupiter.api.Test;

/** Binding validated arguments into a module's record, and what BaseModule does with it. */
class BaseModuleTest {
    enum State { PRESENT, ABSENT, NO_SUBSCRIPTION }

    enum Newline implements ArgChoice {
        LF("\\n"), CRLF("\\r\\n");

        private final String value;

        Newline(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    record Owner(String owner, String group) {
    }

    record Arguments(String path, State state, Newline newline, boolean force, int retries, Integer port,
                     Optional<Map<String, Object>> params, List<String> names, FileMode mode, Owner who) {
    }

    static final ArgSpec SPEC = ArgSpec.builder("a test module")
            .add(ArgSpec.arg("path", ArgType.PATH).required())
            .add(ArgSpec.choice("state", State.class).defaultValue(State.PRESENT))
            .add(ArgSpec.choice("newline", Newline.class))
            .add(ArgSpec.arg("force", ArgType.BOOL))
            .add(ArgSpec.arg("retries", ArgType.INT).defaultValue(3))
            .add(ArgSpec.arg("port", ArgType.INT))
            .add(ArgSpec.arg("params", ArgType.DICT))
            .add(ArgSpec.arg("names", ArgType.LIST).elements(ArgType.STR))
            .add(ArgSpec.arg("mode", ArgType.MODE))
            .add(ArgSpec.arg("owner", ArgType.STR))
            .add(ArgSpec.arg("group", ArgType.STR))
            .build();

    /** Records the record each call saw. */
    static final class Probe extends BaseModule<Arguments> {
        final List<Arguments> seen = new ArrayList<>();

        Probe() {
            super("probe", SPEC, Arguments.class, "probe_alias");
        }

        @Override
        protected Plan plan(ModuleContext ctx, Arguments args) {
            seen.add(args);
            if (args.params().isPresent() && args.params().get().containsKey("bad key")) {
                throw problem(ctx, "params", "'bad key' has a space", "write bad_key");
            }
            return Plan.of(new Change("touch " + args.path(), Diff.state(args.path(), "absent", "file"), (c, r) -> { }));
        }

        @Override
        protected ModuleResult apply(ModuleContext ctx, Arguments args, Plan plan) throws Exception {
            seen.add(args);
            return super.apply(ctx, args, plan);
        }
    }

    private static Arguments bind(Map<String, Object> given) {
        Args args = ArgValidator.validate("probe", SPEC, given, k -> ModuleHarness.ORIGIN, ModuleHarness.ORIGIN);
        return args.bound(ArgBinder.of(Arguments.class, SPEC));
    }

    @Test
    void choicesBindToEnumConstantsByNameOrByTheirDeclaredValue() {
        assertEquals(State.NO_SUBSCRIPTION, bind(Map.of("path", "/x", "state", "no-subscription")).state());
        assertEquals(State.PRESENT, bind(Map.of("path", "/x")).state(), "the default, given as a constant");
        assertEquals(Newline.CRLF, bind(Map.of("path", "/x", "newline", "\\r\\n")).newline());
        assertEquals(List.of("present", "absent", "no-subscription"), SPEC.args().get("state").choices());
        assertEquals(List.of("\\n", "\\r\\n"), SPEC.args().get("newline").choices());
        assertThrows(UserError.class, () -> bind(Map.of("path", "/x", "state", "PRESENT")), "validation still checks the spelling");
    }

    @Test
    void absentArgumentsReadAsNullFalseEmptyOrTheirDefault() {
        Arguments a = bind(Map.of("path", "/x"));
        assertNull(a.newline());
        assertFalse(a.force());
        assertEquals(3, a.retries());
        assertNull(a.port());
        assertEquals(Optional.empty(), a.params());
        assertEquals(List.of(), a.names());
        assertNull(a.mode());
        assertEquals(new Owner(null, null), a.who());
    }

    @Test
    void givenArgumentsArriveTyped() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("path", "/etc/x");
        given.put("force", "yes");
        given.put("port", "8080");
        given.put("params", Map.of());
        given.put("names", "a,b");
        given.put("mode", "0640");
        given.put("owner", "root");
        given.put("group", "adm");
        Arguments a = bind(given);
        assertTrue(a.force());
        assertEquals(8080, a.port());
        assertEquals(Optional.of(Map.of()), a.params(), "an empty mapping is given, not absent");
        assertEquals(List.of("a", "b"), a.names());
        assertEquals(0640, a.mode().applyTo(0, false));
        assertEquals(new Owner("root", "adm"), a.who(), "a nested record binds from the same arguments");
    }

    @Test
    void planAndApplySeeOneRecordBoundOnce() throws Exception {
        Probe probe = new Probe();
        ModuleHarness.Outcome out = ModuleHarness.run(probe, Map.of("path", "/x", "state", "absent"),
                new meshplay.engine.connect.LocalConnection("h"), false);
        assertTrue(out.changed());
        assertEquals(2, probe.seen.size());
        assertSame(probe.seen.get(0), probe.seen.get(1));
        assertEquals(State.ABSENT, probe.seen.get(0).state());
        assertEquals("probe", probe.name());
        assertEquals(List.of("probe_alias"), probe.aliases());
        assertEquals(PlanKind.HOST, probe.kind());
    }

    @Test
    void aProblemNamesTheArgumentWhereItWasWritten() {
        Origin paramsAt = new Origin("site.yml", 12, 9);
        Origin taskAt = new Origin("site.yml", 10, 5);
        Probe probe = new Probe();
        Args args = ArgValidator.validate("probe", SPEC, Map.of("path", "/x", "params", Map.of("bad key", 1)),
                k -> k.equals("params") ? paramsAt : taskAt, taskAt);
        UserError e = assertThrows(UserError.class,
                () -> probe.plan(ModuleHarness.context(args, new meshplay.engine.connect.LocalConnection("h"), true, Map.of())));
        assertEquals("argument 'params' of module 'probe': 'bad key' has a space", e.getMessage());
        assertEquals(paramsAt, e.origin());
        assertEquals("write bad_key", e.hint());
    }

    record Unknown(String path, String colour) {
    }

    record MissingChoice(State state) {
    }

    record MaybeAbsentPrimitive(int port) {
    }

    @Test
    void aRecordThatDoesNotFitTheSpecIsRefusedWhenTheModuleIsMade() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ArgBinder.of(Unknown.class, SPEC));
        assertTrue(e.getMessage().contains("no argument 'colour'"), e.getMessage());
        ArgSpec fewer = ArgSpec.builder("x").add(ArgSpec.arg("state", ArgType.STR).choices("present", "absent")).build();
        e = assertThrows(IllegalStateException.class, () -> ArgBinder.of(MissingChoice.class, fewer));
        assertTrue(e.getMessage().contains("NO_SUBSCRIPTION is not a choice"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> ArgBinder.of(MaybeAbsentPrimitive.class, SPEC));
        assertTrue(e.getMessage().contains("use Integer or Optional"), e.getMessage());
    }

    @Test
    void componentNamesAreTheArgumentsInSnakeCase() {
        assertEquals("persistent_file", ArgBinder.argName("persistentFile"));
        assertEquals("pg_num", ArgBinder.argName("pgNum"));
        assertEquals("state", ArgBinder.argName("state"));
    }
}
