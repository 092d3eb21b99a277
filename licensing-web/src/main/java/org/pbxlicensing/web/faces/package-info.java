/**
 * Pieces of the Faces pages that the customer portal and the admin area share.
 */
package org.pbxlicensing.web.faces;
