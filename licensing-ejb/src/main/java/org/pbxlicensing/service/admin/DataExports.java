package org.pbxlicensing.service.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.export.CsvLine;
import org.pbxlicensing.infrastructure.time.DatabaseTimes;
import org.pbxlicensing.service.audit.AuditLog;

/**
 * Writes an export as CSV while it reads it: pages of {@link #PAGE} rows by id, each written and
 * flushed before the next is read, so neither the server nor the database holds the whole set. Each
 * page is a statement of its own, outside a transaction, so a long download holds no locks. A finished
 * export is audited with its row count.
 */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT})
public class DataExports {

    static final int PAGE = 500;

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ExportQueries queries;

    @Resource
    SessionContext context;

    @Inject
    AuditLog audit;

    /** How many rows the export has now (rows added while it runs are written too). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long count(ExportKind kind) {
        requireRole(kind);
        return queries.rowCountOf(kind);
    }

    /**
     * Writes the header and every row to {@code out}, telling {@code written} the running count after
     * each page; returns the number of rows written.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long write(ExportKind kind, Writer out, LongConsumer written) {
        requireRole(kind);
        long rows = 0;
        long after = 0;
        try {
            out.write(CsvLine.of(Arrays.asList((Object[]) kind.header().split(","))));
            while (true) {
                List<Object[]> page = queries.rowsAfter(kind, after, PAGE);
                for (Object[] row : page) {
                    out.write(CsvLine.of(Arrays.stream(row).skip(1).map(DataExports::text).toList()));
                    after = ((Number) row[0]).longValue();
                }
                em.clear();
                rows += page.size();
                out.flush();
                written.accept(rows);
                if (page.size() < PAGE) {
                    return rows;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Times as ISO-8601 instants in UTC, like the coupon CSV's; everything else as it reads. */
    private static Object text(Object column) {
        Instant time = DatabaseTimes.instant(column);
        return time != null ? time : column;
    }

    public void audit(ExportKind kind, long rows, Actor staff) {
        audit.record(staff, "DATA_EXPORTED", null, "export " + kind.fileName(), "rows " + rows);
    }

    private void requireRole(ExportKind kind) {
        if (!context.isCallerInRole(kind.role().name())) {
            throw new EJBAccessException("Export " + kind.fileName() + " needs the role " + kind.role());
        }
    }
}
