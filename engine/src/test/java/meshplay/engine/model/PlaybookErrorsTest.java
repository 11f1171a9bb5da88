package meshplay.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.testing.FileTreeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad playbook input fails at load time with its position, what is wrong, and a hint. */
class PlaybookErrorsTest extends FileTreeTest {
    PlaybookLoader loader;

    @BeforeEach
    void setUp() {
        loader = new meshplay.engine.Engine(FakeModules.registry()).loader(java.util.List.of(), meshplay.engine.vault.Vault.NONE);
    }

    private UserError fails(String yaml) {
        Path site = files.write("site.yml", yaml);
        return assertThrows(UserError.class, () -> loader.load(site));
    }

    private void at(UserError e, int line, int column) {
        assertEquals(line + ":" + column, e.origin().line() + ":" + e.origin().column(), e.getMessage());
    }

    private static void contains(String text, String part) {
        assertTrue(text != null && text.contains(part), "expected '" + part + "' in: " + text);
    }

    @Test
    void malformedYaml() {
        UserError e = fails("""
                - hosts: all
                  tasks:
                    - name: x
                       command: ls
                """);
        at(e, 4, 15);
        contains(e.getMessage(), "YAML syntax error");
        assertTrue(e.origin().file().endsWith("site.yml"));
        assertEquals(ExitCode.PARSE_ERROR, e.exitCode());
    }

    @Test
    void duplicateKey() {
        UserError e = fails("""
                - hosts: all
                  tasks:
                    - name: a
                      command: ls
                      name: b
                """);
        at(e, 5, 7);
        contains(e.getMessage(), "duplicate key 'name'");
    }

    @Test
    void unknownModuleSuggestsTheNearest() {
        UserError e = fails("""
                - hosts: all
                  tasks:
                    - name: x
                      shel: ls
                """);
        at(e, 4, 7);
        assertEquals("unknown module 'shel'", e.getMessage());
        assertEquals("did you mean 'shell'?", e.hint());
    }

    @Test
    void anUnsupportedAnsibleBuiltinSaysSoAndNamesTheClosestSupportedModule() {
        UserError git = fails("- hosts: all\n  tasks:\n    - ansible.builtin.git: repo=x dest=/y\n");
        at(git, 3, 7);
        assertEquals("'ansible.builtin.git' is an Ansible builtin module that meshplay does not support", git.getMessage());
        assertEquals("the closest supported module is 'command' (see `meshplay doc command`)", git.hint());
        UserError unit = fails("- hosts: all\n  tasks:\n    - systemd_service: name=x\n");
        assertEquals("the closest supported module is 'systemd' (see `meshplay doc systemd`)", unit.hint());
        UserError nothingClose = fails("- hosts: all\n  tasks:\n    - yum_repository: name=x\n");
        assertEquals("`meshplay doc --list` shows the supported modules", nothingClose.hint());
        // a name that is no builtin keeps the unknown-module error
        UserError other = fails("- hosts: all\n  tasks:\n    - community.general.gitx: repo=x\n");
        assertEquals("unknown module 'community.general.gitx'", other.getMessage());
    }

    @Test
    void unknownKeywordSuggestsTheNearest() {
        UserError e = fails("""
                - hosts: all
                  tasks:
                    - command: ls
                      becom: true
                """);
        at(e, 4, 7);
        assertEquals("unknown keyword 'becom' in a task", e.getMessage());
        contains(e.hint(), "did you mean 'become'?");
    }

    @Test
    void misspeltKeywordWithoutAModuleIsStillAKeywordError() {
        UserError e = fails("""
                - hosts: all
                  tasks:
                    - name: x
                      regster: out
                      command: ls
                """);
        contains(e.getMessage(), "unknown keyword 'regster'");
        contains(e.hint(), "'register'");
    }

    @Test
    void keywordInTheWrongPlaceSaysWhereItBelongs() {
        UserError e = fails("""
                - hosts: all
                  tasks:
                    - command: ls
                      gather_facts: false
                """);
        at(e, 4, 7);
        assertEquals("'gather_facts' is not allowed in a task", e.getMessage());
        contains(e.hint(), "a play");
    }

