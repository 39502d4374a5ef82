import type { privacy as en } from '../en/privacy';

/** Ukrainian: privacy. */
export const privacy: Record<keyof typeof en, string> = {};
