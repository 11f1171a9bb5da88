package meshplay.modules.system;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.converge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness;
import org.junit.jupiter.api.Test;

/**
 * cron (user crontabs through the sandbox's crontab stand-in, cron files in its /etc/cron.d),
 * known_hosts and getent. Expected crontab texts and results are those ansible-playbook 2.14 gave
 * for the same tasks.
 */
class CronKnownHostsGetentTest extends SandboxedTest {
    static final String KEY1 = "AAAAC3NzaC1lZDI1NTE5AAAAIOneOneOneOneOneOneOneOneOneOneOneOneOneOne";
    static final String KEY2 = "AAAAC3NzaC1lZDI1NTE5AAAAITwoTwoTwoTwoTwoTwoTwoTwoTwoTwoTwoTwoTwoTwo";
    @Test
    void cronJobsAndVariablesInAUserCrontabAsAnsibleWritesThem() throws Exception {
        sandbox.sh("mkdir -p /var/spool/cron/crontabs && printf '# keep me\\nMAILTO=root\\n' > /var/spool/cron/crontabs/root");
        CronModule cron = new CronModule();
        ModuleHarness.Outcome first = converge(cron, args("name", "backup", "minute", "0", "hour", "3", "job", "/usr/local/bin/backup.sh"), host);
        assertEquals(List.of("backup"), first.result().data().get("jobs"));
        assertEquals(List.of("MAILTO"), first.result().data().get("envs"));
        converge(cron, args("name", "backup", "minute", "30", "hour", "3", "job", "/usr/local/bin/backup.sh"), host);
        converge(cron, args("name", "PATH", "env", true, "job", "/usr/bin:/bin", "insertafter", "MAILTO"), host);
        assertEquals("# keep me\nMAILTO=root\nPATH=\"/usr/bin:/bin\"\n#Ansible: backup\n30 3 * * * /usr/local/bin/backup.sh\n",
                sandbox.sh("cat /var/spool/cron/crontabs/root"));
        converge(cron, args("name", "backup", "state", "absent"), host);
        assertEquals("# keep me\nMAILTO=root\nPATH=\"/usr/bin:/bin\"\n", sandbox.sh("cat /var/spool/cron/crontabs/root"));
    }

    @Test
    void cronFileNamesTheUserAndIsRemovedWhenItsLastJobGoes() throws Exception {
        CronModule cron = new CronModule();
        var o = converge(cron, args("name", "reboot job", "special_time", "reboot", "job", "/bin/true", "user", "root",
                "cron_file", "meshplay-test"), host);
        assertEquals("#Ansible: reboot job\n@reboot root /bin/true\n", sandbox.sh("cat /etc/cron.d/meshplay-test"));
        assertEquals("meshplay-test", o.result().data().get("cron_file"));
        converge(cron, args("name", "reboot job", "state", "absent", "user", "root", "cron_file", "meshplay-test"), host);
        assertFalse(Files.exists(sandbox.path("/etc/cron.d/meshplay-test")));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> check(cron, args("name", "x", "job", "y", "cron_file", "f"), host));
        assertEquals("To use cron_file=... parameter you must specify user=... as well", e.getMessage());
        e = assertThrows(ModuleFailure.class, () -> check(cron, args("name", "x", "job", "y", "special_time", "daily", "hour", "1"), host));
        assertEquals("You must specify time and date fields or special time.", e.getMessage());
    }

    @Test
    void knownHostsAddsReplacesAndRemovesOneHostsKey() throws Exception {
        Path file = dir.resolve("kh/known_hosts");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "other ssh-ed25519 " + KEY2 + "\n");
        LocalConnection local = new LocalConnection("localhost");
        KnownHostsModule module = new KnownHostsModule();
        converge(module, args("name", "pve1", "key", "pve1 ssh-ed25519 " + KEY1, "path", file.toString()), local);
        assertEquals("other ssh-ed25519 " + KEY2 + "\npve1 ssh-ed25519 " + KEY1 + "\n", Files.readString(file));
        converge(module, args("name", "pve1", "key", "pve1 ssh-ed25519 " + KEY2, "path", file.toString()), local);
        assertEquals("other ssh-ed25519 " + KEY2 + "\npve1 ssh-ed25519 " + KEY2 + "\n", Files.readString(file));
        converge(module, args("name", "pve1", "state", "absent", "path", file.toString()), local);
        assertEquals("other ssh-ed25519 " + KEY2 + "\n", Files.readString(file));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> check(module, args("name", "pve2", "key", "pve1 ssh-ed25519 " + KEY1,
                "path", file.toString()), local));
        assertEquals("Host parameter does not match hashed host field in supplied key", e.getMessage());
    }

    @Test
    void knownHostsWithAHashedNameIsFoundAgainOnTheSecondRun() throws Exception {
        Path file = dir.resolve("kh2/known_hosts");
        LocalConnection local = new LocalConnection("localhost");
        var a = args("name", "pve3", "key", "pve3 ssh-ed25519 " + KEY1, "path", file.toString(), "hash_host", true);
        assertTrue(apply(new KnownHostsModule(), a, local).changed());
        assertTrue(Files.readString(file).startsWith("|1|"));
        assertFalse(apply(new KnownHostsModule(), a, local).changed(), "ssh-keygen -F finds the hashed name");
    }

    @Test
    @SuppressWarnings("unchecked")
    void getentReturnsTheDatabaseAsAFact() throws Exception {
        var o = apply(new GetentModule(), args("database", "passwd", "key", "root"), host);
        Map<String, Object> facts = (Map<String, Object>) o.result().data().get("ansible_facts");
        assertEquals(List.of("x", "0", "0", "root", "/root", "/bin/bash"), ((Map<String, Object>) facts.get("getent_passwd")).get("root"));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> apply(new GetentModule(), args("database", "passwd", "key", "nosuch"), host));
        assertEquals("One or more supplied key could not be found in the database.", e.getMessage());
        var lenient = apply(new GetentModule(), args("database", "passwd", "key", "nosuch", "fail_key", false), host);
        assertNull(((Map<String, Object>) ((Map<String, Object>) lenient.result().data().get("ansible_facts")).get("getent_passwd")).get("nosuch"));
    }
}
