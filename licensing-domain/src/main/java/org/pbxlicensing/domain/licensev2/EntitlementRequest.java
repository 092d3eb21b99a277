package org.pbxlicensing.domain.licensev2;

import java.util.List;
import org.pbxlicensing.domain.binding.HostDetails;

/**
 * A verified request of an installation: its signature checked against its own key, its install id
 * derived from that key. Optional fields are null when the PBX left them out.
 *
 * @param usage   null when unknown (keep what was reported before), empty when nothing is held
 * @param holders the holders as compact JSON, null when unknown
 * @param metrics the telemetry object as compact JSON, null when absent
 */
public record EntitlementRequest(
        Purpose purpose,
        String install,
        String pubkey,
        String key,
        String nonce,
        Long ts,
        String appId,
        String appVersion,
        String environment,
        List<String> fingerprint,
        V1Machine v1Machine,
        String held,
        Long seq,
        List<FeatureUsage> usage,
        String usageGen,
        String holders,
        Boolean holdersComplete,
        String metrics) {

    /** How the older client identified the host. */
    public record V1Machine(String hostname, String cpuid, String network) {
    }

    public EntitlementRequest {
        fingerprint = List.copyOf(fingerprint);
        usage = usage == null ? null : List.copyOf(usage);
    }

    public String hostId() {
        return InstallId.hostId(install);
    }

    /** The installation as a host of the binding rules, with what it told about itself. */
    public HostDetails hostDetails() {
        String name = v1Machine == null ? null : v1Machine.hostname();
        String os = appId == null ? environment : environment == null ? appId : appId + " (" + environment + ")";
        return new HostDetails(hostId(), Texts.clean(name, HostDetails.MAX_TEXT_LENGTH),
                Texts.clean(os, HostDetails.MAX_TEXT_LENGTH), Texts.clean(appVersion, HostDetails.MAX_VERSION_LENGTH));
    }
}
