package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.connect.SshArgDefaults;
import meshplay.engine.connect.SshArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading ssh_args / ansible_ssh_common_args / ansible_ssh_extra_args into a host key policy, as ssh and Ansible do. */
class SshArgsTest {
    @TempDir
    Path tmp;

    @Test
    void optionFormsAreReadAndTheFirstValueWins() {
        SshArgs a = SshArgs.parse(Arrays.asList(null, "-C -o ControlMaster=auto -oStrictHostKeyChecking=accept-new",
                "-o 'UserKnownHostsFile /a b/kh' -i key -o stricthostkeychecking=yes"));
        assertEquals("accept-new", a.option("StrictHostKeyChecking"));
        assertEquals("/a b/kh", a.option("userknownhostsfile"));
        assertEquals("auto", a.option("ControlMaster"));
        assertEquals(List.of("-C", "-i key"), a.ignored());
        assertEquals(List.of("-C", "-i key", "-o ControlMaster", "-o Compression"), // flags, then -o options
                SshArgs.unused("-C -o ControlMaster=auto -o UserKnownHostsFile=/kh -i key -o StrictHostKeyChecking=no -oCompression=yes"));
        assertNull(a.option("Port"));
    }

    @Test
    void unclosedQuoteIsAnErrorNamingTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SshArgs.parse(List.of("-o 'UserKnownHostsFile=x")));
        assertTrue(e.getMessage().contains("-o 'UserKnownHostsFile=x"), e.getMessage());
    }

    private HostAddress host(Map<String, Object> vars) {
        return new HostAddress("n2", "127.0.0.1", 2222, "root", null, null, null, vars);
    }

    /** A host variable as the connector hands it over: rendered, plain text. */
    private static String text(String s) {
        return s;
    }

    private SshEnvironment env() {
        return SshEnvironment.of(tmp.resolve("home/.ssh"), Map.of());
    }

    @Test
    void inventoryCommonArgsNameTheKnownHostsFileAndPolicy() {
        HostKeyPolicy p = HostKeyPolicy.of(host(Map.of("ansible_ssh_common_args",
                text("-o UserKnownHostsFile=~/lab/known_hosts -o StrictHostKeyChecking=yes"))), ConnectionOptions.defaults(), env());
        assertEquals(HostKeyPolicy.Mode.STRICT, p.mode());
        assertEquals(List.of(tmp.resolve("home/lab/known_hosts")), p.knownHostsFiles(), "replaces ~/.ssh/known_hosts; ~ is the home");
    }

    @Test
    void commandLineKnownHostsComeFirstAndNoneMeansNoUserFile() {
        Path kh = tmp.resolve("cli_known_hosts");
        ConnectionOptions o = new ConnectionOptions(List.of(kh), true, Duration.ofSeconds(3), null, null, null);
        HostKeyPolicy p = HostKeyPolicy.of(host(Map.of("ansible_ssh_extra_args", text("-o UserKnownHostsFile=none"))), o, env());
        assertEquals(List.of(kh), p.knownHostsFiles());
        assertEquals(HostKeyPolicy.Mode.ACCEPT_NEW, p.mode(), "--accept-new-host-keys when no StrictHostKeyChecking is given");
        HostKeyPolicy none = HostKeyPolicy.of(host(Map.of("ansible_ssh_extra_args", text("-o UserKnownHostsFile=none"))),
                ConnectionOptions.defaults(), env());
        assertEquals(List.of(HostKeyPolicy.NO_FILE), none.knownHostsFiles());
        assertEquals(HostKeyPolicy.Mode.STRICT, none.mode());
        assertEquals(List.of(tmp.resolve("home/.ssh/known_hosts")), HostKeyPolicy.of(host(Map.of()), ConnectionOptions.defaults(), env()).knownHostsFiles());
    }

    @Test
    void hostKeyCheckingOffComesAfterSshArgsAndBeforeCommonArgs() {
        ConnectionOptions off = ConnectionOptions.defaults().withSsh(new SshArgDefaults(false, null, "-o StrictHostKeyChecking=yes", null));
        assertEquals(HostKeyPolicy.Mode.OFF, HostKeyPolicy.of(host(Map.of()), off, env()).mode(), "host_key_checking=False beats common args");
        ConnectionOptions argsFirst = ConnectionOptions.defaults().withSsh(new SshArgDefaults(false, "-o StrictHostKeyChecking=accept-new", null, null));
        assertEquals(HostKeyPolicy.Mode.ACCEPT_NEW, HostKeyPolicy.of(host(Map.of()), argsFirst, env()).mode(), "ssh_args come first");
        // the host's variable overrides the config's host_key_checking, and the host's args override the config's
        ConnectionOptions on = ConnectionOptions.defaults().withSsh(new SshArgDefaults(true, null, "-o StrictHostKeyChecking=accept-new", null));
        assertEquals(HostKeyPolicy.Mode.OFF, HostKeyPolicy.of(host(Map.of("ansible_host_key_checking", false)), on, env()).mode());
        assertEquals(HostKeyPolicy.Mode.ACCEPT_NEW, HostKeyPolicy.of(host(Map.of()), on, env()).mode());
        assertEquals(HostKeyPolicy.Mode.STRICT, HostKeyPolicy.of(host(Map.of("ansible_ssh_common_args", text("-o StrictHostKeyChecking=ask"))),
                on, env()).mode(), "ask cannot ask here: strict");
    }

    @Test
    void unknownPolicyValueIsAnErrorNamingTheHost() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostKeyPolicy.of(
                host(Map.of("ansible_ssh_common_args", text("-o StrictHostKeyChecking=maybe"))), ConnectionOptions.defaults(), env()));
        assertTrue(e.getMessage().contains("n2") && e.getMessage().contains("maybe") && e.getMessage().contains("accept-new"), e.getMessage());
    }
}
