package org.pbxlicensing.service.webhook;

/**
 * What became of one call: the HTTP status (null when no answer came), the first KiB of the answer,
 * or why no call was made or no answer came.
 */
public record WebhookCall(Integer statusCode, String answer, String error, long millis) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    static WebhookCall refused(String why) {
        return new WebhookCall(null, null, why, 0);
    }
}
