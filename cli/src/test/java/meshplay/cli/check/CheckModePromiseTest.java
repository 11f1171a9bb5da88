package meshplay.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import meshplay.cli.testing.FakeTools;
import meshplay.cli.testing.PlaybookRun;
import meshplay.engine.exec.RunOptions;
import meshplay.engine.testing.TempRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check-mode promise, for every built-in module and for a playbook of several tasks: on the same
 * starting state a `--check` run changes nothing and reports the recap and the changed tasks of the
 * real run that follows; a second real run reports changed=0.
 */
class CheckModePromiseTest {
    private static final String H = "node1";
    @TempDir
    Path dir;
    PlaybookRun run;
    TempRoot root;

    @BeforeEach
    void setUp() throws IOException {
        run = new PlaybookRun(dir, H);
        root = run.root(H);
        FakeTools.systemctl(run);
        FakeTools.apt(run);
        FakeTools.kernel(run);
    }

    /** Check run, real run, real run again; returns the real run's changed tasks. */
    private Set<String> promise(String tasks) throws IOException {
        run.write("play.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n" + tasks.indent(4));
        Map<String, String> before = snapshot(root.root());
        PlaybookRun.Result check = run.run("play.yml", options(true));
        assertEquals(before, snapshot(root.root()), "the check run changed the host:\n" + check.console());
        assertEquals(List.of(), FakeTools.calls(run, H), "the check run ran a changing tool");
        PlaybookRun.Result real = run.run("play.yml", options(false));
        assertEquals(0, real.exitCode(), real.console());
        assertEquals(real.recap(), check.recap(), "check recap vs real recap\n" + check.console() + "\n" + real.console());
        assertEquals(real.changedTasks(H), check.changedTasks(H), "changed tasks");
        assertFalse(real.changedTasks(H).isEmpty(), "the first run must change something to prove anything");
        PlaybookRun.Result again = run.run("play.yml", options(false));
        assertEquals(0, again.changed(H), "second run:\n" + again.console());
        assertEquals(0, again.exitCode());
        return real.changedTasks(H);
    }

    static RunOptions options(boolean check) {
        RunOptions o = new RunOptions();
        o.check = check;
        o.diff = true;
        return o;
    }

    @Test
    void command() throws IOException {
        root.file("/etc/hostname", "node1\n");
        Set<String> changed = promise("""
                - name: make a stamp
                  command: touch {{ host_root }}/stamp
                  args: {creates: /stamp}
                - name: read-only probe
                  command: cat {{ host_root }}/etc/hostname
                  changed_when: false
                - name: remove the stamp only if it exists
                  command: rm {{ host_root }}/gone
                  args: {removes: /gone}
                """);
        assertEquals(Set.of("make a stamp"), changed);
        assertTrue(root.exists("/stamp"));
    }

    @Test
    void shell() throws IOException {
        root.file("/old.txt", "x\n");
        Set<String> changed = promise("""
                - name: write with a redirect
                  shell: echo hello > "$MESHPLAY_TEST_ROOT/shell.out"
                  args: {creates: /shell.out}
                - name: remove what is there
                  shell: rm "$MESHPLAY_TEST_ROOT/old.txt"
                  args: {removes: /old.txt}
                """);
        assertEquals(Set.of("write with a redirect", "remove what is there"), changed);
        assertEquals("hello\n", root.read("/shell.out"));
        assertFalse(root.exists("/old.txt"));
    }

    @Test
    void copy() throws IOException {
        root.file("/etc/motd", "old\n");
        Files.createDirectories(root.path("/etc/app"));
        promise("""
                - name: motd
                  copy: {content: "welcome\\n", dest: /etc/motd, mode: "0644"}
                - name: new file in a new place
                  copy: {content: "a=1\\n", dest: /etc/app/app.conf}
                """);
        assertEquals("welcome\n", root.read("/etc/motd"));
    }

    @Test
    void template() throws IOException {
        Files.createDirectories(root.path("/etc"));
        run.write("templates/hosts.j2", "127.0.0.1 localhost\n{% for n in nodes %}{{ n }}\n{% endfor %}");
        promise("""
                - name: hosts from a template
                  template: {src: hosts.j2, dest: /etc/hosts}
                  vars: {nodes: [n2, n3, n4]}
                """);
        assertEquals("127.0.0.1 localhost\nn2\nn3\nn4\n", root.read("/etc/hosts"));
    }

