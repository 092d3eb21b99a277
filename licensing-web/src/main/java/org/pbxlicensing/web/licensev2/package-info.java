/** The door of MikoPBX's LicenseV2 protocol: {@code POST /entitlement} under the context root. */
package org.pbxlicensing.web.licensev2;
