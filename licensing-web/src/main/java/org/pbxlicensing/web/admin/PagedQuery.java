package org.pbxlicensing.web.admin;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** A lazy table over a service that counts and pages in the database; row keys are the rows' ids. */
class PagedQuery<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    interface Source<T> {
        long count();

        List<T> page(int offset, int limit);
    }

    private final transient Source<T> source;
    private final transient java.util.function.Function<T, Object> id;

    PagedQuery(Source<T> source, java.util.function.Function<T, Object> id) {
        this.source = source;
        this.id = id;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, source.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return source.page(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(id.apply(row));
    }
}
