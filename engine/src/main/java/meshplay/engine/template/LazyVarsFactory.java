package meshplay.engine.template;

import org.mvel2.integration.VariableResolver;
import org.mvel2.integration.impl.BaseVariableResolverFactory;
import org.mvel2.integration.impl.SimpleValueResolver;

/**
 * MVEL variables over the render scope: YNode values are rendered when first read (see RenderScope),
 * plain values are returned unchanged. The evaluation context is the variable {@value JinjaTranslator#CTX}.
 */
final class LazyVarsFactory extends BaseVariableResolverFactory {
    private final RenderScope scope;

    LazyVarsFactory(RenderScope scope) {
        this.scope = scope;
    }

    /** Expressions cannot assign (the translator never writes "="); refuse rather than write into the variables. */
    @Override
    public VariableResolver createVariable(String name, Object value) {
        throw new TemplateTypeException("expressions cannot assign variables ('" + name + "')");
    }

    @Override
    public VariableResolver createVariable(String name, Object value, Class<?> type) {
        return createVariable(name, value);
    }

    @Override
    public boolean isTarget(String name) {
        return false;
    }

    /**
     * Every identifier in generated code is a variable, so every name resolves here: an undefined one
     * raises UndefinedException when read, and MVEL never falls back to Java class names.
     */
    @Override
    public boolean isResolveable(String name) {
        return true;
    }

    @Override
    public VariableResolver getVariableResolver(String name) {
        if (JinjaTranslator.CTX.equals(name)) return new SimpleValueResolver(scope.context);
        return new SimpleValueResolver(scope.lookup(name));
    }
}
