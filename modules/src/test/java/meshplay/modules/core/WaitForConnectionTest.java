package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.HostFiles;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

class WaitForConnectionTest extends TempRootTest {
    /** A connection that fails its first reconnects, like a host that is still booting. */
    static final class Flaky implements Connection {
        final Connection inner;
        final AtomicInteger failuresLeft;
        final AtomicInteger reconnects = new AtomicInteger();

        Flaky(Connection inner, int failures) {
            this.inner = inner;
            this.failuresLeft = new AtomicInteger(failures);
        }

        public String host() { return inner.host(); }
        public ExecResult exec(ExecRequest r) throws ConnectionException { return inner.exec(r); }
        public HostFiles files() { return inner.files(); }
        public void close() { }

        @Override
        public void reconnect() throws ConnectionException {
            reconnects.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) throw new ConnectionException("connection refused", null);
        }
    }

    @Test
    void retriesUntilTheHostAnswers() throws Exception {
        Flaky flaky = new Flaky(conn, 2);
        Outcome o = apply(new WaitForConnectionModule(), args("timeout", 30), flaky);
        assertFalse(o.changed());
        assertFalse(o.result().failed());
        assertTrue(flaky.reconnects.get() >= 3);
        assertTrue(o.result().data().containsKey("elapsed"));
    }

    @Test
    void timesOutWithTheLastError() {
        Flaky flaky = new Flaky(conn, 1000);
        meshplay.engine.module.ModuleFailure e = org.junit.jupiter.api.Assertions.assertThrows(meshplay.engine.module.ModuleFailure.class,
                () -> apply(new WaitForConnectionModule(), args("timeout", 1), flaky));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    @Test
    void checkModeAndBadArguments() throws Exception {
        Flaky flaky = new Flaky(conn, 1000);
        assertFalse(check(new WaitForConnectionModule(), args("timeout", 1), flaky).changed());
        rejects(new WaitForConnectionModule(), args("timeout", "soon"), conn, "not a whole number");
        rejects(new WaitForConnectionModule(), args("host", "x"), conn, "Invalid options for wait_for_connection: host");
    }
}
