package org.pbxlicensing.domain.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.registration.Registration;

/**
 * A mail to send, written in the transaction of the change it reports, so that it exists if and only
 * if that change committed. Its text is composed when it is sent, from the rows it refers to, so the
 * outbox holds no registration number of its own.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    private static final int MAX_ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MailKind kind;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(name = "registration_id", updatable = false)
    private Long registrationId;

    /** The license a mail about a license's end tells of. */
    @Column(name = "license_id", updatable = false)
    private Long licenseId;

    /** The binding a mail about a released binding tells of. */
    @Column(name = "binding_id", updatable = false)
    private Long bindingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    /** Null for a new mail: due at once, whatever the clock of the request that wrote it. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** What a staff notice is about (a webhook endpoint's URL); null for customers' mails. */
    @Column(updatable = false)
    private String about;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected OutboxMail() {
    }

    private OutboxMail(MailKind kind, String recipient, String language, Long registrationId, Instant now) {
        this.kind = kind;
        this.recipient = recipient;
        this.language = language;
        this.registrationId = registrationId;
        this.status = MailStatus.PENDING;
        this.createdAt = now;
    }

    /** The registration number of a new registration, to its email, in its language. */
    public static OutboxMail welcome(Registration registration, Instant now) {
        return new OutboxMail(MailKind.WELCOME, registration.email(), registration.language(), registration.id(), now);
    }

    /** A trial or term license ends soon, to its registration's email, in its language. */
    public static OutboxMail licenseExpiring(Registration registration, License license, Instant now) {
        OutboxMail mail = new OutboxMail(MailKind.LICENSE_EXPIRING, registration.email(), registration.language(),
                registration.id(), now);
        mail.licenseId = license.id();
        return mail;
    }

    /** A trial or term license has ended, to its registration's email, in its language. */
    public static OutboxMail licenseExpired(Registration registration, License license, Instant now) {
        OutboxMail mail = new OutboxMail(MailKind.LICENSE_EXPIRED, registration.email(), registration.language(),
                registration.id(), now);
        mail.licenseId = license.id();
        return mail;
    }

    /** A silent host's binding was released, to its registration's email, in its language. */
    public static OutboxMail silentHostReleased(Registration registration, HostBinding binding, Instant now) {
        OutboxMail mail = new OutboxMail(MailKind.SILENT_HOST_RELEASED, registration.email(),
                registration.language(), registration.id(), now);
        mail.bindingId = binding.id();
        return mail;
    }

    /** The registration numbers of an email, if it has any, in the language of whoever asked. */
    public static OutboxMail registrationReminder(String email, String language, Instant now) {
        return new OutboxMail(MailKind.REGISTRATION_REMINDER, Registration.normalizedEmail(email), language, null,
                now);
    }

    /** Tells staff that a webhook endpoint was disabled after failing for the whole retry window. */
    public static OutboxMail webhookDisabled(String staffEmail, String endpointUrl, Instant now) {
        OutboxMail mail = new OutboxMail(MailKind.WEBHOOK_DISABLED, staffEmail.strip(), "ru", null, now);
        mail.about = endpointUrl;
        return mail;
    }

    /** Delivered: the mail is done with. */
    public void sent(Instant now) {
        attempts++;
        finish(MailStatus.SENT, null, now);
    }

    /** Not sent on purpose, for the reason given. */
    public void skipped(String reason, Instant now) {
        finish(MailStatus.SKIPPED, reason, now);
    }

    /** The SMTP server failed: tried again later, or given up after {@link RetrySchedule#MAX_ATTEMPTS}. */
    public void attemptFailed(String error, Instant now) {
        attempts++;
        var delay = RetrySchedule.delayAfter(attempts);
        if (delay.isPresent()) {
            nextAttemptAt = now.plus(delay.get());
            lastError = shortened(error);
            release();
        } else {
            finish(MailStatus.FAILED, error, now);
        }
    }

    /** The SMTP server refused the mail for good (e.g. the address): no use trying again. */
    public void refused(String error, Instant now) {
        attempts++;
        finish(MailStatus.FAILED, error, now);
    }

    public boolean isClaimedBy(String node) {
        return node.equals(claimedBy);
    }

    private void finish(MailStatus outcome, String reason, Instant now) {
        status = outcome;
        finishedAt = now;
        nextAttemptAt = null;
        lastError = shortened(reason);
        release();
    }

    private void release() {
        claimedBy = null;
        claimedUntil = null;
    }

    private static String shortened(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    public Long id() {
        return id;
    }

    public MailKind kind() {
        return kind;
    }

    public String recipient() {
        return recipient;
    }

    public String language() {
        return language;
    }

    public Long registrationId() {
        return registrationId;
    }

    public Long licenseId() {
        return licenseId;
    }

    public Long bindingId() {
        return bindingId;
    }

    public MailStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String lastError() {
        return lastError;
    }

    public String about() {
        return about;
    }
}
