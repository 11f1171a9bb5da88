package meshplay.engine.template;

import java.util.HashMap;
import java.util.Map;
import org.mvel2.integration.VariableResolver;
import org.mvel2.integration.impl.BaseVariableResolverFactory;
import org.mvel2.integration.impl.SimpleValueResolver;

/**
 * MVEL variables over the render scope: YNode values are rendered when first read (see RenderScope),
 * plain values are returned unchanged. The evaluation context is the variable {@value JinjaTranslator#CTX}.
 */
final class LazyVarsFactory extends BaseVariableResolverFactory {
    private final RenderScope scope;
    private final Map<String, Object> locals = new HashMap<>();

    LazyVarsFactory(RenderScope scope) {
        this.scope = scope;
    }

    @Override
    public VariableResolver createVariable(String name, Object value) {
        locals.put(name, value);
        return new SimpleValueResolver(value);
    }

    @Override
    public VariableResolver createVariable(String name, Object value, Class<?> type) {
        return createVariable(name, value);
    }

    @Override
    public boolean isTarget(String name) {
        return isResolveable(name);
    }

    @Override
    public boolean isResolveable(String name) {
        return JinjaTranslator.CTX.equals(name) || locals.containsKey(name) || scope.isDefined(name);
    }

    @Override
    public VariableResolver getVariableResolver(String name) {
        if (JinjaTranslator.CTX.equals(name)) return new SimpleValueResolver(scope.context);
        if (locals.containsKey(name)) return new SimpleValueResolver(locals.get(name));
        return new SimpleValueResolver(scope.lookup(name));
    }
}
