/** Limits on how often one client, or one subject such as an email, may try something. */
package org.pbxlicensing.domain.throttle;
