package meshplay.engine.exec;

import static meshplay.engine.exec.Y.failing;
import static meshplay.engine.exec.Y.play;
import static meshplay.engine.exec.Y.probe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.exec.play.Runner;
import org.junit.jupiter.api.Test;

/** The run's exit code as ansible-playbook 2.14 gives it: unreachable (4) outranks failed (2), unless a failure rule broke the play. */
class ExitCodeTest {
    private final Fixture f = new Fixture();

    @Test
    void unreachableOutranksFailedInTheExitCode() {
        f.hosts("h1");
        f.unreachableHost("down");
        Runner.Outcome out = f.run(play("web", List.of(probe("a"), failing("f")), List.of()));
        assertEquals(1, f.stats("h1").failed());
        assertEquals(1, f.stats("down").unreachable());
        assertEquals(4, out.exitCode().code);
    }

    @Test
    void anIgnoredUnreachableHostExitsZero() {
        f.hosts("h1");
        f.unreachableHost("down");
        Runner.Outcome out = f.run(play("web", List.of(probe("a", "ignore_unreachable", true)), List.of()));
        assertEquals(1, f.stats("down").ignored());
        assertEquals(0, out.exitCode().code);
    }

    @Test
    void aPlayThatAnyErrorsFatalBrokeExitsTwoEvenForAnUnreachableHost() {
        f.hosts("h1");
        f.unreachableHost("down");
        Runner.Outcome out = f.run(play("web", List.of(probe("a"), probe("b")), List.of(), "any_errors_fatal", true));
        assertEquals(1, f.stats("down").unreachable());
        assertEquals(0, f.stats("h1").failed());
        assertEquals(List.of("a"), TestModules.calledNames("h1"));
        assertEquals(ExitCode.HOST_FAILED, out.exitCode());
    }

    @Test
    void maxFailPercentageCountsFailedHostsNotUnreachableOnes() {
        f.hosts("h1");
        f.unreachableHost("down");
        Runner.Outcome out = f.run(play("web", List.of(probe("a"), probe("b")), List.of(), "max_fail_percentage", 0));
        assertEquals(List.of("a", "b"), TestModules.calledNames("h1"));
        assertEquals(4, out.exitCode().code);
    }
}
