package meshplay.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Truth;
import meshplay.engine.report.Redactor;
import meshplay.engine.vault.Vault;
import meshplay.engine.yaml.Origin;
import picocli.CommandLine.Option;

/**
 * The vault options of `run`, `inventory` and `vault` (a picocli mixin), and the vault they give.
 * Vault ids are tried in Ansible's order: ANSIBLE_VAULT_IDENTITY_LIST (or the configuration's
 * vault_identity_list), each --vault-id, each --vault-password-file, ANSIBLE_VAULT_PASSWORD_FILE (or
 * the configuration's vault_password_file), then the --ask-vault-pass prompt.
 */
final class VaultOptions {
    static final String ENV_PASSWORD_FILE = "ANSIBLE_VAULT_PASSWORD_FILE";
    static final String ENV_IDENTITY_LIST = "ANSIBLE_VAULT_IDENTITY_LIST";
    static final String ENV_ID_MATCH = "ANSIBLE_VAULT_ID_MATCH";
    static final String ENV_ENCRYPT_IDENTITY = "ANSIBLE_VAULT_ENCRYPT_IDENTITY";
    static final String ENV_ASK_VAULT_PASS = "ANSIBLE_ASK_VAULT_PASS";

    @Option(names = "--vault-id", paramLabel = "LABEL@SOURCE",
            description = "a vault password: LABEL@FILE, LABEL@SCRIPT or LABEL@prompt (repeatable)")
    List<String> vaultIds = new ArrayList<>();

    @Option(names = {"--vault-password-file", "--vault-pass-file"}, paramLabel = "FILE",
            description = "a file holding the vault password, or an executable that prints it (repeatable)")
    List<String> passwordFiles = new ArrayList<>();

    @Option(names = {"-J", "--ask-vault-password", "--ask-vault-pass"}, description = "ask for the vault password")
    boolean askVaultPass;

    /**
     * The configuration's [defaults] vault_password_file, for the code that reads ansible.cfg to set;
     * ANSIBLE_VAULT_PASSWORD_FILE wins over it, as in Ansible.
     */
    String configPasswordFile;

    /** The configuration's [defaults] vault_identity_list; ANSIBLE_VAULT_IDENTITY_LIST wins over it. */
    List<String> configIdentityList = List.of();

    /** The vault of a run: no password asked unless --ask-vault-pass or a prompt vault id says so. */
    Vault vault(Main.Streams io, Map<String, String> env) {
        return new Vault(new VaultPasswords(io, false).load(ids(env, false)), idMatch(env));
    }

    /**
     * The vault ids in the order they are tried. {@code autoPrompt}: with none given, ask (ansible-vault
     * does; ansible-playbook does not).
     */
    List<String> ids(Map<String, String> env, boolean autoPrompt) {
        List<String> ids = new ArrayList<>(identityList(env));
        ids.addAll(vaultIds);
        for (String file : passwordFiles) ids.add("default@" + file);
        String defaultFile = env.getOrDefault(ENV_PASSWORD_FILE, configPasswordFile);
        if (defaultFile != null && !defaultFile.isBlank()) ids.add("default@" + defaultFile);
        if (askVaultPass || bool(env, ENV_ASK_VAULT_PASS) || (ids.isEmpty() && autoPrompt)) ids.add("default@" + VaultPasswords.ASK_VAULT_PASS);
        return ids;
    }

    List<String> identityList(Map<String, String> env) {
        String list = env.get(ENV_IDENTITY_LIST);
        if (list == null) return configIdentityList;
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static boolean idMatch(Map<String, String> env) {
        return bool(env, ENV_ID_MATCH);
    }

    private static boolean bool(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null) return false;
        try {
            return Truth.toBool(v);
        } catch (IllegalArgumentException e) {
            throw new UserError(Origin.of(name), name + "=" + v + " is not a boolean", "set it to true or false", ExitCode.BAD_OPTIONS);
        }
    }

    /** The error with every secret value masked, for errors that leave the command unprinted so far. */
    static UserError masked(UserError e, Vault vault) {
        if (vault.revealed().isEmpty()) return e;
        String message = Redactor.mask(e.getMessage(), vault.revealed());
        String hint = e.hint() == null ? null : Redactor.mask(e.hint(), vault.revealed());
        if (message.equals(e.getMessage()) && java.util.Objects.equals(hint, e.hint())) return e;
        return new UserError(e.origin(), message, hint, e.exitCode());
    }
}
