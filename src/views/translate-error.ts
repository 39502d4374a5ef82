import { en } from '../i18n/en';
import type { MessageKey, T } from '../i18n';

/** Page schemas use catalogue keys as zod messages; anything else is shown as written. */
export const translateError = (t: T, message: string | undefined) =>
  message === undefined ? undefined : message in en ? t(message as MessageKey) : message;
