package org.pbxlicensing.domain.audit;

/**
 * Who asks for a change, and from where: the door ({@link ActorType}), a name where there is one
 * (a staff user), and the client's address.
 */
public record Actor(ActorType type, String name, String clientAddress) {

    public static Actor system() {
        return new Actor(ActorType.SYSTEM, null, null);
    }

    public static Actor api(String clientAddress) {
        return new Actor(ActorType.API, null, clientAddress);
    }
}
