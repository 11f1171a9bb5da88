package meshplay.modules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import meshplay.engine.connect.Attributes;
import meshplay.engine.module.FileMode;
import org.junit.jupiter.api.Test;

class FileAttributesForNewTest {
    @Test
    void aNewDirectoryWithoutModeKeepsWhatMkdirGivesIt() {
        Attributes a = FileAttributes.Desired.NONE.forNew(true);
        assertNull(a.mode());
    }

    @Test
    void aNewFileWithoutModeIs0644AndAGivenModeWins() {
        assertEquals(0644, FileAttributes.Desired.NONE.forNew(false).mode());
        FileAttributes.Desired d = new FileAttributes.Desired(FileMode.parse("0750"), null, null);
        assertEquals(0750, d.forNew(true).mode());
    }
}
