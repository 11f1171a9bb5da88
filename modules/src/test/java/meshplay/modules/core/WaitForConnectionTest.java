package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.WriteOptions;
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
        public FileStat stat(String p, boolean f) throws ConnectionException { return inner.stat(p, f); }
        public java.util.Optional<byte[]> read(String p) throws ConnectionException { return inner.read(p); }
        public java.util.Optional<String> write(String p, byte[] c, WriteOptions o) throws ConnectionException { return inner.write(p, c, o); }
        public void mkdirs(String p, Attributes a) throws ConnectionException { inner.mkdirs(p, a); }
        public void remove(String p, boolean r) throws ConnectionException { inner.remove(p, r); }
        public void symlink(String t, String l) throws ConnectionException { inner.symlink(t, l); }
        public void setAttributes(String p, Attributes a) throws ConnectionException { inner.setAttributes(p, a); }
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
        rejects(new WaitForConnectionModule(), args("host", "x"), conn, "unknown argument 'host'");
    }
}
