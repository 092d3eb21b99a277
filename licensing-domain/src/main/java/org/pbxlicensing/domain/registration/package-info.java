/** Registrations of customers and their registration numbers. */
package org.pbxlicensing.domain.registration;
