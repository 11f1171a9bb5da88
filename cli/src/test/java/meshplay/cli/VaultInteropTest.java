package meshplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Vault files and strings cross between meshplay and the real ansible-vault / ansible-playbook
 * (Debian's ansible-core 2.14) both ways; wrong passwords and tampered files fail clearly; decrypted
 * values never reach the output. Skipped, with the reason, when ansible-core is not installed.
 */
class VaultInteropTest {
    private static final String SECRET = "s3cret-Db-Pass";
    private static final String INLINE = "inline-T0ken-42";

    @TempDir
    Path dir;
    private Path pw;
    private String out;
    private String err;

    @BeforeAll
    static void needsAnsible() {
        assumeTrue(onPath("ansible-vault") && onPath("ansible-playbook"),
                "ansible-vault/ansible-playbook are not installed (./test installs ansible-core)");
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) if (Files.isExecutable(Path.of(d, tool))) return true;
        return false;
    }

    @BeforeEach
    void password() throws Exception {
        pw = write("pw.txt", "correct horse\n");
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Runs an external tool in the temp dir; returns its stdout, failing the test on a non-zero exit. */
    private String tool(String... argv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve(".ansible-tmp").toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().remove("ANSIBLE_VAULT_PASSWORD_FILE");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", argv) + ":\n" + text);
        return text;
    }

    private int meshplay(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** `meshplay vault ...` with its own environment (EDITOR, ANSIBLE_VAULT_*), as Main would run it. */
    private int vault(Map<String, String> env, String input, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(e, true, StandardCharsets.UTF_8);
        VaultCommand command = new VaultCommand(new Main.Streams(new PrintStream(o, true, StandardCharsets.UTF_8), errStream,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
        command.env = env;
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((ex, c, parsed) -> Main.handle(ex, errStream, 0));
        int code = cli.execute(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private static String indented(String text, int spaces) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) b.append(" ".repeat(spaces)).append(line).append('\n');
        return b.toString();
    }

    /** A playbook that writes the vault file's value, the inline value and a vaulted copy source to dest/. */
    private Path secretsPlaybook() throws Exception {
        write("secrets.yml", "db_password: " + SECRET + "\n");
        tool("ansible-vault", "encrypt", "--vault-password-file", pw.toString(), "secrets.yml");
        write("files/app.conf", "token = " + SECRET + "\n");
        tool("ansible-vault", "encrypt", "--vault-password-file", pw.toString(), "files/app.conf");
        String inline = tool("ansible-vault", "encrypt_string", "--vault-password-file", pw.toString(), "--name", "api_token", INLINE);
        Path dest = dir.resolve("dest");
        return write("site.yml", "- hosts: localhost\n  gather_facts: false\n  vars_files: [secrets.yml]\n  vars:\n"
                + indented(inline.substring(inline.indexOf("api_token:")), 4)
                + "  tasks:\n"
                + "    - file: {path: " + dest + ", state: directory}\n"
                + "    - copy: {content: \"{{ db_password }} {{ api_token }}\", dest: " + dest + "/values.txt}\n"
                + "    - copy: {src: app.conf, dest: " + dest + "/app.conf}\n"
                + "    - copy: {src: app.conf, dest: " + dest + "/app.conf.vault, decrypt: false}\n"
                + "    - debug: {msg: \"password is {{ db_password }}\"}\n");
    }

    @Test
    void filesAndStringsFromAnsibleVaultAreUsedByARunAndNeverPrinted() throws Exception {
        Path site = secretsPlaybook();
        assertEquals(0, meshplay(site.toString(), "-i", "localhost,", "-c", "local", "--vault-password-file", pw.toString(), "--diff", "-vvvv"),
                out + err);
        assertEquals(SECRET + " " + INLINE, Files.readString(dir.resolve("dest/values.txt")));
        assertEquals("token = " + SECRET + "\n", Files.readString(dir.resolve("dest/app.conf")), "copy decrypts a vaulted src");
        assertTrue(Files.readString(dir.resolve("dest/app.conf.vault")).startsWith("$ANSIBLE_VAULT;1.1;AES256\n"), "decrypt: false copies it as it is");
        assertTrue(out.contains("password is ********"), out);
        for (String text : List.of(out, err)) {
            assertFalse(text.contains(SECRET), text);
            assertFalse(text.contains(INLINE), text);
            assertFalse(text.contains("correct horse"), text);
        }
        Files.delete(dir.resolve("dest/values.txt"));
        assertEquals(0, meshplay(site.toString(), "-i", "localhost,", "-c", "local", "--vault-id", "any@" + pw, "--json"), out + err);
        assertTrue(out.contains("\"changed\""), out);
        assertFalse(out.contains(SECRET) || out.contains(INLINE), out);
    }

    @Test
    void wrongPasswordAndTamperedFileFailWithTheFileNamedAndNoStackTrace() throws Exception {
        Path site = secretsPlaybook();
        Path wrong = write("wrong.txt", "not it\n");
        assertEquals(1, meshplay(site.toString(), "-i", "localhost,", "-c", "local", "--vault-password-file", wrong.toString()));
        assertTrue(err.contains("cannot decrypt the !vault value in " + site), err);
        assertFalse(err.contains("at meshplay."), err);

        Path secrets = dir.resolve("secrets.yml");
        String vaultText = Files.readString(secrets);
        int pos = vaultText.indexOf('\n', vaultText.length() / 2) + 5; // a hex digit of the ciphertext
        char flipped = vaultText.charAt(pos) == '3' ? '6' : '3';
        Files.writeString(secrets, vaultText.substring(0, pos) + flipped + vaultText.substring(pos + 1));
        assertEquals(1, meshplay(site.toString(), "-i", "localhost,", "-c", "local", "--vault-password-file", pw.toString()));
        assertTrue(err.contains("cannot decrypt " + secrets), err);
        assertFalse(err.contains("at meshplay."), err);
        assertEquals(1, vault(Map.of(), "", "view", "--vault-password-file", pw.toString(), secrets.toString()));
        assertTrue(err.contains(secrets.toString()), err);
    }

    @Test
    void meshplayVaultOutputIsReadByAnsible() throws Exception {
        Path file = write("vars.yml", "greeting: hello from meshplay\n");
        assertEquals(0, vault(Map.of(), "", "encrypt", "--vault-id", "prod@" + pw, file.toString()), err);
        String text = Files.readString(file);
        assertTrue(text.startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("greeting: hello from meshplay\n", tool("ansible-vault", "decrypt", "--vault-id", "prod@" + pw, "--output", "-", "vars.yml"));

        assertEquals(0, vault(Map.of(), "", "encrypt_string", "--vault-password-file", pw.toString(), "--name", "word", "sesame"), err);
        write("check.yml", "- hosts: localhost\n  gather_facts: false\n  vars:\n" + indented(out, 4)
                + "  tasks:\n    - assert: {that: \"word == 'sesame'\"}\n");
        tool("ansible-playbook", "-i", "localhost,", "-c", "local", "--vault-password-file", pw.toString(), "check.yml");

        assertEquals(0, vault(Map.of(), "correct horse\nnew pass\nnew pass\n", "rekey", "--ask-vault-pass", file.toString()), err);
        Path newPw = write("new.txt", "new pass\n");
        assertEquals("greeting: hello from meshplay\n", tool("ansible-vault", "view", "--vault-password-file", newPw.toString(), "vars.yml"));
    }

    @Test
    void editWorksOnA0600TempFileThatIsRemovedAndKeepsTheVaultId() throws Exception {
        Path file = write("vars.yml", "a: 1\n");
        tool("ansible-vault", "encrypt", "--vault-id", "dev@" + pw, "vars.yml");
        Path log = dir.resolve("editor.log");
        Path editor = write("editor.sh", "#!/bin/sh\nstat -c '%a %n' \"$1\" >> " + log + "\necho 'b: 2' >> \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = new HashMap<>(Map.of("EDITOR", editor.toString()));
        assertEquals(0, vault(env, "", "edit", "--vault-password-file", pw.toString(), file.toString()), err);
        String[] logged = Files.readString(log).strip().split(" ", 2);
        assertEquals("600", logged[0], "the plaintext is only readable by its owner");
        assertFalse(Files.exists(Path.of(logged[1])), "the plaintext temp file is removed");
        assertTrue(logged[1].endsWith(".yml"), "the temp file keeps the extension for the editor");
        assertTrue(Files.readString(file).startsWith("$ANSIBLE_VAULT;1.2;AES256;dev\n"), "the file's vault id is kept");
        assertEquals("a: 1\nb: 2\n", tool("ansible-vault", "view", "--vault-password-file", pw.toString(), "vars.yml"));

        Path created = dir.resolve("new/created.yml");
        assertEquals(0, vault(env, "", "create", "--vault-password-file", pw.toString(), created.toString()), err);
        assertEquals("b: 2\n", tool("ansible-vault", "view", "--vault-password-file", pw.toString(), created.toString()));
        assertEquals(1, vault(env, "", "create", "--vault-password-file", pw.toString(), created.toString()));
        assertTrue(err.contains("please use 'edit' instead"), err);
    }

    @Test
    void passwordScriptsAndClientScripts() throws Exception {
        Path file = write("vars.yml", "x: 1\n");
        tool("ansible-vault", "encrypt", "--vault-id", "prod@" + pw, "vars.yml");
        Path script = write("pass.sh", "#!/bin/sh\nprintf 'correct horse\\r\\n'\n");
        Path client = write("vault-client.sh", "#!/bin/sh\n[ \"$1 $2\" = '--vault-id prod' ] || exit 2\necho 'correct horse'\n");
        for (Path p : List.of(script, client)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        assertEquals(0, vault(Map.of(), "", "view", "--vault-password-file", script.toString(), file.toString()), err);
        assertEquals("x: 1\n", out);
        assertEquals(0, vault(Map.of(), "", "view", "--vault-id", "prod@" + client, file.toString()), err);
        assertEquals(1, vault(Map.of(), "", "view", "--vault-id", "dev@" + client, file.toString()));
        assertTrue(err.contains("did not find a secret for vault-id=dev"), err);
        List<String> withEnv = new ArrayList<>(List.of("view", file.toString()));
        assertEquals(0, vault(Map.of("ANSIBLE_VAULT_PASSWORD_FILE", pw.toString()), "", withEnv.toArray(String[]::new)), err);
        assertEquals(0, vault(Map.of(), "correct horse\n", "view", "--ask-vault-pass", file.toString()), err);
        assertTrue(err.contains("Vault password: "), err);
    }
}
