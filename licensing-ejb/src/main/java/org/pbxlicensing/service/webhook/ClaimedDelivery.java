package org.pbxlicensing.service.webhook;

/** A delivery this node may send now, with what the call needs: where, the fixed id and body, the sealed secret. */
public record ClaimedDelivery(long id, String webhookId, String body, String url, String sealedSecret) {
}
