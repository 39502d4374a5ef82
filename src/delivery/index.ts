/**
 * What became of sent mail: Resend's signed delivery events, the suppression list they fill
 * (hard bounces, complaints), and the retention of delivery records. The outbox itself checks
 * the list (src/mail/suppressions.ts), since a shared layer cannot import a feature.
 */
export { deliveryWebhookRoutes } from './api';
export { deliveryPageRoutes } from './pages';
export { foldOldDeliveryEvents } from './retention';
