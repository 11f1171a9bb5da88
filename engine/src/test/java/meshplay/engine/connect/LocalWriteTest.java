package meshplay.engine.connect;

import static meshplay.engine.testing.TestBytes.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import meshplay.engine.testing.PrivateTmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalConnection writes are complete or nothing: full disk, changed source, leftovers of killed runs. */
class LocalWriteTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsTheWriteAndKeepsTheOldFile() throws Exception {
        PrivateTmpfs.assumeAvailable();
        Path src = Files.write(dir.resolve("big.bin"), random(600 * 1024, 1));
        // 400 KiB of tmpfs holding a 100 KiB old file: 300 KiB free for a 600 KiB write
        String script = """
                head -c 102400 /dev/zero | tr '\\0' 'a' > "$1/old.conf"
                old=$(sha1sum < "$1/old.conf")
                %s "$1/old.conf" "$2"; echo "probe-exit=$?"
                [ "$(sha1sum < "$1/old.conf")" = "$old" ] && echo old-file-intact
                ls -A "$1" | sed 's/^/entry: /'
                """.formatted(PrivateTmpfs.javaCommand(WriteProbe.class));
        PrivateTmpfs.Outcome o = PrivateTmpfs.run(dir.resolve("mnt"), 400, script, src.toString());
        assertTrue(o.output().contains("probe-exit=1"), o.output());
        assertTrue(o.output().contains("failed: write " + dir.resolve("mnt/old.conf")), o.output());
        assertTrue(o.output().contains("No space left on device"), "the cause is named: " + o.output());
        assertTrue(o.output().contains("old-file-intact"), o.output());
        assertEquals(1, o.output().lines().filter(l -> l.startsWith("entry: ")).count(), "only old.conf remains: " + o.output());
    }

    @Test
    void aBigFileStreamsAndArrivesWhole() throws Exception {
        byte[] data = random(3 * 1024 * 1024 + 17, 2);
        Path src = Files.write(dir.resolve("src.bin"), data);
        LocalConnection c = new LocalConnection("h");
        String target = dir.resolve("out/copy.bin").toString();
        c.files().write(target, Content.of(src), WriteOptions.DEFAULT);
        assertEquals(Checksum.sha1(data), c.files().sha1(target).orElseThrow());
        assertTrue(c.files().sha1(dir.resolve("nothing").toString()).isEmpty());
    }

    @Test
    void aSourceThatChangesDuringTheWriteLeavesTheOldFile() throws Exception {
        Path src = Files.write(dir.resolve("src.bin"), random(1000, 3));
        Content content = Content.of(src);
        Files.write(src, random(500, 4)); // shrinks after the size was taken
        Path target = Files.writeString(dir.resolve("target"), "old\n");
        LocalConnection c = new LocalConnection("h");
        ConnectionException e = assertThrows(ConnectionException.class, () -> c.files().write(target.toString(), content, WriteOptions.DEFAULT));
        assertTrue(e.getMessage().contains("the source changed"), e.getMessage());
        assertEquals("old\n", Files.readString(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(TempFiles.SUFFIX)), "no temp file is left");
        }
    }

    @Test
    void tempFilesOfEarlierRunsAreRemovedAndNeverTrippedOver() throws Exception {
        Path stale = Files.writeString(dir.resolve(".app.conf.k3x9.meshplay-tmp"), "partial");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Path fresh = Files.writeString(dir.resolve(".other.conf.q1.meshplay-tmp"), "being written by a run still going");
        Path foreign = Files.writeString(dir.resolve(".app.conf.swp"), "not ours");
        Files.setLastModifiedTime(foreign, FileTime.from(Instant.now().minusSeconds(3600)));
        LocalConnection c = new LocalConnection("h");
        c.files().write(dir.resolve("app.conf").toString(), "new\n".getBytes(), WriteOptions.DEFAULT);
        assertEquals("new\n", Files.readString(dir.resolve("app.conf")));
        assertFalse(Files.exists(stale), "a temp file older than the run is removed");
        assertTrue(Files.exists(fresh), "a temp file newer than the run is left alone");
        assertTrue(Files.exists(foreign), "files of other naming patterns are left alone");
        String a = TempFiles.siblingOf("/etc/app.conf");
        String b = TempFiles.siblingOf("/etc/app.conf");
        assertFalse(a.equals(b), "each write gets its own temp name");
        assertTrue(a.startsWith("/etc/.app.conf.") && TempFiles.isTempName(a.substring(5)), a);
    }
}
