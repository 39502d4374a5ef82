import type { cabinet as en } from '../en/cabinet';

/** Ukrainian: the personal cabinet. */
export const cabinet: Record<keyof typeof en, string> = {};
