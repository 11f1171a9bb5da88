package meshplay.modules.packaging;

import java.nio.file.Path;
import java.util.Map;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.Connection;
import meshplay.engine.module.Args;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.yaml.Origin;

/** A task's context with other arguments, for a module that hands its work to another one (package to apt). */
final class DelegatedContext implements ModuleContext {
    private final ModuleContext task;
    private final Args args;

    DelegatedContext(ModuleContext task, Args args) {
        this.task = task;
        this.args = args;
    }

    @Override
    public Args args() {
        return args;
    }

    @Override
    public Connection connection() {
        return task.connection();
    }

    @Override
    public String host() {
        return task.host();
    }

    @Override
    public boolean checkMode() {
        return task.checkMode();
    }

    @Override
    public boolean diffMode() {
        return task.diffMode();
    }

    @Override
    public Origin origin() {
        return task.origin();
    }

    @Override
    public Become become() {
        return task.become();
    }

    @Override
    public Map<String, String> environment() {
        return task.environment();
    }

    @Override
    public Map<String, Object> vars() {
        return task.vars();
    }

    @Override
    public Object evaluate(String expression) {
        return task.evaluate(expression);
    }

    @Override
    public String renderTemplate(String text) {
        return task.renderTemplate(text);
    }

    @Override
    public Path controllerFile(String relative, String kind) throws ModuleFailure {
        return task.controllerFile(relative, kind);
    }

    @Override
    public byte[] readControllerFile(Path file, boolean decrypt) throws Exception {
        return task.readControllerFile(file, decrypt);
    }
}