    @Test
    void file() throws IOException {
        root.file("/var/tmp/junk", "x");
        Files.createDirectories(root.path("/opt/app-1.2"));
        promise("""
                - name: a directory
                  file: {path: /srv/data, state: directory, mode: "0750"}
                - name: a link
                  file: {path: /opt/app, src: /opt/app-1.2, state: link}
                - name: gone
                  file: {path: /var/tmp/junk, state: absent}
                """);
        assertTrue(Files.isDirectory(root.path("/srv/data")));
        assertFalse(root.exists("/var/tmp/junk"));
    }

    @Test
    void lineinfile() throws IOException {
        root.file("/etc/hosts", "127.0.0.1 localhost\n10.0.0.82 n2 # old\n");
        promise("""
                - name: replace a line
                  lineinfile: {path: /etc/hosts, regexp: '^10\\.0\\.0\\.82', line: 10.0.0.82 n2}
                - name: add a line
                  lineinfile: {path: /etc/hosts, line: 10.0.0.83 n3}
                """);
        assertEquals("127.0.0.1 localhost\n10.0.0.82 n2\n10.0.0.83 n3\n", root.read("/etc/hosts"));
    }

    @Test
    void blockinfile() throws IOException {
        root.file("/etc/frr/frr.conf", "frr defaults traditional\n");
        promise("""
                - name: fabric block
                  blockinfile:
                    path: /etc/frr/frr.conf
                    block: |
                      router openfabric 1
                       net 49.0000.0000.0082.00
                """);
        assertTrue(root.read("/etc/frr/frr.conf").contains("router openfabric 1\n net 49.0000.0000.0082.00\n"));
    }

    @Test
    void statFeedsALaterTask() throws IOException {
        root.file("/etc/marker", "x");
        promise("""
                - name: look
                  stat: {path: /etc/marker}
                  register: st
                - name: act on what was seen
                  copy: {content: "seen\\n", dest: /etc/seen}
                  when: st.stat.exists
                """);
        assertEquals("seen\n", root.read("/etc/seen"));
    }

    @Test
    void apt() throws IOException {
        root.file("/fakerepo/iperf3", "3.12-1\n");
        promise("""
                - name: packages
                  apt: {name: iperf3, state: present}
                """);
        assertEquals(List.of("apt-get"), FakeTools.calls(run, H).stream().map(c -> c.split(" ")[0]).toList());
    }

    @Test
    void systemd() throws IOException {
        root.file("/fakesystemd/frr.service/active", "inactive\n");
        root.file("/fakesystemd/frr.service/enabled", "disabled\n");
        promise("""
                - name: frr runs
                  systemd: {name: frr.service, state: started, enabled: true}
                """);
        assertEquals("active\n", root.read("/fakesystemd/frr.service/active"));
    }

    @Test
    void sysctlAndKmod() throws IOException {
        root.file("/proc/sys/net/ipv4/ip_forward", "0\n");
        root.file("/proc/modules", "thunderbolt 212992 0 - Live 0x0000000000000000\n");
        root.file("/lib/modules/6.14.8-2-pve/modules.builtin", "kernel/net/ipv4/tcp_cubic.ko\n");
        root.file("/etc/modules", "# /etc/modules\n");
        promise("""
                - name: forwarding
                  sysctl: {name: net.ipv4.ip_forward, value: 1, file: /etc/sysctl.d/90-tb4.conf}
                - name: thunderbolt-net
                  kmod: {name: thunderbolt-net, persistent: present, persistent_file: /etc/modules}
                """);
        assertEquals("1\n", root.read("/proc/sys/net/ipv4/ip_forward"));
    }

