package meshplay.modules.ceph;

import meshplay.modules.pve.PveCli;
import static meshplay.engine.module.ArgSpec.arg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import meshplay.engine.connect.FileStat;
import meshplay.engine.lang.Truth;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.Presence;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/**
 * One Ceph OSD on one disk of this node, through pveceph. Present: skips a disk that already backs an
 * OSD, refuses a disk used by anything else, else creates the OSD. Absent: needs force, then takes the
 * OSD out, checks ok-to-stop, stops and destroys it with --cleanup (which wipes the disk).
 */
public final class CephOsdModule extends BaseModule<CephOsdModule.Arguments> {
    /** The task's arguments. */
    record Arguments(String device, Presence state, String crushDeviceClass, String dbDev, boolean encrypted, boolean force) {
    }


    private static final ArgSpec SPEC = ArgSpec.builder("Creates or destroys a Ceph OSD on a disk of this node with pveceph. Never wipes a disk that is "
                + "in use, and destroys an OSD only with force: true.")
        .add(arg("device", ArgType.PATH).required().aliases("dev", "disk")
                .doc("The data disk, e.g. /dev/nvme0n1 or a /dev/disk/by-id/ link (resolved on the target)."))
        .add(ArgSpec.choice("state", Presence.class).defaultValue(Presence.PRESENT)
                .doc("absent destroys the OSD on the device (needs force: true)."))
        .add(arg("crush_device_class", ArgType.STR).doc("CRUSH device class for a new OSD (e.g. nvme, ssd)."))
        .add(arg("db_dev", ArgType.PATH).doc("Separate disk for block.db of a new OSD."))
        .add(arg("encrypted", ArgType.BOOL).defaultValue(false).doc("Create the OSD with dm-crypt."))
        .add(arg("force", ArgType.BOOL).defaultValue(false)
                .doc("Required for state: absent, which destroys the OSD and wipes the disk."))
        .build();

    public CephOsdModule() {
        super("ceph-osd", SPEC, Arguments.class, "ceph_osd");
    }

    /** An OSD backed by a device of this node. */
    record Osd(int id, String device) {
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        String device = resolve(ctx, args.device());
        String node = PveCli.localNode(ctx);
        Map<Integer, String> osds = localOsds(ctx);
        Integer existing = osds.entrySet().stream().filter(e -> e.getValue().equals(device)).map(Map.Entry::getKey).findFirst().orElse(null);
        Map<String, Object> disk = diskEntry(ctx, node, device);
        if (existing == null && disk != null && disk.get("osdid") instanceof Number n && n.intValue() >= 0) existing = n.intValue();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("device", device);
        data.put("node", node);
        if (existing != null) data.put("osd_id", existing);
        String before = describe(osds);
        if (args.state().present()) {
            if (existing != null) return Plan.noChange(data).withNote(device + " already backs osd." + existing);
            if (disk == null) {
                throw new ModuleFailure("device " + device + " is not a disk of node " + node + " (not in pvesh get /nodes/"
                        + node + "/disks/list)");
            }
            if (disk.get("used") != null) {
                throw new ModuleFailure("device " + device + " is in use (" + disk.get("used") + "); refusing to create an OSD on it. "
                        + "If its data may be destroyed, wipe it first (ceph-volume lvm zap " + device + " --destroy)");
            }
            if ((args.dbDev() != null)) {
                String db = resolve(ctx, args.dbDev());
                Map<String, Object> dbDisk = diskEntry(ctx, node, db);
                if (dbDisk == null) throw new ModuleFailure("db_dev " + db + " is not a disk of node " + node);
            }
            Map<Integer, String> after = new TreeMap<>(osds);
            after.put(-1, device);
            return Plan.of(List.of(new Change("create OSD on " + device, Diff.state("osds on " + node, before,
                    describe(after).replace("osd.-1", "osd.new")), (c, r) -> create(c, r, args, device))), data);
        }
        if (existing == null) return Plan.noChange(data).withNote("no OSD on " + device);
        if (!args.force()) {
            throw new ModuleFailure("removing osd." + existing + " destroys the data on " + device + "; set force: true to do it");
        }
        int id = existing;
        Map<Integer, String> after = new TreeMap<>(osds);
        after.remove(id);
        return Plan.of(List.of(new Change("destroy osd." + id + " on " + device + " (out, ok-to-stop, stop, destroy --cleanup)",
                Diff.state("osds on " + node, before, describe(after)), (c, r) -> destroy(c, id))), data);
    }

