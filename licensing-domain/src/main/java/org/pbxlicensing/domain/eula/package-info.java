/**
 * End-user licence agreements: versioned texts per feature in Russian and English, which version
 * is current, and whether a registration still has to accept it.
 */
package org.pbxlicensing.domain.eula;
