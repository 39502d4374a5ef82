/** English: subscriptions. */
export const subscriptions = {};
