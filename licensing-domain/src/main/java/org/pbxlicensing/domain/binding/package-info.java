/** Host bindings: which host holds a seat of which license, and the rules for taking one. */
package org.pbxlicensing.domain.binding;
