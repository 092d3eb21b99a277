/** The audit trail: every change with who, when and what. */
package org.pbxlicensing.domain.audit;
