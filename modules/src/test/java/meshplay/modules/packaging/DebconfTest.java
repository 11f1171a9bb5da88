package meshplay.modules.packaging;

import static meshplay.engine.testing.ModuleRuns.apply;
import static meshplay.engine.testing.ModuleRuns.args;
import static meshplay.engine.testing.ModuleRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.module.Diff;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** debconf against fake debconf-show/debconf-set-selections that keep the answers in a file under the temporary root. */
class DebconfTest extends TempRootTest {
    final DebconfModule module = new DebconfModule();

    @BeforeEach
    void fakes() throws Exception {
        root.file("/debconf/postfix", "* postfix/main_mailer_type: Internet Site\n  postfix/mailname: pve.lan\n");
        root.fakeTool("debconf-show", "cat \"$MESHPLAY_TEST_ROOT/debconf/$1\" 2>/dev/null; exit 0");
        root.fakeTool("debconf-set-selections", """
                read pkg q t v
                f="$MESHPLAY_TEST_ROOT/debconf/$pkg"
                grep -v " $q:" "$f" > "$f.new" 2>/dev/null; mv "$f.new" "$f"
                echo "* $q: $v" >> "$f"
                echo "$*" > "$MESHPLAY_TEST_ROOT/setsel.args\"""");
    }

    @Test
    void setsAnAnswerOnceAndCheckPredictsIt() throws Exception {
        Map<String, Object> a = args("name", "postfix", "question", "postfix/main_mailer_type", "vtype", "select", "value", "Local only");
        Outcome checked = check(module, a, conn);
        assertTrue(checked.changed());
        assertEquals(java.util.List.of(Diff.state("debconf postfix postfix/main_mailer_type", "Internet Site", "Local only")), checked.plan().diffs());
        assertFalse(root.exists("/setsel.args"));
        Outcome first = apply(module, a, conn);
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertTrue(root.read("/debconf/postfix").contains("* postfix/main_mailer_type: Local only\n"));
        assertEquals(Map.of("postfix/main_mailer_type", "Local only"), first.result().data().get("current"));
        assertEquals(Map.of("postfix/main_mailer_type", "Internet Site"), first.result().data().get("previous"));
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void booleansCompareWithoutCaseAndUnseenPassesMinusU() throws Exception {
        root.file("/debconf/tzdata", "  tzdata/x: true\n");
        assertFalse(apply(module, args("name", "tzdata", "question", "tzdata/x", "vtype", "boolean", "value", "True"), conn).changed());
        apply(module, args("name", "tzdata", "question", "tzdata/y", "vtype", "string", "value", "v", "unseen", true), conn);
        assertEquals("-u\n", root.read("/setsel.args"));
    }

    @Test
    void aPasswordNeverAppearsInTheDiffOrResult() throws Exception {
        Outcome r = apply(module, args("name", "mysql", "question", "mysql/root_password", "vtype", "password", "value", "s3cret-pw"), conn);
        assertFalse(r.plan().diffs().toString().contains("s3cret-pw"));
        assertFalse(r.result().data().toString().contains("s3cret-pw"));
        assertTrue(root.read("/debconf/mysql").contains("s3cret-pw"));
    }

    @Test
    void aQuestionNeedsVtypeAndValue() {
        UserError e = assertThrows(UserError.class, () -> check(module, args("name", "postfix", "question", "q"), conn));
        assertTrue(e.getMessage().contains("you must supply a valid vtype and value"), e.getMessage());
    }
}
