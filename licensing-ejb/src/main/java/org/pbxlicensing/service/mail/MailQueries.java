package org.pbxlicensing.service.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.mail.MailStatus;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.service.outbox.OutboxClaim;

/** The statements on the mail outbox, and what a mail reads of the registrations it tells about. */
@ApplicationScoped
public class MailQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** Mails due at {@code now} that no node holds, oldest first. */
    public List<Long> dueMailIds(Instant now, int limit) {
        return OutboxClaim.dueIds(em, OutboxMail.class, MailStatus.PENDING, now, limit);
    }

    /**
     * Claims the mail for the node until {@code until}, if it is due and no node holds it.
     *
     * @return whether the node won it
     */
    public boolean claimDue(long id, String node, Instant until, Instant now) {
        return OutboxClaim.claim(em, OutboxMail.class, MailStatus.PENDING, id, node, until, now, null);
    }

    public long pendingCount() {
        return em.createQuery("select count(m) from OutboxMail m where m.status = :pending", Long.class)
                .setParameter("pending", MailStatus.PENDING)
                .getSingleResult();
    }

    public void forgetFinishedBefore(Instant before) {
        em.createQuery("delete from OutboxMail m where m.status <> :pending and m.finishedAt < :before")
                .setParameter("pending", MailStatus.PENDING)
                .setParameter("before", before)
                .executeUpdate();
    }

    /** The end of the trial the registration started with, if it has one. */
    public Optional<Instant> firstTrialEndOf(long registrationId) {
        return em.createQuery("""
                        select l.endsAt from License l
                        where l.registration.id = :registration and l.source = :source and l.endsAt is not null
                        order by l.startsAt, l.id """, Instant.class)
                .setParameter("registration", registrationId)
                .setParameter("source", LicenseSource.REGISTRATION)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The registrations of the email, oldest first. */
    public List<Registration> registrationsAddressedTo(String email) {
        return em.createQuery("select r from Registration r where r.email = :email order by r.createdAt, r.id",
                        Registration.class)
                .setParameter("email", email)
                .getResultList();
    }
}
