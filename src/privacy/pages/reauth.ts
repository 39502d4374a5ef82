/** Where a page that needs a fresh proof of identity sends the person first. */
export const reauthFor = (path: string) => `/reauth?next=${encodeURIComponent(path)}`;
