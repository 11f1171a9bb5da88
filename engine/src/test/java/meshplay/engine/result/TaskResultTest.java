package meshplay.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.result.TaskResult.HostEffect;
import meshplay.engine.result.TaskResult.Status;
import meshplay.engine.yaml.Origin;
import org.junit.jupiter.api.Test;

class TaskResultTest {
    private static TaskResult item(Status status) {
        return TaskResult.builder(status).build();
    }

    @Test
    void aRefinedCopyLeavesTheResultItCameFromAsItWas() {
        TaskResult module = TaskResult.builder(Status.OK).data("rc", 1).build();
        TaskResult judged = module.toBuilder().status(Status.FAILED).msg("failed_when condition was met")
                .data("failed_when_result", true).note("judged").build();

        assertEquals(Status.OK, module.status());
        assertEquals(Map.of("rc", 1), module.data());
        assertNull(module.msg());
        assertNull(module.note());
        assertEquals(Status.FAILED, judged.status());
        assertEquals(Map.of("rc", 1, "failed_when_result", true), judged.data());
    }

    @Test
    void noReaderCanChangeAResult() {
        Map<String, Object> given = new LinkedHashMap<>(Map.of("stdout", "x"));
        TaskResult r = TaskResult.builder(Status.CHANGED).data(given).build();
        given.put("stdout", "changed later");

        assertEquals("x", r.data().get("stdout"));
        assertThrows(UnsupportedOperationException.class, () -> r.data().put("stdout", "y"));
        assertThrows(UnsupportedOperationException.class, () -> r.diffs().clear());
        TaskResult loop = TaskResult.ofLoop(List.of(r));
        assertThrows(UnsupportedOperationException.class, () -> loop.items().add(r));
        // the registered value is the reader's own copy
        loop.toRegistered().put("changed", false);
        assertEquals(true, loop.toRegistered().get("changed"));
    }

    @Test
    void aLoopTakesTheWorstOfItsItems() {
        assertEquals(Status.CHANGED, TaskResult.ofLoop(List.of(item(Status.OK), item(Status.CHANGED))).status());
        TaskResult failed = TaskResult.ofLoop(List.of(item(Status.CHANGED), item(Status.FAILED)));
        assertEquals(Status.FAILED, failed.status());
        assertEquals("One or more items failed", failed.msg());
        assertEquals(Status.UNREACHABLE, TaskResult.ofLoop(List.of(item(Status.FAILED), item(Status.UNREACHABLE))).status());
        assertEquals(Status.SKIPPED, TaskResult.ofLoop(List.of(item(Status.SKIPPED), item(Status.SKIPPED))).status());
        assertEquals(Status.OK, TaskResult.ofLoop(List.of(item(Status.SKIPPED), item(Status.OK))).status());
    }

    @Test
    void aFailureKeepsTheChangeItMadeButOnlyASucceededChangeNotifies() {
        TaskResult command = TaskResult.builder(Status.FAILED).failedWithChange(true).msg("non-zero return code").build();
        assertTrue(command.changed());
        assertFalse(command.changedOk());
        assertEquals(true, command.toRegistered().get("changed"));
        assertEquals(true, command.toRegistered().get("failed"));
        // failed_when on a changed result, and a loop with a failed item that changed
        TaskResult judged = TaskResult.builder(Status.CHANGED).build().toBuilder().status(Status.FAILED).build();
        assertTrue(judged.changed());
        TaskResult loop = TaskResult.ofLoop(List.of(item(Status.OK), command));
        assertTrue(loop.changed());
        assertEquals(true, loop.toRegistered().get("changed"));
        // a failure that changed nothing, and the flag on a status that is not FAILED
        assertFalse(TaskResult.failed("boom").changed());
        assertFalse(TaskResult.builder(Status.OK).failedWithChange(true).build().changed());
    }

    @Test
    void aLoopIsShownOnTheHostItsFirstItemRanOn() {
        TaskResult first = TaskResult.builder(Status.OK).delegatedTo("n2").build();
        assertEquals("n2", TaskResult.ofLoop(List.of(first, item(Status.OK))).delegatedTo());
    }

    @Test
    void aLoopWithoutItemsIsSkippedButNotRegisteredAsSkipped() {
        TaskResult empty = TaskResult.ofLoop(List.of());
        assertTrue(empty.isLoop());
        assertEquals(Status.SKIPPED, empty.status());
        assertEquals("No items in the list", empty.data().get("skip_reason"));
        Map<String, Object> registered = empty.toRegistered();
        assertEquals(List.of(), registered.get("results"));
        assertEquals(false, registered.get("skipped"));
        assertEquals("All items completed", registered.get("msg"));
    }

    @Test
    void onlyAFailureOrUnreachableHostThatIsNotIgnoredStopsTheHost() {
        assertEquals(HostEffect.FAILS, TaskResult.failed("boom").hostEffect());
        assertEquals(HostEffect.UNREACHABLE, TaskResult.unreachable("gone").hostEffect());
        assertEquals(HostEffect.CONTINUES, item(Status.CHANGED).hostEffect());
        assertEquals(HostEffect.CONTINUES, TaskResult.skipped("no").hostEffect());

        TaskResult ignored = TaskResult.failed("boom").toBuilder().ignored(true).build();
        assertEquals(HostEffect.CONTINUES, ignored.hostEffect());
        assertFalse(ignored.stopsHost());
        // what happened stays what it was: the recap counts it as an ignored failure
        assertTrue(ignored.failed());
        assertEquals(HostEffect.CONTINUES, TaskResult.unreachable("gone").toBuilder().ignored(true).build().hostEffect());
        assertTrue(TaskResult.unreachable("gone").stopsHost());
    }

    @Test
    void notesAddUpInTheOrderTheyWereMade() {
        TaskResult r = TaskResult.builder(Status.OK).note("would run").build().toBuilder().note("uses a predicted result").build();
        assertEquals("would run; uses a predicted result", r.note());
    }

    @Test
    void aNoLogLoopHidesItsItemsToo() {
        TaskResult loop = TaskResult.ofLoop(List.of(item(Status.OK), item(Status.CHANGED))).toBuilder().noLog(true).build();
        assertTrue(loop.items().stream().allMatch(TaskResult::noLog));
    }

    @Test
    void aBetterExplanationReplacesTheFailuresMessageAndError() {
        Origin at = new Origin("site.yml", 7, 9);
        TaskResult first = TaskResult.failed(new UserError(at, "'out' is undefined", null));
        assertEquals("'out' is undefined (site.yml:7:9)", first.msg());

        UserError better = new UserError(at, "'out' is undefined", "give that task check_mode: false");
        TaskResult explained = first.toBuilder().explain(better).build();
        assertSame(better, explained.userError());
        assertEquals("'out' is undefined (site.yml:7:9); give that task check_mode: false", explained.msg());
        assertEquals("'out' is undefined (site.yml:7:9)", first.msg());
    }

    @Test
    void aLoopItemIsRegisteredWithItsLoopVariable() {
        TaskResult r = TaskResult.builder(Status.OK).item("eth0", null, "nic").build();
        Map<String, Object> registered = r.toRegistered();
        assertEquals("eth0", registered.get("nic"));
        assertEquals("eth0", registered.get("item"));
        assertEquals("nic", registered.get("ansible_loop_var"));
    }
}