    @Test
    void unknownPlayKeyword() {
        UserError e = fails("""
                - hosts: all
                  taks: []
                """);
        at(e, 2, 3);
        contains(e.getMessage(), "unknown keyword 'taks' in a play");
        contains(e.hint(), "did you mean 'tasks'?");
    }

    @Test
    void twoModulesInOneTask() {
        UserError e = fails("""
                - hosts: all
                  tasks:
                    - command: ls
                      copy: dest=/x
                """);
        at(e, 4, 7);
        contains(e.getMessage(), "more than one module: 'command' and 'copy'");
    }

    @Test
    void taskWithoutModule() {
        UserError e = fails("""
                - hosts: all
                  tasks:
                    - name: nothing
                      become: true
                """);
        at(e, 3, 7);
        contains(e.getMessage(), "task has no module");
    }

    @Test
    void wrongKeywordTypes() {
        UserError retries = fails("""
                - hosts: all
                  tasks:
                    - command: ls
                      retries: many
                """);
        at(retries, 4, 16);
        assertEquals("'retries' expects a whole number, got 'many'", retries.getMessage());

        UserError become = fails("- hosts: all\n  become: maybe\n");
        at(become, 2, 11);
        contains(become.getMessage(), "'become' expects a boolean");

        UserError strategy = fails("- hosts: all\n  strategy: lineer\n");
        contains(strategy.getMessage(), "'strategy' must be one of linear, free, host_pinned, debug");
        contains(strategy.hint(), "did you mean 'linear'?");

        UserError register = fails("- hosts: all\n  tasks:\n    - command: ls\n      register: my-out\n");
        contains(register.getMessage(), "Invalid variable name in 'register' specified: 'my-out'");
        contains(register.hint(), "register: result_my_out");
        assertEquals(ExitCode.ERROR, register.exitCode(), "ansible-playbook ends such a run with exit 1");

        UserError loopControl = fails("- hosts: all\n  tasks:\n    - command: ls\n      loop: [1]\n      loop_control: {loopvar: x}\n");
        contains(loopControl.getMessage(), "unknown loop_control key 'loopvar'");
        contains(loopControl.hint(), "'loop_var'");
    }

    @Test
    void templatedKeywordValuesAreLeftForRunTime() {
        Path site = files.write("site.yml", """
                - hosts: all
                  become: "{{ use_become }}"
                  tasks:
                    - command: ls
                      retries: "{{ n }}"
                      when: "{{ x }}"
                """);
        assertEquals(1, loader.load(site).plays().size());
    }

    @Test
    void anUnknownModuleArgumentIsNoLoadError() {
        // as in Ansible, the module refuses it when the task runs (see ModuleArgsRunTest), so a task that never runs is no error
        Path site = files.write("site.yml", """
                - hosts: all
                  tasks:
                    - copy:
                        dest: /x
                        mdoe: '0644'
                      when: false
                    - copy: dest=/x colour=red state=nonsense
                    - local_action: copy dest=/x colour=red
                    - group_by:
                        kee: x
                """);
        assertEquals(1, loader.load(site).plays().size());
    }

    @Test
    void unknownIncludeArgumentsAreRefusedWhileLoading() {
        UserError e = fails("""
                - hosts: all
                  tasks:
                    - include_tasks:
                        file: other.yml
                        fiel: x
                """);
        at(e, 5, 9);
        assertEquals("Invalid options for include_tasks: fiel", e.getMessage());
        contains(e.hint(), "did you mean 'file'?");
    }

    @Test
    void aMissingRequiredArgumentIsNoLoadError() throws Exception {
        // as in Ansible, the task fails when it runs (and a task that never runs does not stop the playbook)
        Path site = files.write("site.yml", """
                - hosts: all
                  tasks:
                    - name: x
                      copy:
                        content: hi
                      when: false
                """);
        assertEquals(1, loader.load(site).plays().size());
    }

    @Test
    void freeTextForAModuleThatTakesNamedArguments() {
        UserError e = fails("- hosts: all\n  tasks:\n    - copy: /etc/x\n");
        contains(e.getMessage(), "'copy' takes named arguments, not free text");
    }

