import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { renderErrorPage } from '../../views/error-page';
import { staffActor } from '../access';
import { listAssignableStaff } from '../assignments';
import { openPersonCard } from '../people';
import type { FormErrors, FormState, FormValues } from '../views/booking-forms';
import { personCardPage } from '../views/person-card-page';
import { landingId, type CardSection } from '../views/landing';

/** Each notice after a form that worked, and the section of the card it is shown in. */
const notices = {
  'booking-created': 'bookings',
  'booking-updated': 'bookings',
  'booking-cancelled': 'bookings',
  'cancelled-already': 'bookings',
  'payment-recorded': 'payments',
  assigned: 'assignments',
  unassigned: 'assignments',
} as const satisfies Record<string, CardSection>;
export type CardNotice = keyof typeof notices;
const isNotice = (v: string | undefined): v is CardNotice => !!v && Object.hasOwn(notices, v);

export const uuid = z.uuid();

/** Checks the role (every handler starts here) and names the staff member for the trail. */
export const staffAct = staffActor;

/** Opens the card (a logged view) and renders it, with a failed form re-shown when there is one. */
export async function renderCard(
  c: Context<AppEnv>,
  userId: string,
  extra: { failed?: FormState; status?: 400 | 409 } = {},
) {
  const actor = staffAct(c);
  const card = await openPersonCard(c.get('deps'), actor, userId);
  if (!card) return renderErrorPage(c, 404);
  const assignable =
    actor.role === 'admin' ? await listAssignableStaff(c.get('deps').db, userId) : null;
  const t = translator(c.get('locale'));
  const notice = c.req.query('notice');
  return personCardPage(c, {
    card,
    notice: isNotice(notice)
      ? { text: t(`staff.notice.${notice}`), section: notices[notice] }
      : undefined,
    assignable,
    ...extra,
  });
}

/** The card again with one form open, its values kept and its errors shown. */
export const renderFailedForm = (
  c: Context<AppEnv>,
  userId: string,
  failed: { form: string; values: FormValues; errors: FormErrors },
) => renderCard(c, userId, { failed, status: 400 });

/** Back to the card after a form worked, landing on its notice in the part of the card it changed. */
export const toCard = (userId: string, notice: CardNotice) =>
  `/staff/users/${userId}?notice=${notice}#${landingId}`;

/** The card again, 409, saying which form was refused and why: processing is restricted. */
export const renderRefused = (c: Context<AppEnv>, userId: string, form: string) =>
  renderCard(c, userId, { failed: { form, values: {}, errors: {}, refused: true }, status: 409 });
