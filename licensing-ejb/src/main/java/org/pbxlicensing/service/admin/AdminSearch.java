package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @Inject
    AdminSearchQueries queries;

    @Inject
    LicensingSettings settings;

    @Inject
    @ConfigProperty(name = "licensing.coupon.prefix", defaultValue = "MIKOUPD")
    String couponPrefix;

    public long countRegistrations(String text) {
        return queries.countOf(registrationMatches(new SearchText(text)));
    }

    public List<Registration> registrations(String text, int offset, int limit) {
        List<Long> ids = queries.pageOf(registrationMatches(new SearchText(text)), offset, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        return queries.registrationsByIds(ids);
    }

    public long countCoupons(String text) {
        return queries.countOf(couponMatches(new SearchText(text)));
    }

    public List<CouponMatch> coupons(String text, int offset, int limit) {
        List<Long> ids = queries.pageOf(couponMatches(new SearchText(text)), offset, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        return queries.couponMatchesByIds(ids);
    }

    public long countInstallations(String text) {
        return new SearchText(text).hexStart().map(queries::countInstallationsStartingWith).orElse(0L);
    }

    public List<InstallationMatch> installations(String text, int offset, int limit) {
        var start = new SearchText(text).hexStart();
        if (start.isEmpty() || offset >= MAX_MATCHES_PER_INDEX) {
            return List.of();
        }
        return queries.installationsStartingWith(start.get(), offset, limit);
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
