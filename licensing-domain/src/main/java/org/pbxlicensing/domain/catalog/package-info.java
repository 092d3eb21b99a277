/**
 * The feature catalogue: what can be licensed, how a seat is counted, and the default trial.
 */
package org.pbxlicensing.domain.catalog;
