package meshplay.cli.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import meshplay.cli.Main;
import meshplay.engine.connect.ConnectionProvider;

/**
 * The training run the launcher records its class-data archive from (-XX:ArchiveClassesAtExit): a
 * playbook run over SSH against an embedded server on 127.0.0.1, first run, second run and check
 * mode, so the archive holds the classes a real run loads: SSH client, key exchange, ciphers, SFTP,
 * modules, templating, the console output. Writes only into a temp directory, which it removes.
 * Exits 0 when every run succeeded, 1 otherwise (the launcher then keeps no archive).
 */
public final class CdsTraining {
    private static final String PLAYBOOK = "site.yml";
    private static final String TEMPLATE = "app.j2";
    private static final int HOSTS = 10;

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("meshplay-training");
        int code;
        try {
            code = train(dir);
        } finally {
            removeTree(dir);
        }
        System.exit(code);
    }

    /** One training in {@code dir} (kept): 0 when the first run, the second run and the check run succeeded. */
    static int train(Path dir) throws Exception {
        ConnectionProvider.warmUpAll();   // as Main does for a run, so the archive holds that path too
        Path book = copyResource(PLAYBOOK, dir.resolve(PLAYBOOK));
        copyResource(TEMPLATE, Files.createDirectories(dir.resolve("templates")).resolve(TEMPLATE));
        Path base = Files.createDirectories(dir.resolve("target"));
        try (TrainingServer server = TrainingServer.start(dir)) {
            Path inventory = Files.writeString(dir.resolve("inventory.ini"), inventory(server));
            String[] run = {"run", book.toString(), "-i", inventory.toString(), "-f", String.valueOf(HOSTS),
                    "--known-hosts", server.knownHosts().toString(), "-e", "base=" + base};
            boolean ok = runs(run) && runs(run) && runs(append(run, "--check", "--diff"));
            return ok ? 0 : 1;
        }
    }

    /** One run, its output kept and shown on stderr only if it fails. */
    private static boolean runs(String[] args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        int code = Main.execute(args, out, out, InputStream.nullInputStream());
        if (code != 0) System.err.print("training run failed (exit " + code + "):\n" + output.toString(StandardCharsets.UTF_8));
        return code == 0;
    }

    private static String inventory(TrainingServer server) {
        StringBuilder ini = new StringBuilder("[train]\n");
        for (int i = 1; i <= HOSTS; i++) ini.append("t").append(i).append('\n');
        return ini.append("\n[train:vars]\nansible_host=127.0.0.1\nansible_port=").append(server.port())
                .append("\nansible_user=").append(System.getProperty("user.name"))
                .append("\nansible_ssh_private_key_file=").append(server.clientKey()).append('\n').toString();
    }

    private static String[] append(String[] args, String... more) {
        String[] out = new String[args.length + more.length];
        System.arraycopy(args, 0, out, 0, args.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }

    private static Path copyResource(String name, Path to) throws IOException {
        try (InputStream in = CdsTraining.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("training resource " + name + " is missing from the jar");
            Files.copy(in, to);
        }
        return to;
    }

    private static void removeTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
