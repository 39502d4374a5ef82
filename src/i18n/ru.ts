import type { Catalogue } from './en';
import { site } from './ru/site';
import { auth } from './ru/auth';
import { cabinet } from './ru/cabinet';
import { mail } from './ru/mail';
import { privacy } from './ru/privacy';
import { subscriptions } from './ru/subscriptions';
import { staff } from './ru/staff';
import { passkeys } from './ru/passkeys';
import { transparency } from './ru/transparency';
import { restrictionReview } from './ru/restriction-review';
import { audit } from './ru/audit';
import { problems } from './ru/problems';
import { delivery } from './ru/delivery';

/** Russian catalogue; the type makes a missing key a compile error, and a test checks it too. */
export const ru: Catalogue = {
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
