import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Locale } from '../i18n';

/** A signed-in person's language follows them to other devices and into the mails they get. */
export async function rememberLocale(db: Deps['db'], userId: string, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
