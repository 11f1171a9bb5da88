package meshplay.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.vault.VaultCipher;
import meshplay.engine.vault.VaultEnvelope;
import meshplay.engine.vault.VaultException;
import meshplay.engine.vault.VaultSecret;
import meshplay.engine.yaml.Origin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * `meshplay vault create|edit|encrypt|decrypt|view|rekey|encrypt_string`, with ansible-vault's options
 * and output: files written by one are read by the other. Without a password option it asks for one.
 */
@Command(name = "vault", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Encrypts and decrypts Ansible vault files and strings.",
        subcommands = {VaultCommand.Create.class, VaultCommand.Edit.class, VaultCommand.Encrypt.class, VaultCommand.Decrypt.class,
                VaultCommand.View.class, VaultCommand.Rekey.class, VaultCommand.EncryptString.class})
final class VaultCommand implements Callable<Integer> {
    final Main.Streams io;
    Map<String, String> env = System.getenv();

    VaultCommand(Main.Streams io) {
        this.io = io;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        io.err().println("ERROR! no vault action given");
        spec.commandLine().usage(io.err());
        return ExitCode.BAD_OPTIONS.code;
    }

    /** What every action shares: the vault options, the streams and the vault errors as user errors. */
    abstract static class Action implements Callable<Integer> {
        @ParentCommand
        VaultCommand parent;

        @Mixin
        VaultOptions options = new VaultOptions();

        @Override
        public final Integer call() {
            try {
                run();
                return ExitCode.OK.code;
            } catch (VaultException e) {
                throw new UserError(Origin.of("vault"), e.getMessage(), e.hint(), ExitCode.ERROR);
            }
        }

        abstract void run();

        Main.Streams io() {
            return parent.io;
        }

        VaultFiles files() {
            return new VaultFiles(parent.io, parent.env);
        }

        /** The passwords to decrypt with; one is required. */
        Vault readVault() {
            List<VaultSecret> secrets = new VaultPasswords(io(), false).load(options.ids(parent.env, true));
            if (secrets.isEmpty()) throw optionError("A vault password is required to use Ansible's Vault");
            return new Vault(secrets, VaultOptions.idMatch(parent.env));
        }

        /** The password to encrypt with, chosen by --encrypt-vault-id (or ANSIBLE_VAULT_ENCRYPT_IDENTITY) when several are given. */
        VaultSecret encryptSecret(String encryptVaultId) {
            List<VaultSecret> secrets = new VaultPasswords(io(), true).load(options.ids(parent.env, true));
            if (secrets.isEmpty()) throw optionError("A vault password is required to use Ansible's Vault");
            return new Vault(secrets).encryptSecret(encryptId(encryptVaultId));
        }

        String encryptId(String given) {
            return given != null && !given.isEmpty() ? given : parent.env.get(VaultOptions.ENV_ENCRYPT_IDENTITY);
        }

        /** Decrypts a file's content; the error names the file. */
        Vault.Opened open(Vault vault, byte[] data, String name) {
            if (!VaultEnvelope.isVault(data)) {
                throw new UserError(Origin.of(name), "input is not vault encrypted data: " + name + " is not a vault encrypted file",
                        "only files written by 'vault encrypt' or 'vault create' can be decrypted", ExitCode.ERROR);
            }
            try {
                return vault.open(new String(data, StandardCharsets.US_ASCII));
            } catch (VaultException e) {
                throw new UserError(Origin.of(name), e.getMessage() + " for " + name, e.hint(), ExitCode.ERROR);
            }
        }

        void done(String message) {
            if (System.console() != null) io().err().println(message);
        }

        static UserError optionError(String message) {
            return new UserError(Origin.of("vault"), message, "give one with --vault-id, --vault-password-file or --ask-vault-pass", ExitCode.BAD_OPTIONS);
        }

        static void oneOutputAtMost(String output, List<String> files) {
            if (output != null && files.size() > 1) throw optionError("At most one input file may be used with the --output option");
        }
    }

    /** --encrypt-vault-id, for the actions that encrypt. */
    static final class EncryptVaultId {
        @Option(names = "--encrypt-vault-id", paramLabel = "LABEL", description = "the vault id to encrypt with (required with several)")
        String label;
    }

    /** --output, for the actions that write a result. */
    static final class Output {
        @Option(names = "--output", paramLabel = "FILE", description = "write here instead of in place (encrypt_string: stdout); - for stdout")
        String file;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a new encrypted file, edited in $EDITOR.")
    static final class Create extends Action {
        @Mixin
        EncryptVaultId encryptVaultId = new EncryptVaultId();

