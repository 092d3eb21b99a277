/** Signed HTTP calls that tell the vendor's own systems about lifecycle events: endpoints, deliveries, their rules. */
package org.pbxlicensing.domain.webhook;
