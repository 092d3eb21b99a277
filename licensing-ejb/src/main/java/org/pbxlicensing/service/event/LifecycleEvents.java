package org.pbxlicensing.service.event;

import java.time.Instant;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.event.LifecycleEvent;
import org.pbxlicensing.domain.license.License;

/** The events of licenses and bindings, told the way the wire names their sources and actors. */
public final class LifecycleEvents {

    private LifecycleEvents() {
    }

    public static LifecycleEvent licenseCreated(String registrationNumber, License license, Instant now) {
        return LifecycleEvent.licenseCreated(registrationNumber, license.feature().number(), license.kind().name(),
                license.seats(), license.endsAt(), source(license), now);
    }

    /** A trial, whatever started it (registration, first activation, first session, the portal), is a {@code TRIAL}. */
    static String source(License license) {
        return switch (license.source()) {
            case COUPON -> "COUPON";
            case STAFF -> "STAFF";
            case REGISTRATION, ACTIVATION, CAPTURE, PORTAL -> "TRIAL";
        };
    }

    /** Staff in the admin area release as {@code STAFF}; the customer's PBX, scripts and portal as {@code CUSTOMER}. */
    public static String releasedBy(ActorType actor) {
        return actor == ActorType.ADMIN ? "STAFF" : "CUSTOMER";
    }
}
