package meshplay.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.testing.FileTreeTest;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YScalar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlaybookLoaderTest extends FileTreeTest {
    PlaybookLoader loader;

    @BeforeEach
    void setUp() {
        loader = new meshplay.engine.Engine(FakeModules.registry()).loader(List.of(), meshplay.engine.vault.Vault.NONE);
    }

    private Play onlyPlay(String yaml) {
        Playbook pb = loader.load(files.write("site.yml", yaml));
        assertEquals(1, pb.plays().size());
        return pb.plays().get(0);
    }

    private static Task task(List<TaskItem> items, int i) {
        return assertInstanceOf(Task.class, items.get(i));
    }

    @Test
    void playKeywordsAreCheckedAndKept() {
        files.write("vars/common.yml", "x: 1\n");
        Play play = onlyPlay("""
                - name: Configure nodes
                  hosts: pve
                  gather_facts: no
                  vars:
                    a: 1
                  vars_files:
                    - vars/common.yml
                    - "{{ env }}.yml"
                  serial: 1
                  max_fail_percentage: 30
                  any_errors_fatal: true
                  strategy: free
                  force_handlers: yes
                  become: true
                  become_user: root
                  become_method: sudo
                  check_mode: false
                  diff: true
                  no_log: false
                  environment: {LANG: C}
                  tags: [setup]
                  debugger: on_failed
                  connection: ssh
                  remote_user: admin
                  order: sorted
                  throttle: 2
                  ignore_errors: no
                  run_once: false
                  module_defaults: {}
                  collections: [community.general]
                  tasks:
                    - ping:
                """);
        assertEquals("Configure nodes", play.name());
        assertEquals("pve", ((YScalar) play.hosts()).text());
        assertEquals(new Origin(dir.resolve("site.yml").toString(), 1, 3), play.origin());
        assertEquals(1, play.vars().get("a").toJava());
        assertEquals(2, play.varsFiles().size());
        assertEquals(dir, play.baseDir());
        Set<String> expected = Set.of("gather_facts", "serial", "max_fail_percentage", "any_errors_fatal", "strategy", "force_handlers",
                "become", "become_user", "become_method", "check_mode", "diff", "no_log", "environment", "tags", "debugger", "connection",
                "remote_user", "order", "throttle", "ignore_errors", "run_once", "module_defaults");
        assertEquals(expected, play.keywords().names());
        assertEquals(false, play.gatherFacts().literal(), "resolved to a boolean while loading");
        assertEquals("ping", task(play.tasks(), 0).action());
    }

    @Test
    void taskKeywordsAreKeptAsWritten() {
        Play play = onlyPlay("""
                - hosts: all
                  tasks:
                    - name: Everything
                      command: echo hi
                      when: x == 1
                      loop: [1, 2]
                      loop_control: {loop_var: n, index_var: i, label: "{{ n }}", pause: 0.5, extended: true}
                      register: out
                      notify: [restart a, restart b]
                      tags: t1
                      changed_when: false
                      failed_when: out.rc > 1
                      ignore_errors: true
                      ignore_unreachable: false
                      until: out.rc == 0
                      retries: 3
                      delay: 1
                      run_once: true
                      delegate_to: n2
                      delegate_facts: true
                      become: yes
                      become_user: root
                      become_method: su
                      vars: {v: 1}
                      environment: "{{ env }}"
                      no_log: true
                      check_mode: false
                      diff: false
                      debugger: never
                      throttle: 1
                      timeout: 30
                      any_errors_fatal: false
                  handlers:
                    - name: restart a
                      ping:
                    - name: restart b
                      ping:
                """);
        Task t = task(play.tasks(), 0);
        assertEquals("Everything", t.name());
        assertEquals("command", t.action());
        assertEquals("echo hi", ((YScalar) t.args()).text());
        assertEquals(Set.of("when", "loop", "loop_control", "register", "notify", "tags", "changed_when", "failed_when", "ignore_errors",
                "ignore_unreachable", "until", "retries", "delay", "run_once", "delegate_to", "delegate_facts", "become", "become_user",
                "become_method", "vars", "environment", "no_log", "check_mode", "diff", "debugger", "throttle", "timeout", "any_errors_fatal"),
                t.keywords().names());
        assertEquals(List.of("restart a", "restart b"), t.keywords().node(Keywords.NOTIFY).toJava());
        assertNull(t.role());
        assertEquals(dir, t.baseDir());
        assertEquals(3, t.origin().line());
        assertEquals(7, t.origin().column());
    }

    @Test
    void blocksHoldTheirTasksAndKeywords() {
        Play play = onlyPlay("""
                - hosts: all
                  tasks:
                    - name: Guarded
                      when: ready
                      become: true
                      block:
                        - command: /bin/false
                      rescue:
                        - debug: msg=recovered
                      always:
                        - debug:
                            msg: done
                """);
        Block b = assertInstanceOf(Block.class, play.tasks().get(0));
        assertEquals("Guarded", b.name());
        assertEquals(Set.of("when", "become"), b.keywords().names());
        assertEquals("command", task(b.block(), 0).action());
        assertEquals(Map.of("msg", "recovered"), task(b.rescue(), 0).args().toJava());
        assertEquals(Map.of("msg", "done"), task(b.always(), 0).args().toJava());
    }

    @Test
    void freeFormArgumentsAndArgsKeyword() {
        Play play = onlyPlay("""
                - hosts: all
                  tasks:
                    - shell: echo a=b | tee /tmp/x
                    - debug: msg="hello world" var=x
                    - command: ls -l
                      args:
                        chdir: /tmp
                    - copy:
                        dest: /etc/x
                      args:
                        content: hi
                    - ansible.builtin.copy: dest=/a content='x y'
                    - service: name=ssh state=started
                    - ping:
                """);
        YScalar shell = assertInstanceOf(YScalar.class, task(play.tasks(), 0).args());
        assertEquals("echo a=b | tee /tmp/x", shell.text());

        YMap debug = assertInstanceOf(YMap.class, task(play.tasks(), 1).args());
        assertEquals(Map.of("msg", "hello world", "var", "x"), debug.toJava());
        assertEquals(new Origin(dir.resolve("site.yml").toString(), 4, 14), debug.keyOrigin("msg"));
        assertEquals(new Origin(dir.resolve("site.yml").toString(), 4, 32), debug.keyOrigin("var"));

        Task command = task(play.tasks(), 2);
        assertEquals("ls -l", ((YScalar) command.args()).text(), "free-form text stays text; args: stays beside it");
        assertEquals(Map.of("chdir", "/tmp"), command.keywords().node(Keywords.ARGS).toJava());

        assertEquals(Map.of("dest", "/etc/x", "content", "hi"), task(play.tasks(), 3).args().toJava());
        Task fq = task(play.tasks(), 4);
        assertEquals("copy", fq.action());
        assertEquals(Map.of("dest", "/a", "content", "x y"), fq.args().toJava());
        assertEquals("systemd", task(play.tasks(), 5).action(), "aliases resolve to the module's name");
        assertNull(task(play.tasks(), 6).args());
    }

    @Test
    void legacyLoopsAndLocalAction() {
        Play play = onlyPlay("""
                - hosts: all
                  tasks:
                    - debug: var=item
                      with_items: [[1, 2], 3]
                    - debug: var=item
                      with_list: [a, b]
                    - local_action: command echo hi
                    - local_action:
                        module: copy
                        dest: /tmp/x
                        content: y
                    - action: shell uptime
                """);
        Task withItems = task(play.tasks(), 0);
        assertEquals(List.of(List.of(1, 2), 3), withItems.keywords().node(Keywords.def("with_items")).toJava(), "kept as written; the runner flattens it");
        assertFalse(withItems.keywords().has(Keywords.LOOP));
        Task withList = task(play.tasks(), 1);
        assertEquals(List.of("a", "b"), withList.keywords().node(Keywords.def("with_list")).toJava());

        Task local = task(play.tasks(), 2);
        assertEquals("command", local.action());
        assertEquals("echo hi", ((YScalar) local.args()).text());
        assertEquals("localhost", local.keywords().node(Keywords.DELEGATE_TO).toJava());

        Task localMap = task(play.tasks(), 3);
        assertEquals("copy", localMap.action());
        assertEquals(Map.of("dest", "/tmp/x", "content", "y"), localMap.args().toJava());
        assertEquals("localhost", localMap.keywords().node(Keywords.DELEGATE_TO).toJava());

        Task action = task(play.tasks(), 4);
        assertEquals("shell", action.action());
        assertFalse(action.keywords().has(Keywords.DELEGATE_TO));
    }

    @Test
    void importTasksIsExpandedWithItsKeywordsAndRelativePaths() {
        files.write("tasks/outer.yml", """
                - debug: msg=outer
                - import_tasks: inner.yml
                """);
        files.write("tasks/inner.yml", "- command: echo inner\n");
        Play play = onlyPlay("""
                - hosts: all
                  tasks:
                    - name: Setup
                      import_tasks: tasks/outer.yml
                      when: enabled
                      tags: [setup]
                """);
        Block outer = assertInstanceOf(Block.class, play.tasks().get(0));
        assertEquals("Setup", outer.name());
        assertEquals(Set.of("when", "tags"), outer.keywords().names());
        assertEquals("outer", ((YMap) task(outer.block(), 0).args()).get("msg").toJava());
        assertTrue(task(outer.block(), 0).origin().file().endsWith("tasks/outer.yml"));
        Block inner = assertInstanceOf(Block.class, outer.block().get(1));
        assertEquals("import_tasks: inner.yml", inner.name());
        Task innerTask = task(inner.block(), 0);
        assertEquals("command", innerTask.action());
        assertEquals(1, innerTask.origin().line());
        assertTrue(innerTask.origin().file().endsWith("tasks/inner.yml"));
    }

    @Test
    void includeTasksStaysDynamicAndLoadsOnRequest() {
        files.write("tasks/more.yml", "- debug: msg=more\n");
        Play play = onlyPlay("""
                - hosts: all
                  tasks:
                    - include_tasks: tasks/{{ name }}.yml
                    - include_tasks:
                        file: tasks/more.yml
                        apply: {tags: [x]}
                    - ansible.builtin.include_vars: vars.yml
                    - set_fact: a=1 b="two words"
                    - meta: flush_handlers
                """);
        Task include = task(play.tasks(), 0);
        assertEquals("include_tasks", include.action());
        List<TaskItem> loaded = loader.loadTasks(include, dir.resolve("tasks/more.yml"));
        assertEquals("debug", task(loaded, 0).action());
        assertEquals(Map.of("file", "tasks/more.yml", "apply", Map.of("tags", List.of("x"))), task(play.tasks(), 1).args().toJava());
        assertEquals("include_vars", task(play.tasks(), 2).action());
        assertEquals("vars.yml", ((YScalar) task(play.tasks(), 2).args()).text());
        assertEquals(Map.of("a", "1", "b", "two words"), task(play.tasks(), 3).args().toJava());
        assertEquals("flush_handlers", ((YScalar) task(play.tasks(), 4).args()).text());
    }

    @Test
    void handlersRecordListen() {
        Play play = onlyPlay("""
                - hosts: all
                  tasks:
                    - command: touch /x
                      notify: restart web
                  handlers:
                    - name: restart nginx
                      service: name=nginx state=restarted
                      listen: restart web
                """);
        Task h = play.handlers().get(0);
        assertEquals("restart nginx", h.name());
        assertEquals("restart web", h.keywords().node(Keywords.LISTEN).toJava());
    }

    @Test
    void rolesAreLoadedFromTheRolesDirectory() {
        files.write("roles/web/tasks/main.yml", """
                - name: Install
                  copy: src=index.html dest=/var/www/index.html
                - import_tasks: extra.yml
                """);
        files.write("roles/web/tasks/extra.yml", "- debug: msg=extra\n");
        files.write("roles/web/handlers/main.yml", "- name: reload\n  service: name=nginx state=reloaded\n");
        files.write("roles/web/defaults/main.yml", "port: 80\n");
        files.write("roles/web/vars/main.yml", "user: www\n");
        files.write("roles/base/tasks/main.yml", "- ping:\n");
        Play play = onlyPlay("""
                - hosts: web
                  roles:
                    - base
                    - role: web
                      vars: {port: 8080}
                      when: enabled
                      tags: [web]
                      extra_param: 1
                """);
        assertEquals(List.of("base", "web"), play.roles().stream().map(Role::name).toList());
        Role web = play.roles().get(1);
        assertEquals(dir.resolve("roles/web"), web.dir());
        assertEquals(Map.of("port", 80), web.defaults().toJava());
        assertEquals(Map.of("user", "www"), web.vars().toJava());
        assertEquals(Map.of("port", 8080, "extra_param", 1), web.params().toJava());
        assertEquals(Set.of("when", "tags"), web.keywords().names());
        Task install = task(web.tasks(), 0);
        assertEquals("web", install.role());
        assertEquals(dir.resolve("roles/web"), install.baseDir());
        assertEquals("web : Install", install.displayName());
        Task extra = task(assertInstanceOf(Block.class, web.tasks().get(1)).block(), 0);
        assertEquals("web", extra.role());
        assertEquals("reload", web.handlers().get(0).name());
        assertEquals("web", web.handlers().get(0).role());
    }

    @Test
    void rolesAreFoundBesideThePlaybookDirectoryAndOnTheRolesPath() {
        files.write("roles/shared/tasks/main.yml", "- ping:\n");
        files.write("elsewhere/extra/tasks/main.yml", "- ping:\n");
        files.write("playbooks/site.yml", "- hosts: all\n  roles: [shared, extra]\n");
        PlaybookLoader withPath = new meshplay.engine.Engine(FakeModules.registry()).loader(List.of(dir.resolve("elsewhere")), meshplay.engine.vault.Vault.NONE);
        Playbook pb = withPath.load(dir.resolve("playbooks/site.yml"));
        assertEquals(dir.resolve("roles/shared"), pb.plays().get(0).roles().get(0).dir());
        assertEquals(dir.resolve("elsewhere/extra"), pb.plays().get(0).roles().get(1).dir());
    }

    @Test
    void importRoleAndIncludeRoleStayTasksAndLoadOnRequest() {
        files.write("roles/db/tasks/main.yml", "- ping:\n");
        files.write("roles/db/tasks/backup.yml", "- debug: msg=backup\n");
        Play play = onlyPlay("""
                - hosts: all
                  tasks:
                    - import_role: name=db
                    - include_role:
                        name: db
                """);
        assertEquals("import_role", task(play.tasks(), 0).action());
        Task include = task(play.tasks(), 1);
        Role role = loader.loadRole("db", new RoleFiles("backup", null, null, null), include.origin(), dir);
        assertEquals("debug", task(role.tasks(), 0).action());
        assertEquals("db", task(role.tasks(), 0).role());
    }

    @Test
    void importPlaybookExpandsRecursivelyWithTagsAndVars() {
        files.write("phases/one.yml", """
                - hosts: a
                  tasks: [{ping: }]
                - import_playbook: two.yml
                """);
        files.write("phases/two.yml", "- hosts: b\n  vars: {x: 1}\n  tasks: [{ping: }]\n");
        Playbook pb = loader.load(files.write("site.yml", """
                - import_playbook: phases/one.yml
                  tags: phase1
                  vars: {x: 2}
                - ansible.builtin.import_playbook: phases/two.yml
                """));
        assertEquals(List.of("a", "b", "b"), pb.plays().stream().map(p -> ((YScalar) p.hosts()).text()).toList());
        assertEquals("phase1", pb.plays().get(0).keywords().node(Keywords.TAGS).toJava());
        assertEquals(2, pb.plays().get(1).vars().get("x").toJava(), "the import's vars win over the play's");
        assertEquals(1, pb.plays().get(2).vars().get("x").toJava());
        assertEquals(dir.resolve("phases"), pb.plays().get(1).baseDir());
    }

    @Test
    void listsEveryLiteralTag() {
        files.write("roles/r/tasks/main.yml", "- ping:\n  tags: [in_role]\n");
        Playbook pb = loader.load(files.write("site.yml", """
                - hosts: all
                  tags: play
                  roles: [{role: r, tags: role_tag}]
                  tasks:
                    - block:
                        - ping:
                          tags: "a, b"
                      tags: [blk]
                    - ping:
                      tags: ["{{ dynamic }}"]
                """));
        assertEquals(List.of("a", "b", "blk", "in_role", "play", "role_tag"), List.copyOf(PlaybookTags.of(pb)));
    }

    @Test
    void hostsMayBeAList() {
        Play play = onlyPlay("- hosts: [a, b]\n  tasks: []\n");
        assertInstanceOf(YList.class, play.hosts());
    }

    @Test
    void taskFilesIncludedFromARoleBelongToTheRole() {
        files.write("roles/r/tasks/main.yml", "- include_tasks: \"{{ which }}.yml\"\n");
        files.write("roles/r/tasks/step.yml", "- debug: msg=step\n- include_tasks: step.yml\n  when: again\n");
        Play play = onlyPlay("- hosts: all\n  roles: [r]\n");
        Task include = task(play.roles().get(0).tasks(), 0);
        List<TaskItem> loaded = loader.loadTasks(include, dir.resolve("roles/r/tasks/step.yml"));
        assertEquals("r", task(loaded, 0).role());
        assertEquals(dir.resolve("roles/r"), task(loaded, 0).baseDir());
        assertEquals("include_tasks", task(loaded, 1).action(), "a guarded recursive include is not a load-time cycle");
    }

    @Test
    void collectionsAreAcceptedAndIgnored() {
        Play play = onlyPlay("- hosts: all\n  tasks:\n    - ping:\n      collections: [community.general]\n");
        assertFalse(task(play.tasks(), 0).keywords().has(Keywords.COLLECTIONS));
    }

    @Test
    void contentLoaderForTheRunner() {
        files.write("roles/web/tasks/main.yml", "- ping:\n");
        files.write("roles/web/tasks/extra.yml", "- import_tasks: more.yml\n");
        files.write("roles/web/tasks/more.yml", "- debug: msg=more\n");
        files.write("vars/x.yml", "a: 1\n");
        onlyPlay("- hosts: all\n  roles: [web]\n");

        Task includeFromRole = new Task(null, new meshplay.engine.yaml.Origin("roles/web/tasks/main.yml", 1, 3), "include_tasks",
                null, java.util.Map.of(), "web", dir.resolve("roles/web"));
        List<TaskItem> items = loader.loadTasks(includeFromRole, dir.resolve("roles/web/tasks/extra.yml"));
        Task more = task(assertInstanceOf(Block.class, items.get(0)).block(), 0);
        assertEquals("web", more.role());
        assertEquals(dir.resolve("roles/web"), more.baseDir());

        assertEquals(Map.of("a", 1), loader.loadVars(dir.resolve("vars/x.yml")).toJava());

        Origin origin = new Origin(dir.resolve("site.yml").toString(), 3, 7);
        Role role = loader.loadRole("web", dir, Map.of("p", new YScalar("v", "v", false, origin)), origin);
        assertEquals(Map.of("p", "v"), role.params().toJava());
        assertEquals("ping", task(role.tasks(), 0).action());
    }

    @Test
    void withDictIsAcceptedAndOneLoopPerTask() {
        Play play = onlyPlay("- hosts: all\n  tasks:\n    - debug: msg={{ item.key }}\n      with_dict: {a: 1}\n");
        assertEquals(Map.of("a", 1), task(play.tasks(), 0).keywords().node(Keywords.def("with_dict")).toJava());
    }
}
