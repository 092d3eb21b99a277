/** Events of a registration's life that the vendor's own systems may be told about. */
package org.pbxlicensing.domain.event;
