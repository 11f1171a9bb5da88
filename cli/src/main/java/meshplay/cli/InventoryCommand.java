package meshplay.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import meshplay.cli.config.CommandLineSettings;
import meshplay.cli.config.EffectiveConfig;
import meshplay.cli.config.RunConfig;
import meshplay.cli.config.Setting;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.inventory.InventoryLoader;
import meshplay.engine.lang.Json;
import meshplay.engine.report.Redactor;
import meshplay.engine.vault.Vault;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * `meshplay inventory [-i INV] --list | --graph | --host H`, like ansible-inventory. Values are shown as
 * written. Without -i, the inventory of ANSIBLE_INVENTORY or ansible.cfg.
 * Vault-decrypted values are masked.
 */
@CommandLine.Command(name = "inventory", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Shows an inventory: every host and group (--list, JSON), a tree (--graph) or one host's variables (--host).")
final class InventoryCommand implements Callable<Integer> {
    private final Main.Streams io;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "inventory source (repeatable); default: ANSIBLE_INVENTORY or ansible.cfg's inventory")
    List<String> inventories = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    VaultOptions vaultOptions = new VaultOptions();

    private Vault vault = Vault.NONE;

    @CommandLine.ArgGroup(multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--list", description = "all groups and hosts with their variables, as JSON")
        boolean list;

        @Option(names = "--graph", description = "groups and hosts as a tree")
        boolean graph;

        @Option(names = "--host", paramLabel = "HOST", description = "one host's variables, as JSON")
        String host;
    }

    InventoryCommand(Main.Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        EffectiveConfig config = EffectiveConfig.load(io.env(), CommandLineSettings.of(spec.commandLine().getParseResult(), io.env()));
        inventories = RunConfig.inventories(config);
        if (inventories.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no inventory: give -i INVENTORY, or set it in ansible.cfg or ANSIBLE_INVENTORY");
        }
        Path passwordFile = config.path(Setting.DEFAULT_VAULT_PASSWORD_FILE);
        if (passwordFile != null) vaultOptions.configPasswordFile = passwordFile.toString();
        vault = vaultOptions.vault(io, io.env().vars());
        try {
            return show();
        } catch (UserError e) {
            throw VaultOptions.masked(e, vault);
        }
    }

    private int show() {
        Inventory inv = InventoryLoader.load(inventories, null, vault);
        if (mode.host != null) {
            if (!inv.hosts().contains(mode.host)) {
                throw new UserError(Origin.of(String.join(",", inventories)), "host '" + mode.host + "' is not in the inventory",
                        "known hosts: " + String.join(", ", inv.hosts()), ExitCode.BAD_OPTIONS);
            }
            io.out().println(masked(Json.write(plain(inv.hostVars(mode.host)), Json.COMPACT)));
        } else if (mode.graph) {
            graph(inv);
        } else {
            list(inv);
        }
        io.out().flush();
        return 0;
    }

    private void list(Inventory inv) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (String h : inv.hosts()) hostvars.put(h, plain(inv.hostVars(h)));
        out.put("_meta", Map.of("hostvars", hostvars));
        List<String> children = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : inv.groups().entrySet()) {
            if (g.getKey().equals("all")) continue;
            children.add(g.getKey());
            out.put(g.getKey(), Map.of("hosts", g.getValue()));
        }
        out.put("all", Map.of("children", children));
        io.out().println(masked(Json.write(out, Json.COMPACT)));
    }

    private void graph(Inventory inv) {
        io.out().println("@all:");
        for (Map.Entry<String, List<String>> g : inv.groups().entrySet()) {
            if (g.getKey().equals("all")) continue;
            io.out().println("  |--@" + g.getKey() + ":");
            for (String h : g.getValue()) io.out().println("  |  |--" + h);
        }
    }

    private String masked(String text) {
        return Redactor.mask(text, vault.revealed());
    }

    private static Map<String, Object> plain(Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((k, v) -> out.put(k, v instanceof YNode n ? n.toJava() : v));
        return out;
    }
}
