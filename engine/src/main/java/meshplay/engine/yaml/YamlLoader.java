package meshplay.engine.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads YAML (1.1, like Ansible) into a {@link YNode} tree whose every node knows its file:line:col.
 * Syntax errors, duplicate keys and unsupported constructs become {@link UserError}s at the offending
 * position. Documents are composed, never constructed into arbitrary Java objects.
 * With a {@link Vault}, a whole vault-encrypted file and inline {@code !vault} values are decrypted
 * (see {@link VaultData}); without one, finding either is an error that says how to give a password.
 */
public final class YamlLoader {
    /**
     * Values that aliases may add to one document, counted as if every alias were expanded: far more
     * than anchors and merge keys add to a real inventory, far less than an alias bomb ("billion laughs").
     */
    public static final long MAX_ALIAS_EXPANSION = 1_000_000;
    /** Aliases of lists and mappings; each adds at least one value, so the expansion limit bounds them. */
    static final int MAX_ALIASES = (int) MAX_ALIAS_EXPANSION;
    public static final int MAX_NESTING = 200;
    /** Enough for a generated inventory or vars file; the expansion limit guards the memory. */
    public static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

    private YamlLoader() {
    }

    /** Loads a file; an empty file gives null. Vault data in it is an error (no password). */
    public static YNode loadFile(Path file) {
        return loadFile(file, Vault.NONE);
    }

    /** Loads a file, decrypting it (or its inline !vault values) with {@code vault}; an empty file gives null. */
    public static YNode loadFile(Path file, Vault vault) {
        String text = readText(file);
        if (!VaultData.isVault(text)) return loadString(text, file.toString(), vault);
        YNode root = loadString(VaultData.decryptFile(text, file, vault), file.toString(), vault);
        VaultData.reveal(root, vault);
        return root;
    }

    /** A file's text as it is on disk (UTF-8), with clear errors for a missing or unreadable file. */
    public static String readText(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_CODE_POINTS) {
                throw new UserError(Origin.of(file.toString()), String.format("file is too large: %,d bytes (at most %,d MB)", size,
                        MAX_CODE_POINTS / (1024 * 1024)), "split it into several files");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(Origin.of(file.toString()), "file not found: " + file, "check the path");
        } catch (MalformedInputException e) {
            throw new UserError(Origin.of(file.toString()), "file is not UTF-8 text: " + file, "save it as UTF-8");
        } catch (IOException e) {
            throw new UserError(Origin.of(file.toString()), "cannot read " + file + ": " + e.getMessage(), "check the file's permissions");
        }
    }

    /** Loads text; {@code label} names it in origins and errors (a file name, "-e", "<test>"). Empty text gives null. */
    public static YNode loadString(String text, String label) {
        return loadString(text, label, Vault.NONE);
    }

    /** Loads text, decrypting inline !vault values with {@code vault}. */
    public static YNode loadString(String text, String label, Vault vault) {
        LoaderOptions options = options();
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(stripBom(text)));
        } catch (MarkedYAMLException e) {
            throw syntaxError(e, label);
        } catch (ReaderException e) {
            throw invalidCharacter(e, text, label);
        } catch (YAMLException e) {
            throw new UserError(Origin.of(label), "cannot read YAML: " + e.getMessage(), null);
        }
        return root == null ? null : new NodeConverter(label, new ScalarValues(options), MAX_ALIAS_EXPANSION, vault).convert(root);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        return options;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A character YAML does not allow (NUL, other control characters), at its line and column. */
    private static UserError invalidCharacter(ReaderException e, String text, String label) {
        int line = 1;
        int column = 1;
        String body = stripBom(text);
        for (int i = 0, cp = 0; i < body.length() && cp < e.getPosition(); i = body.offsetByCodePoints(i, 1), cp++) {
            char c = body.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= body.length() || body.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new UserError(new Origin(label, line, column), String.format("invalid character U+%04X: YAML allows only printable characters", e.getCodePoint()),
                "remove it: YAML files hold printable text; in a double-quoted string, write a control character as an escape such as \\x01");
    }

    private static UserError syntaxError(MarkedYAMLException e, String label) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Origin origin = mark == null ? Origin.of(label) : new Origin(label, mark.getLine() + 1, mark.getColumn() + 1);
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
        return new UserError(origin, "YAML syntax error: " + problem + context, SyntaxHints.forProblem(problem + context));
    }
}
