import type { Catalogue } from './en';
import { site } from './cs/site';
import { auth } from './cs/auth';
import { cabinet } from './cs/cabinet';
import { mail } from './cs/mail';
import { privacy } from './cs/privacy';
import { subscriptions } from './cs/subscriptions';
import { staff } from './cs/staff';
import { passkeys } from './cs/passkeys';
import { transparency } from './cs/transparency';
import { restrictionReview } from './cs/restriction-review';
import { audit } from './cs/audit';
import { problems } from './cs/problems';
import { delivery } from './cs/delivery';

/** Czech catalogue; the type makes a missing key a compile error, and a test checks it too. */
export const cs: Catalogue = {
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
