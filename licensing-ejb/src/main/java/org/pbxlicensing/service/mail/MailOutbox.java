package org.pbxlicensing.service.mail;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.mail.MailKind;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * The outbox table. A mail is queued in the transaction of the change it reports; a node that wants
 * to send it first claims it with a conditional update, so that two nodes never send it together,
 * and a claim left by a node that died lapses after {@link #CLAIM_LEASE}.
 */
@Stateless
public class MailOutbox {

    static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    static final Duration RETENTION = Duration.ofDays(30);
    /** This node, as long as it runs; a restarted node is another claimant. */
    static final String NODE = System.getProperty("jboss.node.name", "node") + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    MailQueries queries;

    @Inject
    ServerClock clock;

    @Inject
    Event<MailQueued> queued;

    /** Written only if the caller's transaction commits; sent after that commit. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void queue(OutboxMail mail) {
        em.persist(mail);
        queued.fire(new MailQueued(mail.id()));
    }

    /** Mails due now that no node holds, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due(int limit) {
        return queries.dueMailIds(clock.now(), limit);
    }

    /** The mail and what it tells, if it is due and this node won it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ClaimedMail> claim(long id) {
        Instant now = clock.now();
        if (!queries.claimDue(id, NODE, now.plus(CLAIM_LEASE), now)) {
            return Optional.empty();
        }
        OutboxMail mail = em.find(OutboxMail.class, id);
        return Optional.of(new ClaimedMail(mail, registrationsOf(mail), trialEndOf(mail),
                mail.licenseId() == null ? null : em.find(License.class, mail.licenseId()),
                mail.bindingId() == null ? null : em.find(HostBinding.class, mail.bindingId())));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(long id) {
        update(id, mail -> mail.sent(clock.now()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void skipped(long id, String reason) {
        update(id, mail -> mail.skipped(reason, clock.now()));
    }

    /** @return the mail after the failure, to tell when it is tried again */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OutboxMail attemptFailed(long id, String error) {
        return update(id, mail -> mail.attemptFailed(error, clock.now()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(long id, String error) {
        update(id, mail -> mail.refused(error, clock.now()));
    }

    @Schedule(hour = "*", minute = "43", persistent = false)
    void forgetFinishedMails() {
        queries.forgetFinishedBefore(clock.now().minus(RETENTION));
    }

    /** Only while this node still holds the claim: a lapsed claim belongs to whoever took it next. */
    private OutboxMail update(long id, Consumer<OutboxMail> change) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail != null && mail.isClaimedBy(NODE)) {
            change.accept(mail);
        }
        return mail;
    }

    /** The end of the trial a welcome mail's registration started with, if it has one. */
    private Instant trialEndOf(OutboxMail mail) {
        if (mail.kind() != MailKind.WELCOME) {
            return null;
        }
        return queries.firstTrialEndOf(mail.registrationId()).orElse(null);
    }

    private List<Registration> registrationsOf(OutboxMail mail) {
        if (mail.registrationId() != null) {
            return Optional.ofNullable(em.find(Registration.class, mail.registrationId())).stream().toList();
        }
        return queries.registrationsAddressedTo(mail.recipient());
    }
}
