package org.pbxlicensing.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of the system: who, when, what. Never updated, never deleted. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    private static final int MAX_DETAILS = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false, updatable = false)
    private ActorType actorType;

    @Column(updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "registration_id", updatable = false)
    private Long registrationId;

    @Column(name = "license_id", updatable = false)
    private Long licenseId;

    @Column(updatable = false)
    private String subject;

    @Column(updatable = false)
    private String details;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, Actor actor, String action, Long registrationId, String subject,
            String details) {
        this(occurredAt, actor, action, registrationId, null, subject, details);
    }

    /** An event about one license of the registration, found again in that license's history. */
    public AuditEvent(Instant occurredAt, Actor actor, String action, Long registrationId, Long licenseId,
            String subject, String details) {
        this.licenseId = licenseId;
        this.occurredAt = occurredAt;
        this.actorType = actor.type();
        this.actor = actor.name();
        this.clientAddress = actor.clientAddress();
        this.action = action;
        this.registrationId = registrationId;
        this.subject = subject;
        this.details = details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public ActorType actorType() {
        return actorType;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public Long registrationId() {
        return registrationId;
    }

    /** The license the event concerns, if it concerns one. */
    public Long licenseId() {
        return licenseId;
    }

    public String subject() {
        return subject;
    }

    public String details() {
        return details;
    }

    public String clientAddress() {
        return clientAddress;
    }
}
