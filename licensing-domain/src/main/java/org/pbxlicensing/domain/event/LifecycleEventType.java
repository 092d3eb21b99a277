package org.pbxlicensing.domain.event;

/** What the vendor's systems are told about, with the name each event carries on the wire. */
public enum LifecycleEventType {
    REGISTRATION_CREATED("registration.created"),
    LICENSE_CREATED("license.created"),
    COUPON_ACTIVATED("coupon.activated"),
    BINDING_CREATED("binding.created"),
    BINDING_RELEASED("binding.released"),
    LICENSE_EXPIRING("license.expiring"),
    LICENSE_EXPIRED("license.expired");

    private final String wireName;

    LifecycleEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