    private static String describe(Map<Integer, String> osds) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(osds).forEach((id, dev) -> parts.add("osd." + id + " " + dev));
        return parts.toString();
    }

    /** readlink -f, through the connection: follows symlinks of the target's file system. */
    static String resolve(ModuleContext ctx, String path) throws Exception {
        String p = path;
        for (int i = 0; i < 40; i++) {
            FileStat st = ctx.connection().files().stat(p, false);
            if (st == null) throw new ModuleFailure("device " + path + " does not exist on " + ctx.host());
            if (!"link".equals(st.type())) return p;
            String target = st.linkTarget();
            p = target.startsWith("/") ? target : p.substring(0, p.lastIndexOf('/') + 1) + target;
            p = java.nio.file.Path.of(p).normalize().toString();
        }
        throw new ModuleFailure("too many symbolic links resolving " + path);
    }

    /** OSD id -> data device, from ceph-volume lvm list on this node. */
    static Map<Integer, String> localOsds(ModuleContext ctx) throws Exception {
        Map<Integer, String> out = new TreeMap<>();
        Map<String, Object> lvs = PveCli.map(PveCli.cephJson(ctx, "ceph-volume", "lvm", "list", "--format", "json"));
        for (Map.Entry<String, Object> e : lvs.entrySet()) {
            for (Object lv : PveCli.list(e.getValue())) {
                Map<String, Object> m = PveCli.map(lv);
                if (!"block".equals(m.get("type"))) continue;
                for (Object d : PveCli.list(m.get("devices"))) out.put(Integer.parseInt(e.getKey()), d.toString());
            }
        }
        return out;
    }

    private static Map<String, Object> diskEntry(ModuleContext ctx, String node, String device) throws Exception {
        for (Object o : PveCli.list(PveCli.pveshGet(ctx, "/nodes/" + node + "/disks/list"))) {
            Map<String, Object> m = PveCli.map(o);
            if (device.equals(m.get("devpath"))) return m;
        }
        return null;
    }

    private static void create(ModuleContext ctx, meshplay.engine.module.ModuleResult.Builder result, Arguments args, String device)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("pveceph", "osd", "create", device));
        if ((args.dbDev() != null)) cmd.addAll(List.of("--db_dev", resolve(ctx, args.dbDev())));
        if (args.encrypted()) cmd.addAll(List.of("--encrypted", "1"));
        if ((args.crushDeviceClass() != null)) cmd.addAll(List.of("--crush-device-class", args.crushDeviceClass()));
        result.put("stdout", PveCli.checked(ctx, cmd).stdout());
        Integer id = localOsds(ctx).entrySet().stream().filter(e -> e.getValue().equals(device)).map(Map.Entry::getKey).findFirst().orElse(null);
        if (id == null) throw new ModuleFailure("pveceph osd create " + device + " reported success, but ceph-volume lists no OSD on it");
        result.put("osd_id", id);
    }

    private static void destroy(ModuleContext ctx, int id) throws Exception {
        String osd = Integer.toString(id);
        Map<String, Object> state = osdState(ctx, id);
        if (Truth.isTrue(state.get("in"))) PveCli.checked(ctx, List.of("ceph", "osd", "out", osd));
        if (Truth.isTrue(state.get("up"))) {
            PveCli.checked(ctx, List.of("ceph", "osd", "ok-to-stop", osd));
            PveCli.checked(ctx, List.of("pveceph", "stop", "--service", "osd." + osd));
        }
        PveCli.checked(ctx, List.of("pveceph", "osd", "destroy", osd, "--cleanup", "1"));
    }

    private static Map<String, Object> osdState(ModuleContext ctx, int id) throws Exception {
        for (Object o : PveCli.list(PveCli.map(PveCli.cephJson(ctx, "ceph", "osd", "dump", "-f", "json")).get("osds"))) {
            Map<String, Object> m = PveCli.map(o);
            if (m.get("osd") instanceof Number n && n.intValue() == id) return m;
        }
        return Map.of();
    }
}
