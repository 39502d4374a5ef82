/**
 * Where a page that needs a fresh proof of identity sends the person first; after it they come
 * back to `next` (a path on this site, checked again by the re-authentication page).
 */
export const reauthFor = (next: string) => `/reauth?next=${encodeURIComponent(next)}`;
