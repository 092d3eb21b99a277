/**
 * Health checks. They live in this library jar because WildFly registers MicroProfile Health
 * checks only from the EAR's top-level archives, not from its EJB or web modules.
 */
package org.pbxlicensing.health;