        @Parameters(paramLabel = "FILE", arity = "1")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            if (files.size() != 1) throw optionError("vault create can take only one filename argument");
            String name = files.get(0);
            Path file = Path.of(name);
            if (Files.isRegularFile(file)) {
                throw new UserError(Origin.of(name), name + " exists, please use 'edit' instead", "meshplay vault edit " + name, ExitCode.ERROR);
            }
            VaultSecret secret = encryptSecret(encryptVaultId.label);
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                io().err().println("[WARNING]: " + dir + " does not exist, creating...");
                try {
                    Files.createDirectories(dir);
                } catch (java.io.IOException e) {
                    throw new UserError(Origin.of(name), "cannot create " + dir + ": " + e.getMessage(), null, ExitCode.ERROR);
                }
            }
            byte[] plaintext = files().edit(new byte[0], VaultFiles.suffix(name));
            files().write(Vault.encrypt(plaintext, secret).getBytes(StandardCharsets.US_ASCII), name, false);
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Edits encrypted files in $EDITOR; saved again only when changed.")
    static final class Edit extends Action {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            Vault vault = readVault();
            for (String name : files) {
                byte[] data = files().read(name);
                Vault.Opened opened = open(vault, data, name);
                boolean oldCipher = !VaultEnvelope.parse(new String(data, StandardCharsets.US_ASCII)).cipher().equals(VaultCipher.NAME);
                byte[] edited = files().edit(opened.plaintext(), VaultFiles.suffix(name));
                if (oldCipher || !java.util.Arrays.equals(edited, opened.plaintext())) {
                    // the same password, and the vault id the file names, as ansible-vault keeps them
                    VaultSecret secret = opened.secret().withLabel(opened.headerLabel());
                    files().write(Vault.encrypt(edited, secret).getBytes(StandardCharsets.US_ASCII), name, true);
                }
            }
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true, description = "Encrypts files in place (or stdin to stdout).")
    static final class Encrypt extends Action {
        @Mixin
        EncryptVaultId encryptVaultId = new EncryptVaultId();

        @Mixin
        Output output = new Output();

        @Parameters(paramLabel = "FILE", arity = "0..*")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            oneOutputAtMost(output.file, files);
            VaultSecret secret = encryptSecret(encryptVaultId.label);
            for (String name : files.isEmpty() ? List.of(VaultFiles.STDIO) : files) {
                String text = Vault.encrypt(files().read(name), secret);
                files().write(text.getBytes(StandardCharsets.US_ASCII), output.file != null ? output.file : name, false);
            }
            done("Encryption successful");
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true, description = "Decrypts files in place (or stdin to stdout).")
    static final class Decrypt extends Action {
        @Mixin
        Output output = new Output();

        @Parameters(paramLabel = "FILE", arity = "0..*")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            oneOutputAtMost(output.file, files);
            Vault vault = readVault();
            for (String name : files.isEmpty() ? List.of(VaultFiles.STDIO) : files) {
                files().write(open(vault, files().read(name), name).plaintext(), output.file != null ? output.file : name, false);
            }
            done("Decryption successful");
        }
    }

