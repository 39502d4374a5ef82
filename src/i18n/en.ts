import { site } from './en/site';
import { auth } from './en/auth';
import { cabinet } from './en/cabinet';
import { mail } from './en/mail';

/** English catalogue: the reference every other catalogue must match key for key. */
export const en = { ...site, ...auth, ...cabinet, ...mail };

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
