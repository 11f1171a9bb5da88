package meshplay.modules.cluster;

import static meshplay.engine.module.ArgSpec.arg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ArgProblem;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.Plan;

/**
 * Manages one systemd .link file ([Match] + [Link]). The file is compared as parsed sections, so an
 * existing file that differs only in comments, spacing or key order is left alone; when it must
 * change, it is rewritten canonically. udev applies .link files when a device appears, and Debian
 * copies them into the initramfs, so a change reports {@code initramfs_update_required} and
 * {@code reboot_required} rather than pretending to be active.
 */
public final class SystemdLinkModule implements Module {
    static final String NAME = "systemd-link";
    static final String DIR = "/etc/systemd/network";
    private static final ArgSpec SPEC = buildSpec();

    private static ArgSpec buildSpec() {
        ArgSpec.Builder b = ArgSpec.builder(
                "Write or remove a systemd .link file that matches a network device and sets its name, MAC policy, MTU, "
                        + "offloads... Compares parsed sections; rewrites the file canonically when it must change. A change "
                        + "needs 'update-initramfs -u -k all' and a reboot to take effect (reported in the result).");
        DropInPath.addPathArgs(b, DIR, ".link", "thunderbolt0", "Two/three-digit prefix that orders .link files; "
                + "the first matching file wins (the guide uses \"00\"; quote it to keep the zeros).");
        b.add(arg("match", ArgType.DICT).doc("[Match] keys, in order: " + String.join(", ", LinkFile.MATCH_KEYS)
                        + ". A list value becomes one line per item. Required for state=present (an empty [Match] matches every device)."))
                .add(arg("link", ArgType.DICT).doc("[Link] keys, in order (systemd.link(5)): " + String.join(", ", LinkFile.LINK_KEYS)
                        + ". Booleans are written yes/no."));
        return DropInPath.addStateArg(b).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ArgSpec spec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleContext ctx) throws Exception {
        DropInPath.Planned file = DropInPath.plan(ctx, NAME, DIR, ".link", before -> {
            Map<String, Map<String, List<String>>> wanted = wanted(ctx);
            return before != null && LinkFile.same(LinkFile.parse(before), wanted) ? before : LinkFile.render(wanted);
        });
        List<Change> changes = new ArrayList<>();
        Change c = file.change();
        boolean changed = c != null;
        if (changed) {
            changes.add(new Change(c.summary() + " (takes effect after update-initramfs -u -k all and a reboot)", c.diff(), c.action()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", file.path());
        data.put("initramfs_update_required", changed);
        data.put("reboot_required", changed);
        return Plan.of(changes, data);
    }

    private static Map<String, Map<String, List<String>>> wanted(ModuleContext ctx) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        try {
            sections.put("Match", LinkFile.section("Match", ctx.args().dict("match"), LinkFile.MATCH_KEYS));
        } catch (IllegalArgumentException e) {
            throw ArgProblem.of(ctx, NAME, "match", e.getMessage(), "use the key names of systemd.link(5), spelt as shown");
        }
        try {
            sections.put("Link", LinkFile.section("Link", ctx.args().dict("link"), LinkFile.LINK_KEYS));
        } catch (IllegalArgumentException e) {
            throw ArgProblem.of(ctx, NAME, "link", e.getMessage(), "use the key names of systemd.link(5), spelt as shown");
        }
        if (sections.get("Match").isEmpty()) {
            throw ArgProblem.of(ctx, NAME, "match", "no [Match] keys given: the file would match every network device",
                    "match the device, e.g. match: {Path: pci-0000:00:0d.2, Driver: thunderbolt-net}");
        }
        if (sections.get("Link").isEmpty()) {
            throw ArgProblem.of(ctx, NAME, "link", "no [Link] keys given: the file would change nothing",
                    "set what the device should get, e.g. link: {MACAddressPolicy: none, Name: en05}");
        }
        return sections;
    }
}
