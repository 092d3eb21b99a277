package org.pbxlicensing.service.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.licensev2.Installation;
import org.pbxlicensing.domain.registration.Registration;

/**
 * The statements of the admin area's searches: the indexed lookups that find ids, and the reads of
 * the rows of a page. Pages hold at most 200 rows.
 */
@ApplicationScoped
public class AdminSearchQueries {

    private static final String REGISTRATIONS_MATCHING = """
            FROM registration r
            WHERE ?1 = '' OR r.number = ?2 OR r.email = ?1 OR r.company LIKE ?3
               OR r.id IN (SELECT b.registration_id FROM host_binding b WHERE b.host_id = ?1)""";

    private static final String BINDINGS_STARTING_WITH = """
            FROM ((SELECT id FROM host_binding WHERE host_id LIKE ?1 ORDER BY host_id LIMIT %1$d)
                  UNION (SELECT id FROM host_binding WHERE host_name LIKE ?1 ORDER BY host_name LIMIT %1$d)
                  UNION (SELECT id FROM host_binding WHERE ip LIKE ?1 ORDER BY ip LIMIT %1$d)) b"""
            .formatted(BindingSearch.MAX_MATCHES_PER_COLUMN);

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** How many distinct ids the lookups find. */
    public long countOf(IndexedMatches matches) {
        if (matches.isEmpty()) {
            return 0;
        }
        String count = "SELECT COUNT(*) FROM (" + matches.union() + ") m";
        return ((Number) bind(em.createNativeQuery(count), matches).getSingleResult()).longValue();
    }

    /** A page of the ids the lookups find, newest (highest) first. */
    public List<Long> pageOf(IndexedMatches matches, int offset, int limit) {
        if (matches.isEmpty()) {
            return List.of();
        }
        int at = matches.parameters().size();
        String page = "SELECT m.id FROM (" + matches.union() + ") m ORDER BY m.id DESC LIMIT ?" + (at + 1)
                + " OFFSET ?" + (at + 2);
        List<?> ids = bind(em.createNativeQuery(page), matches)
                .setParameter(at + 1, pageSize(limit))
                .setParameter(at + 2, Math.max(offset, 0))
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** The registrations, newest first. */
    public List<Registration> registrationsByIds(List<Long> ids) {
        return em.createQuery("select r from Registration r where r.id in :ids order by r.id desc", Registration.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The coupons, newest first, each with the registration it was activated on. */
    public List<CouponMatch> couponMatchesByIds(List<Long> ids) {
        return em.createQuery("""
                        select c, r from Coupon c join fetch c.batch
                        left join Registration r on r.id = c.activatedRegistrationId
                        where c.id in :ids order by c.id desc""", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(row -> new CouponMatch((Coupon) row[0], (Registration) row[1]))
                .toList();
    }

    /** How many installation ids start with the text, counted up to the index's cap. */
    public long countInstallationsStartingWith(String start) {
        return ((Number) em.createNativeQuery("""
                        SELECT COUNT(*) FROM (SELECT install_id FROM licensev2_installation
                                              WHERE install_id LIKE ?1 ORDER BY install_id LIMIT %d) m"""
                        .formatted(AdminSearch.MAX_MATCHES_PER_INDEX))
                .setParameter(1, start + "%").getSingleResult()).longValue();
    }

    /** Installations whose id starts with the text, by id, each with its registration. */
    public List<InstallationMatch> installationsStartingWith(String start, int offset, int limit) {
        return em.createQuery("""
                        select i, r from Installation i, Registration r
                        where r.id = i.registrationId and i.installId like :start order by i.installId""", Object[].class)
                .setParameter("start", start + "%")
                .setFirstResult(Math.max(offset, 0))
                .setMaxResults(pageSize(limit))
                .getResultStream()
                .map(row -> new InstallationMatch((Installation) row[0], (Registration) row[1]))
                .toList();
    }

    /**
     * Registrations with the typed text as email or bound host id, the number (empty when the text is
     * none), or a company starting with the LIKE prefix; every registration for an empty text.
     */
    public long countRegistrationsMatching(String typed, String number, String companyPrefix) {
        return ((Number) bindRegistrationText(em.createNativeQuery("SELECT COUNT(*) " + REGISTRATIONS_MATCHING),
                typed, number, companyPrefix).getSingleResult()).longValue();
    }

    /** A page of {@link #countRegistrationsMatching}'s registrations, newest first. */
    @SuppressWarnings("unchecked")
    public List<Registration> registrationsMatching(String typed, String number, String companyPrefix, int offset,
            int limit) {
        return bindRegistrationText(em.createNativeQuery(
                        "SELECT r.* " + REGISTRATIONS_MATCHING + " ORDER BY r.id DESC LIMIT ?4 OFFSET ?5",
                        Registration.class), typed, number, companyPrefix)
                .setParameter(4, pageSize(limit))
                .setParameter(5, Math.max(offset, 0))
                .getResultList();
    }

    /** How many bindings have a host id, host name or IP starting with the LIKE prefix (each capped). */
    public long countBindingsStartingWith(String prefix) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) " + BINDINGS_STARTING_WITH).setParameter(1, prefix)
                .getSingleResult()).longValue();
    }

    /** A page of {@link #countBindingsStartingWith}'s bindings, newest first, each with its registration. */
    public List<BindingMatch> bindingsStartingWith(String prefix, int offset, int limit) {
        List<?> ids = em.createNativeQuery(
                        "SELECT b.id " + BINDINGS_STARTING_WITH + " ORDER BY b.id DESC LIMIT ?2 OFFSET ?3")
                .setParameter(1, prefix)
                .setParameter(2, pageSize(limit))
                .setParameter(3, Math.max(offset, 0))
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select b, r from HostBinding b, Registration r
                        where r.id = b.registrationId and b.id in :ids order by b.id desc""", Object[].class)
                .setParameter("ids", ids.stream().map(id -> ((Number) id).longValue()).toList())
                .getResultStream()
                .map(row -> new BindingMatch((HostBinding) row[0], (Registration) row[1]))
                .toList();
    }

    private static int pageSize(int limit) {
        return Math.min(Math.max(limit, 1), 200);
    }

    private static Query bind(Query query, IndexedMatches matches) {
        List<Object> parameters = matches.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static Query bindRegistrationText(Query query, String typed, String number, String companyPrefix) {
        return query.setParameter(1, typed).setParameter(2, number).setParameter(3, companyPrefix);
    }
}
