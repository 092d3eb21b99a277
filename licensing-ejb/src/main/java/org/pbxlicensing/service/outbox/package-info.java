/**
 * What the outboxes share: rows written in the transaction of their change and sent in the background
 * by whichever node claims them first.
 */
package org.pbxlicensing.service.outbox;
