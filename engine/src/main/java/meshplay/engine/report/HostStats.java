package meshplay.engine.report;

/** The recap counters of one host. */
public final class HostStats {
    private int ok, changed, unreachable, failed, skipped, rescued, ignored;

    public synchronized void count(meshplay.engine.exec.TaskResult r) {
        switch (r.status()) {
            case OK -> ok++;
            case CHANGED -> { ok++; changed++; }
            case SKIPPED -> skipped++;
            case UNREACHABLE -> { if (r.ignored()) ignored++; else unreachable++; }
            case FAILED -> { if (r.ignored()) ignored++; else failed++; }
        }
    }

    /** Takes back a counted result: the task is run again (step redo, debugger retry) and only its last run counts. */
    public synchronized void uncount(meshplay.engine.exec.TaskResult r) {
        switch (r.status()) {
            case OK -> ok--;
            case CHANGED -> { ok--; changed--; }
            case SKIPPED -> skipped--;
            case UNREACHABLE -> { if (r.ignored()) ignored--; else unreachable--; }
            case FAILED -> { if (r.ignored()) ignored--; else failed--; }
        }
    }

    public synchronized void countRescued() {
        rescued++;
        // a rescued failure is not a failure of the host any more (as Ansible counts it)
        if (failed > 0) failed--;
    }

    public synchronized int ok() { return ok; }
    public synchronized int changed() { return changed; }
    public synchronized int unreachable() { return unreachable; }
    public synchronized int failed() { return failed; }
    public synchronized int skipped() { return skipped; }
    public synchronized int rescued() { return rescued; }
    public synchronized int ignored() { return ignored; }
}
