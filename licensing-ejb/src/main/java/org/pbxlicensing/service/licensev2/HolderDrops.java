package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.licensev2.Installation;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;

/**
 * Holders of seats that staff or the customer drop: each goes to its installation in the
 * {@code drop} list of the next answer, once.
 */
@Stateless
public class HolderDrops {

    private static final Pattern REF = Pattern.compile("^[0-9a-fA-F]{16}$");

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    HolderDropQueries drops;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    /** Drops the holder {@code ref} of an installation of the registration, with the reason staff gave for the audit log. */
    public void drop(long registrationId, String installId, String ref, Actor actor, String reason) {
        if (ref == null || !REF.matcher(ref).matches()) {
            throw LicensingException.invalid("ref", FieldError.INVALID_FORMAT);
        }
        Installation installation = installId == null ? null : em.find(Installation.class, installId);
        if (installation == null || !Long.valueOf(registrationId).equals(installation.registrationId())) {
            throw new LicensingException(Failure.NOT_FOUND);
        }
        Instant now = clock.now();
        drops.requestDrop(installId, ref, now, actor.name());
        audit.record(actor, "HOLDER_DROPPED", registrationId, "host " + installation.hostId(),
                "holder " + ref + ", reason: " + reason);
    }

    /** Whether a drop waits for the installation, read without a lock or a transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean anyWaiting(String installId) {
        return drops.anyUndelivered(installId);
    }

    /** The drops not yet delivered, marked delivered: the caller puts them into the answer it signs. */
    public List<String> take(String installId) {
        List<String> refs = drops.undeliveredForUpdate(installId);
        if (!refs.isEmpty()) {
            drops.markDelivered(installId, clock.now());
        }
        return refs;
    }
}
