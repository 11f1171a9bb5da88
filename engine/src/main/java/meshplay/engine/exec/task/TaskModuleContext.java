package meshplay.engine.exec.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.Connection;
import meshplay.engine.module.Args;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.template.Templar;
import meshplay.engine.vault.Vault;
import meshplay.engine.vault.VaultEnvelope;
import meshplay.engine.vault.VaultException;
import meshplay.engine.yaml.Origin;

/** The runner's ModuleContext for one host and one task (or loop item). */
final class TaskModuleContext implements ModuleContext {
    private final Args args;
    private final Connection connection;
    private final String host;
    private final boolean check;
    private final boolean diff;
    private final Origin origin;
    private final Become become;
    private final Map<String, String> environment;
    private final Map<String, Object> vars;
    private final Templar templar;
    private final List<Path> kindRoots;
    private final List<Path> plainRoots;
    private final Vault vault;

    TaskModuleContext(Args args, Connection connection, String host, boolean check, boolean diff, Origin origin, Become become,
                      Map<String, String> environment, Map<String, Object> vars, Templar templar, List<Path> kindRoots, List<Path> plainRoots,
                      Vault vault) {
        this.args = args;
        this.connection = connection;
        this.host = host;
        this.check = check;
        this.diff = diff;
        this.origin = origin;
        this.become = become;
        this.environment = environment;
        this.vars = vars;
        this.templar = templar;
        this.kindRoots = kindRoots;
        this.plainRoots = plainRoots;
        this.vault = vault;
    }

    @Override public Args args() { return args; }
    @Override public Connection connection() { return connection; }
    @Override public String host() { return host; }
    @Override public boolean checkMode() { return check; }
    @Override public boolean diffMode() { return diff; }
    @Override public Origin origin() { return origin; }
    @Override public Become become() { return become; }
    @Override public Map<String, String> environment() { return environment; }
    @Override public Map<String, Object> vars() { return Collections.unmodifiableMap(vars); }

    @Override
    public Object evaluate(String expression) {
        return templar.evaluate(expression, vars, origin);
    }

    @Override
    public String renderTemplate(String text) {
        // the text is a controller-side file named by the playbook: trusted, rendered as a whole file
        return templar.renderTemplate(text, vars, origin);
    }

    /** A vault-encrypted file is decrypted on the controller, as Ansible does; its content becomes a secret for output. */
    @Override
    public byte[] readControllerFile(Path file, boolean decrypt) throws IOException, ModuleFailure {
        byte[] data = Files.readAllBytes(file);
        if (!decrypt || !VaultEnvelope.isVault(data)) return data;
        try {
            Vault.Opened opened = vault.open(new String(data, StandardCharsets.US_ASCII));
            vault.revealed().add(opened.text());
            return opened.plaintext();
        } catch (VaultException e) {
            throw new ModuleFailure("cannot decrypt " + file + ": " + e.getMessage() + "; " + e.hint());
        }
    }

    @Override
    public Path controllerFile(String relative, String kind) throws ModuleFailure {
        Path p = Path.of(relative);
        if (p.isAbsolute()) {
            if (Files.exists(p)) return p;
            throw new ModuleFailure("file not found: " + relative);
        }
        List<Path> tried = new ArrayList<>();
        // role dir/<kind>, the task file's dir/<kind>, playbook dir/<kind>, then beside the task file and playbook
        for (Path root : kindRoots) tried.add(root.resolve(kind).resolve(relative));
        for (Path root : plainRoots) tried.add(root.resolve(relative));
        for (Path candidate : tried) {
            if (Files.exists(candidate)) return candidate;
        }
        throw new ModuleFailure("could not find '" + relative + "'; searched: "
                + String.join(", ", new LinkedHashSet<>(tried.stream().map(Path::toString).toList())));
    }
}
