import type { Translation } from './plural';
import { site } from './en/site';
import { auth } from './en/auth';
import { cabinet } from './en/cabinet';
import { mail } from './en/mail';
import { privacy } from './en/privacy';
import { subscriptions } from './en/subscriptions';
import { staff } from './en/staff';
import { passkeys } from './en/passkeys';
import { transparency } from './en/transparency';
import { restrictionReview } from './en/restriction-review';
import { audit } from './en/audit';
import { problems } from './en/problems';
import { delivery } from './en/delivery';

/** English catalogue: the reference every other catalogue must match key for key. */
export const en = {
  ...site,
  ...auth,
  ...cabinet,
  ...mail,
  ...privacy,
  ...subscriptions,
  ...staff,
  ...passkeys,
  ...transparency,
  ...restrictionReview,
  ...audit,
  ...problems,
  ...delivery,
};

export type MessageKey = keyof typeof en;
/** Every other language: the same keys, with the plural forms its own rules need. */
export type Catalogue = Translation<typeof en>;
