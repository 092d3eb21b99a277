package org.pbxlicensing.domain.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One event for one endpoint, written in the transaction of the change it tells about, so that it
 * exists if and only if that change committed. It gets its endpoint's sequence number after that
 * commit, before it is first sent ({@link #number}); from then on its body is fixed, and every retry
 * sends the same bytes under the same {@code webhook-id}. A node that wants to send it first
 * claims it ({@code claimedBy}, {@code claimedUntil}), so that two nodes never send it together.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private String webhookId;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private long endpointId;

    /** Null until numbered after its change committed. */
    private Long sequence;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "registration_number", updatable = false)
    private String registrationNumber;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    /** Null for a new delivery: due at once, whatever the clock of the request that wrote it. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(long endpointId, String eventType, String registrationNumber, String body, Instant now) {
        this.webhookId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        this.endpointId = endpointId;
        this.eventType = eventType;
        this.registrationNumber = registrationNumber;
        this.body = body;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
    }

    /** Its place among its endpoint's events, which the body then carries; given once. */
    public void number(long sequence) {
        if (this.sequence != null) {
            throw new IllegalStateException("delivery " + id + " is numbered already");
        }
        this.sequence = sequence;
        this.body = WebhookPayload.numbered(body, sequence);
    }

    /** Answered 2xx: done. */
    public void delivered(int statusCode, Instant now) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = null;
        status = DeliveryStatus.DELIVERED;
        finishedAt = now;
        release();
    }

    /**
     * Not answered 2xx (or refused before the call): tried again after the back-off, or given up
     * once the retry window has passed.
     *
     * @return true when the delivery was given up
     */
    public boolean attemptFailed(Integer statusCode, String error, Instant now, double random) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        Optional<Instant> next = WebhookRetrySchedule.nextAttempt(createdAt, attempts, now, random);
        release();
        if (next.isPresent()) {
            nextAttemptAt = next.get();
            return false;
        }
        status = DeliveryStatus.FAILED;
        finishedAt = now;
        return true;
    }

    /** Staff asked for it again: due at once, with the same id and body. */
    public void resend() {
        status = DeliveryStatus.PENDING;
        nextAttemptAt = null;
        finishedAt = null;
        release();
    }

    public boolean isClaimedBy(String node) {
        return node.equals(claimedBy);
    }

    private void release() {
        claimedBy = null;
        claimedUntil = null;
    }

    public Long id() {
        return id;
    }

    public String webhookId() {
        return webhookId;
    }

    public long endpointId() {
        return endpointId;
    }

    /** Empty until it is numbered, shortly after its change committed. */
    public Optional<Long> sequence() {
        return Optional.ofNullable(sequence);
    }

    public String eventType() {
        return eventType;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    public String body() {
        return body;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer lastStatusCode() {
        return lastStatusCode;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
