package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * fabric8's models do not refuse a field they do not know: Jackson's any-setter keeps it in the
 * object's additionalProperties (a misspelt `readinesProbe` would be kept there, and silently ignored
 * by the API server's older versions or refused by a newer one). This walks a parsed object through
 * its getters and fails on the first non-empty additionalProperties, naming the path.
 */
final class StrictModel {

    private StrictModel() {
    }

    static void assertNoUnknownFields(Object object, String where) {
        walk(object, where, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Object value, String path, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, seen));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    fail(path + " (" + value.getClass().getSimpleName() + ") has fields its model does not know: "
                            + extra.keySet());
                }
                continue;
            }
            walk(child, path + "." + property(getter.getName()), seen);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " of " + target.getClass(), e);
        }
    }

    private static String property(String getterName) {
        return Character.toLowerCase(getterName.charAt(3)) + getterName.substring(4);
    }
}
