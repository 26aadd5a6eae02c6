package org.videogov.sharing.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A filtered, paged list in prepared SQL on the reactive pool: conditions with positional parameters
 * ({@code $1}, {@code $2}, ...), then how many rows match in all and one page of them.
 */
final class PagedQuery {

    /** The rows of one page and the count of every row the conditions match. */
    record Result(List<Row> rows, long total) {
    }

    private final List<Object> params = new ArrayList<>();
    private final StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");

    /** Adds {@code sql} followed by the parameter's number ({@code "subject = $"}) when the value is present. */
    PagedQuery when(String sql, Optional<?> value) {
        value.ifPresent(v -> where.add(sql + param(v)));
        return this;
    }

    /** Adds a parameter and returns its number, for a condition that uses it more than once. */
    int param(Object value) {
        params.add(value);
        return params.size();
    }

    /** Adds a condition whose parameters were added with {@link #param}. */
    PagedQuery and(String condition) {
        where.add(condition);
        return this;
    }

    /**
     * Counts the matching rows of {@code table}, then reads {@code limit} of them from {@code offset} on
     * with {@code columns}, in {@code order}.
     */
    Uni<Result> run(Pool pool, String columns, String table, String order, int offset, int limit) {
        String conditions = where.toString();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((long) limit);
        pageParams.add((long) offset);
        String page = "select " + columns + " from " + table + conditions + " order by " + order + " limit $"
                + (params.size() + 1) + " offset $" + (params.size() + 2);
        return pool.preparedQuery("select count(*) from " + table + conditions).execute(Tuple.tuple(params))
                .map(rows -> rows.iterator().next().getLong(0))
                .flatMap(total -> pool.preparedQuery(page).execute(Tuple.tuple(pageParams)).map(rows -> {
                    List<Row> list = new ArrayList<>(rows.size());
                    rows.forEach(list::add);
                    return new Result(list, total);
                }));
    }
}
