package meshplay.cli.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data training must really run a playbook over SSH: if it silently failed,
 * every start would lose its archive and be slower, and nothing else would notice.
 */
class CdsTrainingTest {
    @TempDir
    Path dir;

    @Test
    void trainingRunsThePlaybookOverSshAgainstItsEmbeddedServer() throws Exception {
        assertEquals(0, CdsTraining.train(dir), "first run, second run and check run all succeed");
        for (String host : new String[] {"t1", "t2", "t3"}) {
            Path root = dir.resolve("target").resolve(host);
            assertEquals("name=" + host.toUpperCase() + "\nport=8081\nnames=alpha,beta,gamma\n", Files.readString(root.resolve("etc/app.conf")));
            assertTrue(Files.readString(root.resolve("etc/rendered.conf")).contains("worker 3 = gamma"));
            assertTrue(Files.exists(root.resolve("restarted")), "the handler ran on " + host);
            assertTrue(Files.isSymbolicLink(root.resolve("log/current")));
        }
        assertTrue(Files.exists(dir.resolve("known_hosts")) && Files.exists(dir.resolve("id_ed25519")));
    }
}
