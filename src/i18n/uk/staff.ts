import type { staff as en } from '../en/staff';

/** Ukrainian: staff. */
export const staff: Record<keyof typeof en, string> = {};
