package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.connect.ConnectionException;
import org.junit.jupiter.api.Test;

/** Name lookups answered by a scripted getent: how many commands a host pays for, and the answers. */
class IdNamesTest {
    private final List<String> commands = new ArrayList<>();

    /** Answers like `getent` on a host with root (0/0) and alice (1000/1000, group staff 50). */
    private final IdNames.Runner getent = command -> {
        commands.add(command);
        StringBuilder out = new StringBuilder();
        for (String part : command.split("; ")) {
            String[] w = part.split(" ");
            for (int i = 2; i < w.length; i++) {
                String key = w[i];
                if (w[1].equals("passwd")) {
                    if (key.equals("0") || key.equals("root")) out.append("root:x:0:0:root:/root:/bin/bash\n");
                    if (key.equals("1000") || key.equals("alice")) out.append("alice:x:1000:1000:Alice A.:/home/alice:/bin/sh\n");
                } else {
                    if (key.equals("0") || key.equals("root")) out.append("root:x:0:\n");
                    if (key.equals("50") || key.equals("staff")) out.append("staff:x:50:alice,bob\n");
                }
            }
        }
        return new OpenSession.Raw(out.length() == 0 ? 2 : 0, out.toString().getBytes(StandardCharsets.UTF_8), new byte[0], false);
    };

    @Test
    void aHostsFirstStatAsksForUserAndGroupInOneCommand() throws Exception {
        IdNames ids = new IdNames();
        assertEquals(new IdNames.Owner("alice", "staff"), ids.owner(1000, 50, getent));
        assertEquals(List.of("getent passwd 1000; getent group 50"), commands);
        // known now, both ways: no more commands
        assertEquals(new IdNames.Owner("alice", "staff"), ids.owner(1000, 50, getent));
        assertEquals(1000, ids.userId("alice", getent));
        assertEquals(50, ids.groupId("staff", getent));
        assertEquals(1, commands.size());
    }

    @Test
    void idsWithoutANameShowAsNumbersAndAreNotAskedForAgain() throws Exception {
        IdNames ids = new IdNames();
        assertEquals(new IdNames.Owner("4242", "4343"), ids.owner(4242, 4343, getent));
        assertEquals(new IdNames.Owner("4242", "4343"), ids.owner(4242, 4343, getent));
        assertEquals(1, commands.size());
    }

    @Test
    void aKnownUserWithANewGroupAsksOnlyForTheGroup() throws Exception {
        IdNames ids = new IdNames();
        assertEquals("root", ids.userName(0, getent));
        assertEquals(new IdNames.Owner("root", "staff"), ids.owner(0, 50, getent));
        assertEquals(List.of("getent passwd 0", "getent group 50"), commands);
    }

    @Test
    void unknownNamesAreRefusedWithTheKind() {
        IdNames ids = new IdNames();
        ConnectionException e = assertThrows(ConnectionException.class, () -> ids.userId("mallory", getent));
        assertEquals("user 'mallory' does not exist on the host", e.getMessage());
    }
}
