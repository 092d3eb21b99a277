/**
 * Webhooks: lifecycle events written to an outbox in the transaction of their change, delivered in
 * the background by whichever node claims them, signed as Standard Webhooks describes.
 */
package org.pbxlicensing.service.webhook;
