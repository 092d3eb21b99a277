/**
 * MikoPBX's LicenseV2 protocol: installations known by their own Ed25519 keys, their signed
 * requests, and the signed tokens and refusals we answer them with.
 */
package org.pbxlicensing.domain.licensev2;