    @Test
    void missingVarsFile() {
        UserError e = fails("""
                - hosts: all
                  vars_files:
                    - vars/present.yml
                    - vars/missing.yml
                """.replace("    - vars/present.yml\n", ""));
        at(e, 3, 7);
        assertEquals("vars file not found: vars/missing.yml", e.getMessage());
        contains(e.hint(), "relative to the playbook's directory");
    }

    @Test
    void missingRoleListsWhereItLooked() {
        UserError e = fails("""
                - hosts: all
                  roles:
                    - role: nosuch
                """);
        at(e, 3, 13);
        assertEquals("role 'nosuch' not found", e.getMessage());
        contains(e.hint(), dir.resolve("roles/nosuch").toString());
        contains(e.hint(), dir.getParent().resolve("roles/nosuch").toString());
    }

    @Test
    void missingImportedTaskFile() {
        UserError e = fails("- hosts: all\n  tasks:\n    - import_tasks: nope.yml\n");
        at(e, 3, 21);
        assertEquals("task file not found: nope.yml", e.getMessage());
    }

    @Test
    void importCycles() {
        files.write("a.yml", "- import_tasks: b.yml\n");
        files.write("b.yml", "- import_tasks: a.yml\n");
        UserError tasks = fails("- hosts: all\n  tasks:\n    - import_tasks: a.yml\n");
        contains(tasks.getMessage(), "import cycle: a.yml -> b.yml -> a.yml");

        files.write("p2.yml", "- import_playbook: site.yml\n");
        UserError plays = fails("- import_playbook: p2.yml\n");
        contains(plays.getMessage(), "import cycle: site.yml -> p2.yml -> site.yml");
    }

    @Test
    void importTasksCannotLoop() {
        files.write("t.yml", "- ping:\n");
        UserError e = fails("- hosts: all\n  tasks:\n    - import_tasks: t.yml\n      loop: [1, 2]\n");
        contains(e.getMessage(), "'loop' cannot be used with import_tasks");
        contains(e.hint(), "include_tasks");
    }

    @Test
    void unsupportedKeywordsSayWhatToDoInstead() {
        UserError e = fails("- hosts: all\n  tasks:\n    - debug: var=item\n      with_random_choice: [1, 2]\n");
        assertEquals("'with_random_choice' is not supported", e.getMessage());
        contains(e.hint(), "template");
    }

    @Test
    void structuralMistakes() {
        contains(fails("hosts: all\n").getMessage(), "a playbook must be a list of plays");
        contains(fails("- command: ls\n").getMessage(), "this is a task, but a playbook holds plays");
        contains(fails("- tasks: []\n").getMessage(), "play has no 'hosts'");
        contains(fails("- hosts: all\n  tasks:\n    command: ls\n").getMessage(), "'tasks' must be a list of tasks");
        contains(fails("- hosts: all\n  tasks:\n    - rescue: []\n").getMessage(), "'rescue' belongs to a block");
        contains(fails("- hosts: all\n  tasks:\n    - block: []\n      command: ls\n").getMessage(), "a block cannot run a module");
        contains(fails("- hosts: all\n  tasks:\n    - meta: flush_handler\n").hint(), "did you mean 'flush_handlers'?");
        contains(fails("").getMessage(), "playbook is empty");
    }

    @Test
    void invalidVariableName() {
        UserError e = fails("- hosts: all\n  vars:\n    my-var: 1\n");
        at(e, 3, 5);
        contains(e.getMessage(), "invalid variable name 'my-var'");
    }

    @Test
    void errorsInRoleFilesPointIntoTheRole() {
        files.write("roles/r/tasks/main.yml", "- name: broken\n  shel: ls\n");
        UserError e = fails("- hosts: all\n  roles: [r]\n");
        assertTrue(e.origin().file().endsWith("roles/r/tasks/main.yml"), e.origin().file());
        at(e, 2, 3);
    }

    @Test
    void notifyMayUseListenTopicsAndRoleQualifiedNames() {
        files.write("roles/web/handlers/main.yml", "- name: reload\n  command: echo\n  listen: web changed\n");
        files.write("roles/web/tasks/main.yml", "- command: ls\n  notify: 'web : reload'\n");
        Path site = files.write("site.yml", """
                - hosts: all
                  roles: [web]
                  tasks:
                    - command: ls
                      notify: [web changed, reload]
                """);
        assertEquals(1, loader.load(site).plays().size());
    }

