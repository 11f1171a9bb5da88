package meshplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.vault.VaultSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every place a run reads vault data: an encrypted inventory, group_vars and host_vars, include_vars,
 * -e @file; and the order in which vault ids are tried, as Ansible builds it.
 */
class VaultRunTest {
    private static final VaultSecret SECRET = VaultSecret.of("default", "swordfish");

    @TempDir
    Path dir;
    private String out;
    private String err;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Path writeEncrypted(String name, String text) throws Exception {
        return write(name, Vault.encrypt(text.getBytes(StandardCharsets.UTF_8), SECRET));
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream("swordfish\n".getBytes(StandardCharsets.UTF_8)));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void inventoryGroupVarsHostVarsIncludeVarsAndExtraVarsFilesAreDecrypted() throws Exception {
        Path inventory = writeEncrypted("inv/hosts.yml", "all:\n  hosts:\n    localhost:\n      ansible_connection: local\n      from_inventory: inv-value\n");
        writeEncrypted("inv/group_vars/all.yml", "from_group_vars: group-value\n");
        writeEncrypted("inv/host_vars/localhost.yml", "from_host_vars: host-value\n");
        writeEncrypted("more.yml", "from_include_vars: include-value\n");
        Path extra = writeEncrypted("extra.yml", "from_extra: extra-value\n");
        Path result = dir.resolve("result.txt");
        Path site = write("site.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n"
                + "    - include_vars: more.yml\n"
                + "    - copy:\n        dest: " + result + "\n"
                + "        content: \"{{ [from_inventory, from_group_vars, from_host_vars, from_include_vars, from_extra] | join(',') }}\"\n");
        assertEquals(0, run(site.toString(), "-i", inventory.toString(), "-e", "@" + extra, "--ask-vault-pass"), out + err);
        assertEquals("inv-value,group-value,host-value,include-value,extra-value", Files.readString(result));
        assertTrue(err.contains("Vault password: "), err);

        assertEquals(0, run("inventory", "-i", inventory.toString(), "--host", "localhost", "--ask-vault-pass"), out + err);
        assertTrue(out.matches("(?s).*\"from_inventory\": ?\"\\*{8}\".*"), out);
        assertFalse(out.contains("inv-value"), out);
    }

    @Test
    void vaultDataWithoutAPasswordIsAnErrorThatSaysHowToGiveOne() throws Exception {
        Path vars = writeEncrypted("vars.yml", "x: 1\n");
        Path site = write("site.yml", "- hosts: localhost\n  gather_facts: false\n  vars_files: [vars.yml]\n  tasks:\n    - debug: {var: x}\n");
        assertEquals(1, run(site.toString(), "-c", "local"));
        assertTrue(err.contains("cannot decrypt " + vars), err);
        assertTrue(err.contains("--ask-vault-pass"), err);
    }

    @Test
    void vaultIdsAreTriedInAnsiblesOrder() {
        VaultOptions o = new VaultOptions();
        o.vaultIds = List.of("dev@dev.txt", "prod@prompt");
        o.passwordFiles = List.of("pw.txt");
        o.configPasswordFile = "cfg.txt";
        assertEquals(List.of("a@a.txt", "b@b.txt", "dev@dev.txt", "prod@prompt", "default@pw.txt", "default@env.txt"),
                o.ids(Map.of("ANSIBLE_VAULT_IDENTITY_LIST", "a@a.txt, b@b.txt", "ANSIBLE_VAULT_PASSWORD_FILE", "env.txt"), false),
                "the environment wins over the configuration's vault_password_file");
        assertEquals(List.of("dev@dev.txt", "prod@prompt", "default@pw.txt", "default@cfg.txt"), o.ids(Map.of(), false));

        VaultOptions none = new VaultOptions();
        assertEquals(List.of(), none.ids(Map.of(), false), "a run does not ask unless told to");
        assertEquals(List.of("default@prompt_ask_vault_pass"), none.ids(Map.of(), true), "the vault command asks when given nothing");
        assertEquals(List.of("default@prompt_ask_vault_pass"), none.ids(Map.of("ANSIBLE_ASK_VAULT_PASS", "yes"), false));
        assertThrows(UserError.class, () -> none.ids(Map.of("ANSIBLE_ASK_VAULT_PASS", "maybe"), false));
    }

    @Test
    void passwordFilesLoseSurroundingWhitespaceAndEmptyOnesAreRefused() throws Exception {
        Path padded = write("padded.txt", "  swordfish \t\r\n\n");
        Path empty = write("empty.txt", "\n \n");
        VaultPasswords passwords = new VaultPasswords(new Main.Streams(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), new ByteArrayInputStream(new byte[0])), false);
        List<VaultSecret> secrets = passwords.load(List.of("a@" + padded, "b@" + empty));
        assertEquals(List.of(VaultSecret.of("a", "swordfish")), secrets, "a failing source is only a warning while another works");
        UserError e = assertThrows(UserError.class, () -> passwords.load(List.of("b@" + empty)));
        assertTrue(e.getMessage().contains("Invalid vault password was provided from file"), e.getMessage());
        UserError missing = assertThrows(UserError.class, () -> passwords.load(List.of(dir.resolve("nope").toString())));
        assertTrue(missing.getMessage().contains("was not found"), missing.getMessage());
    }
}
