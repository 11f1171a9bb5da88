package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Helpers for tests: an empty ~/.ssh so the real one is never read or changed; an embedded server
 * on 127.0.0.1 that takes the password "secret" for user "tester".
 */
final class SshTesting {
    private SshTesting() {
    }

    static SshEnvironment emptyEnvironment(Path tmp) throws IOException {
        return SshEnvironment.of(Files.createDirectories(tmp.resolve("home/.ssh")), Map.of());
    }

    /** An embedded server (not started) on 127.0.0.1 and a free port, its host key kept in {@code dir}, password login for tester/secret. */
    static org.apache.sshd.server.SshServer passwordServer(Path dir) {
        org.apache.sshd.server.SshServer server = org.apache.sshd.server.SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider(dir.resolve("hostkey.ser")));
        server.setPasswordAuthenticator((user, pw, session) -> "tester".equals(user) && "secret".equals(pw));
        return server;
    }
}
