import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';
import { translator, type MessageKey } from '../../i18n';
import { renderErrorPage } from '../../views/error-page';
import { staffActor } from '../access';
import { listAssignableStaff } from '../assignments';
import { openPersonCard } from '../people';
import type { FormErrors, FormState, FormValues } from '../views/booking-forms';
import { personCardPage } from '../views/person-card-page';

const notices = [
  'booking-created',
  'booking-updated',
  'booking-cancelled',
  'payment-recorded',
  'cancelled-already',
  'assigned',
  'unassigned',
] as const;
export type CardNotice = (typeof notices)[number];

export const uuid = z.uuid();

/** Checks the role (every handler starts here) and names the staff member for the trail. */
export const staffAct = staffActor;

/** Opens the card (a logged view) and renders it, with a failed form re-shown when there is one. */
export async function renderCard(
  c: Context<AppEnv>,
  userId: string,
  extra: { failed?: FormState; status?: 400 | 409; refused?: boolean } = {},
) {
  const actor = staffAct(c);
  const card = await openPersonCard(c.get('deps'), actor, userId);
  if (!card) return renderErrorPage(c, 404);
  const assignable =
    actor.role === 'admin' ? await listAssignableStaff(c.get('deps').db, userId) : null;
  const t = translator(c.get('locale'));
  const notice = notices.find((n) => n === c.req.query('notice'));
  return personCardPage(c, {
    card,
    notice: notice ? t(`staff.notice.${notice}` as MessageKey) : undefined,
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

/** Back to the card after a form worked: a notice, and the part of the card it changed. */
export const toCard = (userId: string, notice: CardNotice, anchor: string) =>
  `/staff/users/${userId}?notice=${notice}#${anchor}`;

/** The card again, 409, saying why: processing is restricted, so nothing was changed. */
export const renderRefused = (c: Context<AppEnv>, userId: string) =>
  renderCard(c, userId, { refused: true, status: 409 });
