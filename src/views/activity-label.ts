import type { MessageKey, translator } from '../i18n';
import { en } from '../i18n/en';

/** Known actions get a sentence; a new action still shows, by its name, until it has one. */
export const activityLabel = (t: ReturnType<typeof translator>, action: string) =>
  `activity.${action}` in en ? t(`activity.${action}` as MessageKey) : action;
