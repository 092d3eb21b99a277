package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.licensev2.Installation;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.search.SearchText;
import org.pbxlicensing.infrastructure.config.LicensingSettings;

/**
 * The admin area's one search box: registrations (number, company, email), coupons (code) and
 * LicenseV2 installations (id), each kind counted and paged on its own. Every lookup is an index
 * range scan (migration V32 lists which index answers which text); host bindings are found by
 * {@link BindingSearch}.
 */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class AdminSearch {

    public static final int MAX_MATCHES_PER_INDEX = 1000;

    private static final String[] CODE_GROUP_SUFFIXES = {"_from_group1", "_from_group2", "_from_group3"};

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    LicensingSettings settings;

    @Inject
    @ConfigProperty(name = "licensing.coupon.prefix", defaultValue = "MIKOUPD")
    String couponPrefix;

    public long countRegistrations(String text) {
        return registrationMatches(new SearchText(text)).count(em);
    }

    public List<Registration> registrations(String text, int offset, int limit) {
        List<Long> ids = registrationMatches(new SearchText(text)).page(em, offset, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from Registration r where r.id in :ids order by r.id desc", Registration.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    public long countCoupons(String text) {
        return couponMatches(new SearchText(text)).count(em);
    }

    public List<CouponMatch> coupons(String text, int offset, int limit) {
        List<Long> ids = couponMatches(new SearchText(text)).page(em, offset, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select c, r from Coupon c join fetch c.batch
                        left join Registration r on r.id = c.activatedRegistrationId
                        where c.id in :ids order by c.id desc""", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(row -> new CouponMatch((Coupon) row[0], (Registration) row[1]))
                .toList();
    }

    public long countInstallations(String text) {
        return new SearchText(text).hexStart().map(start -> ((Number) em.createNativeQuery("""
                        SELECT COUNT(*) FROM (SELECT install_id FROM licensev2_installation
                                              WHERE install_id LIKE ?1 ORDER BY install_id LIMIT %d) m"""
                        .formatted(MAX_MATCHES_PER_INDEX))
                .setParameter(1, start + "%").getSingleResult()).longValue()).orElse(0L);
    }

    public List<InstallationMatch> installations(String text, int offset, int limit) {
        var start = new SearchText(text).hexStart();
        if (start.isEmpty() || offset >= MAX_MATCHES_PER_INDEX) {
            return List.of();
        }
        return em.createQuery("""
                        select i, r from Installation i, Registration r
                        where r.id = i.registrationId and i.installId like :start order by i.installId""", Object[].class)
                .setParameter("start", start.get() + "%")
                .setFirstResult(Math.max(offset, 0))
                .setMaxResults(Math.min(Math.max(limit, 1), 200))
                .getResultStream()
                .map(row -> new InstallationMatch((Installation) row[0], (Registration) row[1]))
                .toList();
    }

    private IndexedMatches registrationMatches(SearchText text) {
        var matches = new IndexedMatches("registration");
        if (text.isEmpty()) {
            return matches;
        }
        text.codePart(settings.registrationNumbers().prefix()).ifPresent(part -> codeLookups(matches, "number", part));
        return matches.words("company, email", text.wordsQuery())
                .like("company", text.startPattern())
                .like("email", text.startPattern());
    }

    private IndexedMatches couponMatches(SearchText text) {
        var matches = new IndexedMatches("coupon");
        text.codePart(couponPrefix).ifPresent(part -> codeLookups(matches, "code", part));
        return matches;
    }

    /** A part typed with the prefix starts the code; otherwise it may start any of its groups. */
    private static void codeLookups(IndexedMatches matches, String column, SearchText.CodePart part) {
        int groups = part.fromStart() ? 1 : CODE_GROUP_SUFFIXES.length;
        for (int group = 0; group < groups; group++) {
            matches.like(column + CODE_GROUP_SUFFIXES[group], part.startPattern());
        }
    }
}
