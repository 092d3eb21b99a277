package org.pbxlicensing.service.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.registration.LoginLink;
import org.pbxlicensing.domain.registration.LoginLinkToken;
import org.pbxlicensing.domain.registration.Registration;

/** The statements on mailed login links, and the registrations a link's email reaches. */
@ApplicationScoped
public class LoginLinkQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public Optional<LoginLink> linkOf(LoginLinkToken token) {
        return em.createQuery("select l from LoginLink l where l.tokenDigest = :digest", LoginLink.class)
                .setParameter("digest", token.digest())
                .getResultStream()
                .findFirst();
    }

    /**
     * Spends the link if it is unused and not expired: of two uses at once exactly one changes the row.
     *
     * @return whether this caller spent it
     */
    public boolean spend(LoginLinkToken token, Instant now) {
        return em.createQuery("""
                        update LoginLink l set l.usedAt = :now
                        where l.tokenDigest = :digest and l.usedAt is null and l.expiresAt > :now""")
                .setParameter("now", now)
                .setParameter("digest", token.digest())
                .executeUpdate() != 0;
    }

    public void forgetLinksExpiredBefore(Instant before) {
        em.createQuery("delete from LoginLink l where l.expiresAt < :before")
                .setParameter("before", before)
                .executeUpdate();
    }

    /** @param normalizedEmail as {@link Registration#normalizedEmail} gives it */
    public List<Registration> registrationsWithEmail(String normalizedEmail) {
        return em.createQuery("select r from Registration r where r.email = :email", Registration.class)
                .setParameter("email", normalizedEmail)
                .getResultList();
    }

    /** Registrations whose email is at the mail domain. */
    public List<Registration> registrationsAtDomain(String domain) {
        return em.createQuery("select r from Registration r where r.email like :domain escape '!'",
                        Registration.class)
                .setParameter("domain", "%@" + domain.replace("!", "!!").replace("%", "!%").replace("_", "!_"))
                .getResultList();
    }
}
