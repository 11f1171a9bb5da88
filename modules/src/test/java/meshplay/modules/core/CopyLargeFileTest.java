package meshplay.modules.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import meshplay.engine.connect.Checksum;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.module.Diff;
import meshplay.engine.testing.ModuleHarness;
import meshplay.engine.testing.PrivateTmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** copy of files larger than memory: streamed, compared by checksum, idempotent. */
class CopyLargeFileTest {
    @TempDir
    Path dir;

    private Path bigFile(String name, int megabytes, long seed) throws Exception {
        byte[] block = new byte[1024 * 1024];
        new Random(seed).nextBytes(block);
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            for (int i = 0; i < megabytes; i++) {
                block[0] = (byte) i; // no two blocks alike
                out.write(block);
            }
        }
        return p;
    }

    @Test
    void aFileThreeTimesTheHeapCopiesInConstantMemory() throws Exception {
        Path src = bigFile("big.bin", 96, 1);
        Path dest = dir.resolve("out/big.bin");
        Files.createDirectories(dest.getParent());
        String java = PrivateTmpfs.javaCommand(CopyProbe.class).replace("-Xmx64m", "-Xmx32m");
        Process p = new ProcessBuilder("sh", "-c", java + " \"$1\" \"$2\"", "sh", src.toString(), dest.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(List.of("changed=true failed=false", "changed=false failed=false"), out.lines().toList(), out);
        try (var a = Files.newInputStream(src); var b = Files.newInputStream(dest)) {
            assertEquals(Checksum.sha1(a), Checksum.sha1(b));
        }
    }

    @Test
    void aChangedLargeFileIsReplacedAndItsDiffNamesSizesAndChecksums() throws Exception {
        Path src = bigFile("v1.bin", 2, 2);
        Path dest = bigFile("dest.bin", 3, 3);
        LocalConnection c = new LocalConnection("h");
        Map<String, Object> args = Map.of("src", src.toString(), "dest", dest.toString());
        ModuleHarness.Outcome checked = ModuleHarness.run(new CopyModule(), args, c, true);
        assertTrue(checked.changed());
        Diff d = checked.plan().diffs().get(0);
        String before;
        try (var in = Files.newInputStream(dest)) {
            before = Checksum.sha1(in);
        }
        assertEquals("file (3145728 bytes, sha1 " + before + ")", d.before());
        assertTrue(d.after().startsWith("file (2097152 bytes, sha1 "), d.after());
        ModuleHarness.Outcome applied = ModuleHarness.run(new CopyModule(), args, c, false);
        assertTrue(applied.changed());
        assertEquals(Files.size(src), Files.size(dest));
        assertEquals(false, ModuleHarness.run(new CopyModule(), args, c, false).changed());
    }
}
