package meshplay.engine.template;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Java properties and methods of plain objects (records, beans, strings), for access the Python forms do
 * not cover. What could reach beyond the values themselves is refused: classes and class loaders,
 * reflection, method handles, processes, the runtime, the system and threads, whether as the object, the
 * method's declared result or the value it returned.
 */
final class Reflect {
    /** Types a template never touches. Their subclasses and the reflection packages are refused too. */
    private static final List<Class<?>> FORBIDDEN = List.of(Class.class, ClassLoader.class, Module.class, ModuleLayer.class,
        Runtime.class, Process.class, ProcessBuilder.class, ProcessHandle.class, System.class, Thread.class,
        ThreadGroup.class, StackWalker.class);
    private static final List<String> FORBIDDEN_PACKAGES = List.of("java.lang.reflect", "java.lang.invoke");

    private Reflect() {
    }

    static Object property(Object obj, String name, String path) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {name, "get" + cap, "is" + cap}) {
            try {
                Method m = accessible(obj.getClass(), obj.getClass().getMethod(candidate));
                if (m != null && m.getReturnType() != void.class) {
                    allowed(obj, m, null);
                    return allowed(obj, m, m.invoke(obj));
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            } catch (ReflectiveOperationException e) {
                throw new TemplateTypeException("reading '" + path + "." + name + "' failed: " + rootMessage(e));
            }
        }
        throw new UndefinedException(path + "." + name,
            "'" + path + "' (" + Ops.typeName(obj) + ") has no attribute '" + name + "'");
    }

    /** Calls a public method by name and argument count, converting numbers to the declared parameter types. */
    static Object invoke(Object obj, String name, List<Object> args) {
        if (obj == null) throw new TemplateTypeException("cannot call '" + name + "()' on None");
        for (Method m : obj.getClass().getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != args.size()) continue;
            Object[] converted = convert(m.getParameterTypes(), args);
            Method callable = converted == null ? null : accessible(obj.getClass(), m);
            if (callable == null) continue;
            allowed(obj, callable, null);
            Object result;
            try {
                result = callable.invoke(obj, converted);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new TemplateTypeException("calling " + name + "() on " + Ops.typeName(obj) + " failed: " + rootMessage(e));
            }
            return allowed(obj, callable, result);
        }
        throw new TemplateTypeException(Ops.typeName(obj) + " has no method '" + name + "' taking " + args.size()
            + (args.size() == 1 ? " argument" : " arguments"));
    }

    /** The result, when neither the object, the method nor the result reaches beyond plain values; else a template error. */
    private static Object allowed(Object obj, Method m, Object result) {
        if (forbidden(obj.getClass()) || forbidden(m.getReturnType()) || forbidden(m.getDeclaringClass())
            || m.getName().equals("getClass") || (result != null && forbidden(result.getClass()))) {
            throw new TemplateTypeException("'" + m.getName() + "' cannot be used in a template: templates cannot reach Java"
                + " classes, reflection, processes, threads or the system (see README, Security)");
        }
        return result;
    }

    private static boolean forbidden(Class<?> type) {
        Class<?> t = type;
        while (t.isArray()) t = t.getComponentType();
        for (Class<?> f : FORBIDDEN) if (f.isAssignableFrom(t)) return true;
        return FORBIDDEN_PACKAGES.contains(t.getPackageName());
    }

    /**
     * The same method as declared by a public class or interface, so that it can be called without
     * opening modules (List.of(...) is a private class; List.size() is public).
     */
    private static Method accessible(Class<?> type, Method m) {
        if (type == null) return null;
        if (Modifier.isPublic(type.getModifiers()) && type.getModule().isExported(type.getPackageName())) {
            try {
                return type.getMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
        for (Class<?> i : type.getInterfaces()) {
            Method found = accessible(i, m);
            if (found != null) return found;
        }
        return accessible(type.getSuperclass(), m);
    }

    private static Object[] convert(Class<?>[] types, List<Object> args) {
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Object a = args.get(i);
            Class<?> t = types[i];
            if (a instanceof Number n) {
                if (t == int.class || t == Integer.class) a = n.intValue();
                else if (t == long.class || t == Long.class) a = n.longValue();
                else if (t == double.class || t == Double.class) a = n.doubleValue();
            }
            if (a instanceof String s && (t == char.class || t == Character.class) && s.length() == 1) a = s.charAt(0);
            if (a == null ? t.isPrimitive() : !box(t).isInstance(a)) return null;
            out[i] = a;
        }
        return out;
    }

    private static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) return t;
        if (t == int.class) return Integer.class;
        if (t == long.class) return Long.class;
        if (t == double.class) return Double.class;
        if (t == boolean.class) return Boolean.class;
        if (t == char.class) return Character.class;
        if (t == float.class) return Float.class;
        if (t == short.class) return Short.class;
        return Byte.class;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