    @Test
    void aNotifyNamingNoHandlerLoads() {
        // as in Ansible, it is an error only when a change notifies it (see HandlerNamesTest)
        Path site = files.write("site.yml", """
                - hosts: all
                  tasks:
                    - command: touch /x
                      notify: restart ngnix
                  handlers:
                    - name: restart nginx
                      command: echo
                """);
        assertEquals(1, loader.load(site).plays().size());
    }

    @Test
    void legacyIncludeSaysWhatToUse() {
        UserError e = fails("- hosts: all\n  tasks:\n    - include: other.yml\n");
        at(e, 3, 7);
        assertEquals("'include' is not supported", e.getMessage());
        contains(e.hint(), "include_tasks");
    }

    @Test
    void twoLoopsInOneTask() {
        UserError e = fails("- hosts: all\n  tasks:\n    - debug: var=item\n      loop: [1]\n      with_items: [2]\n");
        at(e, 5, 7);
        contains(e.getMessage(), "more than one loop: 'loop' and 'with_items'");
    }

    @Test
    void literalArgumentValuesAreValidated() {
        UserError choice = fails("- hosts: all\n  tasks:\n    - file: path=/x state=directry\n");
        at(choice, 3, 27);
        assertEquals("argument 'state' of 'file' must be one of file, directory, absent; got 'directry'", choice.getMessage());
        assertEquals("did you mean 'directory'?", choice.hint());

        UserError type = fails("- hosts: all\n  tasks:\n    - wait_for:\n        timeout: soon\n");
        at(type, 4, 9);
        contains(type.getMessage(), "argument 'timeout' of module 'wait_for'");
        contains(type.getMessage(), "not a whole number");

        Path templated = files.write("t.yml", "- hosts: all\n  tasks:\n    - wait_for:\n        timeout: \"{{ t }}\"\n");
        assertEquals(1, loader.load(templated).plays().size(), "templated values are checked when the task runs");
    }

    @Test
    void importRoleOfAMissingRoleFailsAtLoad() {
        UserError e = fails("- hosts: all\n  tasks:\n    - import_role:\n        name: ghost\n");
        at(e, 4, 15);
        assertEquals("role 'ghost' not found", e.getMessage());
        Path site = files.write("ok.yml", "- hosts: all\n  tasks:\n    - include_role:\n        name: \"{{ which }}\"\n");
        assertEquals(1, loader.load(site).plays().size(), "a templated role name is resolved at run time");
    }

    @Test
    void handlersCannotBeBlocksButMayBeImported() {
        UserError e = fails("- hosts: all\n  handlers:\n    - block:\n        - ping:\n");
        at(e, 3, 7);
        contains(e.getMessage(), "handlers cannot be blocks");

        files.write("handlers.yml", "- name: h1\n  ping:\n- name: h2\n  ping:\n");
        Path site = files.write("ok.yml", "- hosts: all\n  handlers:\n    - import_tasks: handlers.yml\n    - name: h3\n      ping:\n");
        Play play = loader.load(site).plays().get(0);
        assertEquals(java.util.List.of("h1", "h2", "h3"), play.handlers().stream().map(Task::name).toList());
    }

    @Test
    void localActionOfAnUnknownModuleNamesIt() {
        UserError unknown = fails("- hosts: all\n  tasks:\n    - local_action: shel echo\n");
        contains(unknown.getMessage(), "unknown module 'shel'");
    }

    @Test
    void templatesCannotStandForWholeMappings() {
        UserError args = fails("- hosts: all\n  tasks:\n    - debug: \"{{ debug_args }}\"\n");
        at(args, 3, 14);
        assertEquals("the arguments of 'debug' cannot be one template", args.getMessage());
        contains(fails("- hosts: all\n  tasks:\n    - copy:\n      args: \"{{ a }}\"\n").getMessage(), "cannot be one template");
        UserError vars = fails("- hosts: all\n  vars: \"{{ v }}\"\n");
        at(vars, 2, 9);
        contains(vars.getMessage(), "'vars' expects a mapping");
        contains(fails("- hosts: all\n  tasks:\n    - ping:\n      loop: [1]\n      loop_control: \"{{ c }}\"\n").getMessage(),
                "'loop_control' expects a mapping");
    }
}
