package org.pbxlicensing.domain.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One call of an endpoint, as staff see it: when, the HTTP status (none when no answer came), and
 * the beginning of the answer or the error.
 */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    public static final int MAX_ANSWER_BYTES = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false, updatable = false)
    private long deliveryId;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    @Column(name = "status_code", updatable = false)
    private Integer statusCode;

    @Column(updatable = false)
    private String answer;

    @Column(updatable = false)
    private String error;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMillis;

    @Column(nullable = false, updatable = false)
    private String node;

    protected WebhookAttempt() {
    }

    public WebhookAttempt(long deliveryId, Instant attemptedAt, Integer statusCode, String answer, String error,
            long durationMillis, String node) {
        this.deliveryId = deliveryId;
        this.attemptedAt = attemptedAt;
        this.statusCode = statusCode;
        this.answer = answer;
        this.error = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        this.durationMillis = durationMillis;
        this.node = node;
    }

    public Long id() {
        return id;
    }

    public long deliveryId() {
        return deliveryId;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public String answer() {
        return answer;
    }

    public String error() {
        return error;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public String node() {
        return node;
    }

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
