package meshplay.engine.report;

/**
 * The recap counters of one host, counted as ansible-core 2.14 counts them: an ignored failure (or
 * ignored unreachable) counts ok and ignored, and changed when it changed the host; a failure inside a block that has a rescue section
 * counts rescued, not failed.
 */
public final class HostStats {
    private int ok, changed, unreachable, failed, skipped, rescued, ignored;
    /** Failures and unreachable results that meta: clear_host_errors cleared: they stay in the recap but do not fail the run. */
    private int failedCleared, unreachableCleared;

    public synchronized void count(meshplay.engine.result.TaskResult r) {
        switch (r.status()) {
            case OK -> ok++;
            case CHANGED -> { ok++; changed++; }
            case SKIPPED -> skipped++;
            case UNREACHABLE -> { if (r.ignored()) { ok++; ignored++; } else unreachable++; }
            case FAILED -> {
                if (r.ignored()) {
                    ok++;
                    ignored++;
                    if (r.changed()) changed++;
                } else failed++;
            }
        }
    }

    /** An included file (include_tasks) counts ok once for each time it is included. */
    public synchronized void countIncluded(int times) {
        ok += times;
    }

    /** Takes back a counted result: the task is run again (step redo, debugger retry) and only its last run counts. */
    public synchronized void uncount(meshplay.engine.result.TaskResult r) {
        switch (r.status()) {
            case OK -> ok--;
            case CHANGED -> { ok--; changed--; }
            case SKIPPED -> skipped--;
            case UNREACHABLE -> { if (r.ignored()) { ok--; ignored--; } else unreachable--; }
            case FAILED -> {
                if (r.ignored()) {
                    ok--;
                    ignored--;
                    if (r.changed()) changed--;
                } else failed--;
            }
        }
    }

    /** The host's failure inside a block goes to its rescue section: counted rescued instead of failed. */
    public synchronized void countRescued() {
        rescued++;
        if (failed > 0) failed--;
    }

    /** meta: clear_host_errors: the failures and unreachable results so far no longer make the run fail (the recap still shows them). */
    public synchronized void clearErrors() {
        failedCleared = failed;
        unreachableCleared = unreachable;
    }

    /** Failures that still fail the run (exit code 2). */
    public synchronized int failing() {
        return failed - failedCleared;
    }

    /** Unreachable results that still fail the run (exit code 4). */
    public synchronized int unreachableLeft() {
        return unreachable - unreachableCleared;
    }

    public synchronized int ok() { return ok; }
    public synchronized int changed() { return changed; }
    public synchronized int unreachable() { return unreachable; }
    public synchronized int failed() { return failed; }
    public synchronized int skipped() { return skipped; }
    public synchronized int rescued() { return rescued; }
    public synchronized int ignored() { return ignored; }
}
