/** Lifecycle events as the services raise them, inside the transaction of their change. */
package org.pbxlicensing.service.event;
