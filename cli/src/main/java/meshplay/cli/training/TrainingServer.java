package meshplay.cli.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SSH server inside the training JVM, on 127.0.0.1 and a free port, for the current user: ed25519
 * host and client keys (what OpenSSH uses by default), commands run by the local /bin/sh, SFTP.
 * It writes the client's key file and a known_hosts file into a directory for the run to use.
 */
final class TrainingServer implements AutoCloseable {
    private final SshServer server;
    private final Path clientKey;
    private final Path knownHosts;

    private TrainingServer(SshServer server, Path clientKey, Path knownHosts) {
        this.server = server;
        this.clientKey = clientKey;
        this.knownHosts = knownHosts;
    }

    static TrainingServer start(Path dir) throws IOException, GeneralSecurityException {
        KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        KeyPair userKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, userKey.getPublic()));
        server.setCommandFactory((channel, command) -> new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.start();

        Path key = dir.resolve("id_ed25519");
        try (OutputStream out = Files.newOutputStream(key)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "meshplay-training", null, out);
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path known = dir.resolve("known_hosts");
        Files.writeString(known, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
        return new TrainingServer(server, key, known);
    }

    int port() {
        return server.getPort();
    }

    Path clientKey() {
        return clientKey;
    }

    Path knownHosts() {
        return knownHosts;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
