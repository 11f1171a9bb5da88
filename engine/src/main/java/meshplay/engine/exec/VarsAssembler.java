package meshplay.engine.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.model.Play;
import meshplay.engine.model.Role;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;

/**
 * The variables a task sees on one host, lowest to highest precedence (as Ansible): role defaults,
 * inventory vars, facts, play vars, vars_files, role vars, block vars, task vars, include_vars,
 * set_fact/registered, role and include params, extra vars; magic variables last (they cannot be
 * overridden). Trusted values stay YNode so the templar renders them when they are read.
 */
public final class VarsAssembler {
    private final RunContext run;

    public VarsAssembler(RunContext run) {
        this.run = run;
    }

    /** Host-level variables without play/task layers: what hostvars[host] shows. */
    public Map<String, Object> hostLevel(String host) {
        Map<String, Object> v = new LinkedHashMap<>(run.inventory.hostVars(host));
        HostState s = run.host(host);
        putFacts(v, s.facts());
        v.putAll(s.includedVars());
        v.putAll(s.hostVars());
        v.putAll(run.options.extraVars);
        v.put("inventory_hostname", host);
        return v;
    }

    public Map<String, Object> forTask(String host, PlayRun play, Scope scope) {
        Map<String, Object> v = new LinkedHashMap<>();
        Role role = scope.role();
        if (role != null && role.defaults() != null) v.putAll(role.defaults().entries());
        v.putAll(run.inventory.hostVars(host));
        HostState s = run.host(host);
        putFacts(v, s.facts());
        Play p = play.play();
        v.putAll(p.vars());
        v.putAll(play.varsFiles());
        if (role != null && role.vars() != null) v.putAll(role.vars().entries());
        for (YMap layer : scope.varLayers()) v.putAll(layer.entries());
        v.putAll(s.includedVars());
        v.putAll(s.hostVars());
        if (role != null && role.params() != null) v.putAll(role.params().entries());
        v.putAll(scope.includeParams());
        v.putAll(run.options.extraVars);
        v.putAll(run.stepOverrides);
        magic(v, host, play, role);
        return v;
    }

    private static void putFacts(Map<String, Object> v, Map<String, Object> facts) {
        if (facts.isEmpty()) return;
        v.put("ansible_facts", facts);
        facts.forEach((k, val) -> v.put(k.startsWith("ansible_") ? k : "ansible_" + k, val));
    }

    private void magic(Map<String, Object> v, String host, PlayRun play, Role role) {
        v.put("inventory_hostname", host);
        int dot = host.indexOf('.');
        v.put("inventory_hostname_short", dot > 0 ? host.substring(0, dot) : host);
        v.put("hostvars", new HostVarsView(run.inventory, this));
        v.put("groups", run.inventory.groups());
        v.put("group_names", run.inventory.groupNames(host));
        List<String> active = play.activeHosts(play.allHosts());
        v.put("play_hosts", active);
        v.put("ansible_play_hosts", active);
        v.put("ansible_play_hosts_all", new ArrayList<>(play.allHosts()));
        v.put("ansible_play_batch", play.activeHosts(play.batch()));
        v.put("ansible_play_name", play.play().name());
        v.put("ansible_check_mode", run.options.check);
        v.put("ansible_diff_mode", run.options.diff);
        v.put("ansible_verbosity", run.options.verbosity);
        v.put("playbook_dir", run.playbookDir.toString());
        v.put("inventory_dir", v.getOrDefault("inventory_dir", run.playbookDir.toString()));
        if (role != null) {
            v.put("role_path", role.dir().toString());
            v.put("role_name", role.name());
        }
        v.putIfAbsent("omit", "__omit_place_holder__");
    }

    /** YNode values of a vars file as a map (trusted values stay YNode). */
    public static Map<String, Object> entries(YNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node instanceof YMap m) out.putAll(m.entries());
        return out;
    }
}
