package org.videogov.common.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HQL condition and named parameters of a list filter, built from optional criteria, for
 * Panache's {@code find(query, sort, params)} and {@code count(query, params)}.
 */
public final class Where {

    private final StringBuilder hql = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code field = :field} when the value is present. */
    public Where eq(String field, Optional<?> value) {
        value.ifPresent(v -> and(field + " = :" + field).param(field, v));
        return this;
    }

    /** Adds a condition; its parameters are given with {@link #param}. */
    public Where and(String condition) {
        hql.append(" and (").append(condition).append(')');
        return this;
    }

    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Case-insensitive substring match in any of the fields; LIKE wildcards in the text are literal. */
    public Where containsText(Optional<String> text, String... fields) {
        text.ifPresent(t -> {
            StringBuilder any = new StringBuilder();
            for (String field : fields) {
                any.append(any.isEmpty() ? "" : " or ").append("lower(").append(field).append(") like :text escape '!'");
            }
            and(any.toString()).param("text",
                    "%" + t.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        });
        return this;
    }

    public String hql() {
        return hql.toString();
    }

    public Map<String, Object> params() {
        return params;
    }
}
