package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The known_hosts files one run checks host keys against, in order; new keys are recorded in the
 * first. Entries are parsed with MINA's {@link KnownHostEntry} (plain, [host]:port and hashed
 * |1|salt|hash forms), but line by line so that a refusal can name the exact file and line to fix,
 * which MINA's own verifier cannot do.
 */
final class KnownHosts {
    /** One matching line of a known_hosts file. */
    record Match(Path file, int line, String marker, PublicKey key) {
    }

    /** Serialises reading-then-appending so concurrent first connections to one host record it once. */
    private static final Object FILE_LOCK = new Object();

    private final List<Path> files;

    KnownHosts(List<Path> files) {
        if (files.isEmpty()) throw new IllegalArgumentException("at least one known_hosts file is needed");
        this.files = List.copyOf(files);
    }

    List<Path> files() {
        return files;
    }

    /** How known_hosts names a host: plain for port 22, [host]:port otherwise (as OpenSSH writes it). */
    static String hostPattern(String host, int port) {
        return port == 22 || port <= 0 ? host : "[" + host + "]:" + port;
    }

    /** Every entry for the host, in file order; unreadable key lines are skipped as OpenSSH does. */
    List<Match> find(String host, int port) throws IOException {
        List<Match> matches = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) continue;
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                KnownHostEntry entry;
                try {
                    entry = KnownHostEntry.parseKnownHostEntry(line);
                } catch (RuntimeException e) {
                    continue;
                }
                if (entry == null || entry.getKeyEntry() == null || !entry.isHostMatch(host, port)) continue;
                PublicKey key;
                try {
                    key = entry.getKeyEntry().resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
                } catch (GeneralSecurityException | RuntimeException e) {
                    key = null;
                }
                matches.add(new Match(file, i + 1, entry.getMarker(), key));
            }
        }
        return matches;
    }

    /**
     * Records a key for the host in the first file unless an entry appeared meanwhile (another
     * connection to the same host). Returns false when such an entry exists and does not match.
     */
    boolean record(String host, int port, PublicKey key) throws IOException {
        synchronized (FILE_LOCK) {
            for (Match m : find(host, port)) {
                if (m.key() != null && KeyUtils.compareKeys(m.key(), key)) return true;
            }
            if (!find(host, port).isEmpty()) return false;
            Path file = files.get(0);
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            String prefix = "";
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                byte[] all = Files.readAllBytes(file);
                if (all[all.length - 1] != '\n') prefix = "\n";
            }
            String line = prefix + hostPattern(host, port) + " " + PublicKeyEntry.toString(key) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        }
    }
}
