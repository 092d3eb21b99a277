package org.pbxlicensing.web.admin;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** A lazy table over a service that counts and pages in the database; row keys are the rows' ids. */
class PagedQuery<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    private final transient LongSupplier count;
    private final transient BiFunction<Integer, Integer, List<T>> page;
    private final transient Function<T, Object> id;

    private PagedQuery(LongSupplier count, BiFunction<Integer, Integer, List<T>> page, Function<T, Object> id) {
        this.count = count;
        this.page = page;
        this.id = id;
    }

    /** A table that counts its rows with {@code count} and reads a page with {@code page(offset, limit)}. */
    static <T> PagedQuery<T> of(LongSupplier count, BiFunction<Integer, Integer, List<T>> page, Function<T, Object> id) {
        return new PagedQuery<>(count, page, id);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, count.getAsLong());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return page.apply(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(id.apply(row));
    }
}
