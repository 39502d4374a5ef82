/**
 * Mailing lists: double opt-in, one-click unsubscribe, and staff announcements to those who
 * subscribed. Privacy uses it through here to stop queued mail when someone leaves or restricts.
 */
export { subscriptionsApi } from './api';
export { subscriptionPageRoutes } from './pages';
export { cancelQueuedAnnouncements } from './announcement-outbox';
export { leaveListIn } from './unsubscribe';
