package meshplay.engine.vars;

/**
 * Where a variable was defined, lowest precedence first (Ansible's order). A name defined at several
 * levels takes the value of the highest. Extra vars (-e) beat every variable a playbook or inventory
 * defines; magic variables and loop variables are set by the engine for each task and beat even
 * extra vars, as in Ansible.
 */
public enum VarLevel {
    /** What the engine gives every host unless something sets it: ansible_host (the inventory name). */
    HOST_DEFAULTS,
    /** roles/x/defaults/main.yml: meant to be overridden by anything. */
    ROLE_DEFAULTS,
    /** Inventory group vars: all, then parent groups before child groups (group_vars/ included). */
    INVENTORY_GROUP,
    /** Inventory host vars: inline host vars, host_vars/. */
    INVENTORY_HOST,
    /** Gathered facts: ansible_facts and each fact as ansible_<name>. */
    FACTS,
    /** The play's vars:. */
    PLAY_VARS,
    /** The play's vars_prompt: answers. */
    VARS_PROMPT,
    /** The play's vars_files:. */
    PLAY_VARS_FILES,
    /** roles/x/vars/main.yml. */
    ROLE_VARS,
    /** vars: of the enclosing blocks (inner blocks already merged over outer ones). */
    BLOCK_VARS,
    /** The task's own vars:. */
    TASK_VARS,
    /** include_vars results (per host, for the rest of the run). */
    INCLUDE_VARS,
    /** set_fact and register results (per host, for the rest of the run). These are data, never templated again. */
    SET_FACTS,
    /** Parameters given to a role (roles: - role: x, param: 1) or include_role vars. */
    ROLE_PARAMS,
    /** vars: given to include_tasks / import_tasks. */
    INCLUDE_PARAMS,
    /** -e / --extra-vars. */
    EXTRA_VARS,
    /** Engine-provided: inventory_hostname, hostvars, groups, group_names, play_hosts, ansible_check_mode, ... */
    MAGIC,
    /** The loop variable (item or loop_var), index_var and ansible_loop of the current iteration. */
    LOOP
}
