import type { Catalogue } from './en';
import { site } from './uk/site';
import { auth } from './uk/auth';
import { cabinet } from './uk/cabinet';
import { mail } from './uk/mail';
import { privacy } from './uk/privacy';
import { subscriptions } from './uk/subscriptions';
import { staff } from './uk/staff';
import { passkeys } from './uk/passkeys';
import { transparency } from './uk/transparency';
import { restrictionReview } from './uk/restriction-review';
import { audit } from './uk/audit';
import { problems } from './uk/problems';
import { delivery } from './uk/delivery';

/** Ukrainian catalogue; the type makes a missing key a compile error, and a test checks it too. */
export const uk: Catalogue = {
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
