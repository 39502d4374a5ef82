/** English: passkeys. */
export const passkeys = {};
