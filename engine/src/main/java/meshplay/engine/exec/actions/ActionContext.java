package meshplay.engine.exec.actions;

import java.nio.file.Path;
import java.util.Map;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.model.ContentLoader;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.module.Args;
import meshplay.engine.yaml.YNode;

/** What an engine action may use and change: its arguments, the host's variables and the run's state. */
public interface ActionContext {
    Args args();

    /** The raw (untemplated) argument nodes as written, for actions that keep values trusted. */
    YNode rawArgs();

    String host();

    Task task();

    Map<String, Object> vars();

    boolean checkMode();

    /** set_fact: values already rendered, stored as data. */
    void setHostVar(String name, Object value);

    /** include_vars: trusted values (YNode), templated when read. */
    void includeVars(Map<String, Object> values);

    void clearFacts();

    Inventory inventory();

    ContentLoader loader();

    /** The directory of the role the task belongs to, or null. */
    Path roleDir();

    /** The directory of the file the task was written in. */
    Path taskDir();

    Path playbookDir();

    Role role();

    /** include_tasks / include_role: hands the content to run in the task's place to the runner. */
    void include(Included content);

    /** meta: flush_handlers / end_play / end_host / refresh_inventory. */
    PlayControl play();

    /** Play-level control for meta. */
    interface PlayControl {
        void flushHandlers();

        void endPlay();

        void endHost(String host);

        /** meta: clear_host_errors: the hosts of the play that failed take part again. */
        void clearHostErrors();
    }
}