    @Test
    void systemdLinkAndUdevRule() throws IOException {
        Set<String> changed = promise("""
                - name: en05 link
                  systemd-link:
                    name: thunderbolt0
                    priority: "00"
                    match: {Path: pci-0000:00:0d.2, Driver: thunderbolt-net}
                    link: {MACAddressPolicy: none, Name: en05}
                - name: udev rules
                  udev-rule:
                    name: tb-en
                    rules:
                      - match: {ACTION: move, SUBSYSTEM: net, KERNEL: en05}
                        assign: {RUN+: /usr/local/bin/pve-en05.sh}
                """);
        assertEquals(Set.of("en05 link", "udev rules"), changed);
        assertTrue(root.read("/etc/systemd/network/00-thunderbolt0.link").contains("Name=en05"));
        assertEquals(List.of("udevadm control --reload-rules"), FakeTools.calls(run, H));
    }

    @Test
    void interfaces() throws IOException {
        root.file("/etc/network/interfaces", "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n");
        promise("""
                - name: en05
                  interfaces:
                    iface: en05
                    method: static
                    auto: true
                    options: {address: 10.100.0.2/30, mtu: 65520}
                    reload: true
                """);
        assertTrue(root.read("/etc/network/interfaces").contains("iface en05 inet static\n    address 10.100.0.2/30\n    mtu 65520\n"),
                root.read("/etc/network/interfaces"));
        assertEquals(List.of("ifreload -a"), FakeTools.calls(run, H));
    }

    @Test
    void modulesThatNeverChangeAnythingAgreeToo() throws IOException {
        root.file("/etc/hostname", "node1\n");
        Set<String> changed = promise("""
                - name: wait for the file
                  wait_for: {path: /etc/hostname, timeout: 5}
                - name: check a fact of the play
                  assert: {that: ["inventory_hostname == 'node1'"]}
                - name: say
                  debug: {msg: "on {{ inventory_hostname }}"}
                - name: something changes, to prove the run did something
                  copy: {content: "x\n", dest: /etc/x}
                """);
        assertEquals(Set.of("something changes, to prove the run did something"), changed);
    }

    @Test
    void aPlaybookOfSeveralTasksWithAReadOnlyProbeAndAHandler() throws IOException {
        root.file("/etc/hostname", "node1\n");
        root.file("/etc/motd", "old\n");
        Set<String> changed = promise("""
                - name: read the hostname (runs in check mode too)
                  command: cat {{ host_root }}/etc/hostname
                  register: hn
                  check_mode: false
                  changed_when: false
                - name: motd names the host
                  copy: {content: "this is {{ hn.stdout }}\\n", dest: /etc/motd}
                  notify: log restart
                - name: config dir
                  file: {path: /etc/app, state: directory}
                - name: config line
                  lineinfile: {path: /etc/app/app.conf, line: "name={{ hn.stdout }}", create: true}
                - name: unchanged copy
                  copy: {content: "same\\n", dest: /etc/app/same}
                  when: false
                """ + "", """
                handlers:
                  - name: log restart
                    shell: echo restarted >> "$MESHPLAY_TEST_ROOT/../handler.log"
                """);
        assertEquals(Set.of("motd names the host", "config dir", "config line", "log restart"), changed);
        assertEquals("this is node1\n", root.read("/etc/motd"));
    }

    private Set<String> promise(String tasks, String handlers) throws IOException {
        String play = "- hosts: all\n  gather_facts: false\n  tasks:\n" + tasks.indent(4) + handlers.indent(2);
        run.write("play2.yml", play);
        Map<String, String> before = snapshot(root.root());
        PlaybookRun.Result check = run.run("play2.yml", options(true));
        assertEquals(before, snapshot(root.root()), check.console());
        PlaybookRun.Result real = run.run("play2.yml", options(false));
        assertEquals(real.recap(), check.recap(), check.console() + "\n" + real.console());
        assertEquals(real.changedTasks(H), check.changedTasks(H));
        PlaybookRun.Result again = run.run("play2.yml", options(false));
        assertEquals(0, again.changed(H), again.console());
        return real.changedTasks(H);
    }

    /** Every file, directory and link under the root with its content or target. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) out.put(key, "-> " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) out.put(key, "dir " + Files.getPosixFilePermissions(p));
                else out.put(key, Files.readString(p) + " " + Files.getPosixFilePermissions(p));
            }
        }
        return out;
    }
}
