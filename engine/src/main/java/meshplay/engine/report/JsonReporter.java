package meshplay.engine.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.lang.Json;
import meshplay.engine.module.Diff;

/**
 * One JSON object per line per event (--json). A result is what the task returned; meshplay's remark
 * about it (check mode could not know, a predicted value was used) is the event's "note". no_log
 * results are censored; their diffs are dropped.
 */
public final class JsonReporter implements Reporter {
    private final PrintWriter out;

    public JsonReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(Event event) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (event instanceof Event.RunStart s) {
                o.put("event", "run_start");
                o.put("playbook", s.playbook());
                o.put("check_mode", s.checkMode());
                o.put("diff_mode", s.diffMode());
            } else if (event instanceof Event.PlayStart p) {
                o.put("event", "play_start");
                o.put("play", p.name());
                o.put("hosts", p.hosts());
                o.put("origin", String.valueOf(p.origin()));
            } else if (event instanceof Event.NoHosts n) {
                o.put("event", "no_hosts");
                o.put("play", n.play());
                o.put("reason", n.reason());
            } else if (event instanceof Event.TaskStart t) {
                o.put("event", t.handler() ? "handler_start" : "task_start");
                o.put("task", t.name());
                o.put("action", t.action());
                o.put("origin", String.valueOf(t.origin()));
            } else if (event instanceof Event.HostResult r) {
                o.put("event", r.item() ? "item_result" : "host_result");
                o.put("host", r.host());
                if (r.delegatedTo() != null) o.put("delegated_to", r.delegatedTo());
                o.put("task", r.task());
                o.put("status", r.result().status().name().toLowerCase());
                if (r.result().ignored()) o.put("ignored", true);
                if (r.item()) o.put("item", ResultView.itemLabel(r.result()));
                o.put("result", ResultView.returned(r.result()));
                if (!r.result().noLog() && r.result().note() != null) o.put("note", r.result().note());
                if (!r.result().noLog() && !r.result().diffs().isEmpty()) {
                    List<Object> diffs = new ArrayList<>();
                    for (Diff d : r.result().diffs()) {
                        Map<String, Object> dm = new LinkedHashMap<>();
                        dm.put("kind", d.kind().name().toLowerCase());
                        dm.put("subject", d.subject());
                        dm.put("before", d.before());
                        dm.put("after", d.after());
                        diffs.add(dm);
                    }
                    o.put("diff", diffs);
                }
            } else if (event instanceof Event.HandlerNotified h) {
                o.put("event", "handler_notified");
                o.put("host", h.host());
                o.put("handler", h.handler());
            } else if (event instanceof Event.Warning w) {
                o.put("event", "warning");
                o.put("message", w.message());
            } else if (event instanceof Event.Info i) {
                o.put("event", "info");
                o.put("message", i.message());
            } else if (event instanceof Event.Recap r) {
                o.put("event", "recap");
                Map<String, Object> hosts = new LinkedHashMap<>();
                r.stats().forEach((h, s) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ok", s.ok());
                    m.put("changed", s.changed());
                    m.put("unreachable", s.unreachable());
                    m.put("failed", s.failed());
                    m.put("skipped", s.skipped());
                    m.put("rescued", s.rescued());
                    m.put("ignored", s.ignored());
                    hosts.put(h, m);
                });
                o.put("hosts", hosts);
            } else if (event instanceof Event.RunEnd e) {
                o.put("event", "run_end");
                o.put("exit_code", e.exitCode());
            }
        out.println(Json.write(o, Json.COMPACT));
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
