import type { passkeys as en } from '../en/passkeys';

/** Ukrainian: passkeys. */
export const passkeys: Record<keyof typeof en, string> = {};