    @Command(name = "view", mixinStandardHelpOptions = true, description = "Prints the plaintext of encrypted files.")
    static final class View extends Action {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            Vault vault = readVault();
            for (String name : files) {
                String text = open(vault, files().read(name), name).text();
                io().out().print(text.endsWith("\n") ? text : text + "\n");
            }
            io().out().flush();
        }
    }

    @Command(name = "rekey", mixinStandardHelpOptions = true, description = "Encrypts files again with a new password.")
    static final class Rekey extends Action {
        @Mixin
        EncryptVaultId encryptVaultId = new EncryptVaultId();

        @Option(names = "--new-vault-password-file", paramLabel = "FILE", description = "the new password's file")
        String newPasswordFile;

        @Option(names = "--new-vault-id", paramLabel = "LABEL@SOURCE", description = "the new vault id and its password source")
        String newVaultId;

        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            if (newPasswordFile != null && newVaultId != null) throw optionError("--new-vault-password-file and --new-vault-id cannot be used together");
            Vault vault = readVault();
            VaultSecret newSecret = new Vault(new VaultPasswords(io(), true).load(newIds())).encryptSecret(encryptId(encryptVaultId.label));
            for (String name : files) {
                byte[] plaintext = open(vault, files().read(name), name).plaintext();
                files().write(Vault.encrypt(plaintext, newSecret).getBytes(StandardCharsets.US_ASCII), name, true);
            }
            io().err().println("Rekey successful");
        }

        /** As ansible-vault: the identity list only with an encrypt id, then --new-vault-id, the new password file, the default file, a prompt. */
        private List<String> newIds() {
            List<String> ids = new ArrayList<>();
            if (encryptId(encryptVaultId.label) != null) ids.addAll(options.identityList(parent.env));
            if (newVaultId != null) ids.add(newVaultId);
            if (newPasswordFile != null) ids.add("default@" + newPasswordFile);
            String defaultFile = parent.env.getOrDefault(VaultOptions.ENV_PASSWORD_FILE, options.configPasswordFile);
            if (defaultFile != null && !defaultFile.isBlank()) ids.add("default@" + defaultFile);
            if (options.askVaultPass || ids.isEmpty()) ids.add("default@" + VaultPasswords.ASK_VAULT_PASS);
            return ids;
        }
    }

    @Command(name = "encrypt_string", mixinStandardHelpOptions = true,
            description = "Encrypts strings into !vault values to paste into YAML (from the arguments, stdin or a prompt).")
    static final class EncryptString extends Action {
        @Mixin
        EncryptVaultId encryptVaultId = new EncryptVaultId();

        @Mixin
        Output output = new Output();

        @Option(names = {"-p", "--prompt"}, description = "ask for the string to encrypt")
        boolean prompt;

        @Option(names = "--show-input", description = "show the string typed at the prompt")
        boolean showInput;

        @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "the variable name of each string, in order (repeatable)")
        List<String> names = new ArrayList<>();

        @Option(names = "--stdin-name", paramLabel = "NAME", description = "the variable name of the string read from stdin")
        String stdinName;

        @Parameters(paramLabel = "STRING", arity = "0..*", description = "strings to encrypt; - or none reads stdin")
        List<String> strings = new ArrayList<>();

        private record Plain(byte[] text, String source, String name) {
        }

        @Override
        void run() {
            boolean fromStdin = strings.contains(VaultFiles.STDIO) || strings.isEmpty() || stdinName != null;
            if (prompt && fromStdin) throw optionError("The --prompt option is not supported if also reading input from stdin");
            VaultSecret secret = encryptSecret(encryptVaultId.label);
            List<Plain> plains = new ArrayList<>();
            if (prompt) plains.add(fromPrompt());
            if (fromStdin) {
                byte[] in = files().read(VaultFiles.STDIO);
                if (in.length == 0) throw optionError("stdin was empty, not encrypting");
                plains.add(new Plain(in, "stdin", stdinName));
            }
            List<String> args = strings.stream().filter(s -> !s.equals(VaultFiles.STDIO)).toList();
            if (!names.isEmpty() && args.size() > names.size()) {
                io().err().println("The number of --name options do not match the number of args.");
                io().err().println("The last named variable will be \"" + names.get(names.size() - 1) + "\". The rest will not have names.");
            }
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).isEmpty()) throw optionError("The plaintext provided from the command line args was empty, not encrypting");
                plains.add(new Plain(args.get(i).getBytes(StandardCharsets.UTF_8), "the command line args", i < names.size() ? names.get(i) : null));
            }
            List<String> outs = new ArrayList<>();
            for (int i = 0; i < plains.size(); i++) {
                Plain p = plains.get(i);
                if (plains.size() > 1) {
                    io().err().print(p.name() != null
                            ? "# The encrypted version of variable (\"" + p.name() + "\", the string #" + (i + 1) + " from " + p.source() + ").\n"
                            : "# The encrypted version of the string #" + (i + 1) + " from " + p.source() + ".)\n");
                }
                outs.add(yamlBlock(Vault.encrypt(p.text(), secret), p.name()));
            }
            files().write(String.join("\n", outs).getBytes(StandardCharsets.UTF_8), output.file != null ? output.file : VaultFiles.STDIO, false);
            done("Encryption successful");
        }

        private Plain fromPrompt() {
            String name = Prompts.line(io(), "Variable name (enter for no name): ");
            String text = showInput ? Prompts.line(io(), "String to encrypt:") : Prompts.secret(io(), "String to encrypt (hidden): ");
            if (text.isEmpty()) throw optionError("The plaintext provided from the prompt was empty, not encrypting");
            return new Plain(text.getBytes(StandardCharsets.UTF_8), "the interactive prompt", name.isEmpty() ? null : name);
        }

        /** "NAME: !vault |" and the vault text indented by 10, as ansible-vault prints it. */
        static String yamlBlock(String vaultText, String name) {
            StringBuilder out = new StringBuilder(name != null ? name + ": !vault |" : "!vault |");
            for (String line : vaultText.split("\n")) out.append('\n').append(" ".repeat(10)).append(line);
            return out.toString();
        }
    }
}
