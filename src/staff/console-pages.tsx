import { Hono, type Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { readForm } from '../http/forms';
import { requestMeta } from '../http/request-meta';
import { translator, type MessageKey } from '../i18n';
import { renderErrorPage } from '../views/error-page';
import { requireStaff } from './access';
import { cancelBooking, createBooking, findBookingOwner, updateBooking } from '../bookings';
import {
  bookingFields,
  bookingForm,
  paymentFields,
  paymentForm,
  pick,
  translatedInputErrors,
  translatedZodErrors,
} from './page-forms';
import { recordPayment } from '../bookings';
import { openPersonCard, searchPeople } from './people';
import { pageQuerySchema } from './schemas';
import type { FormState } from './views/booking-forms';
import { personCardPage } from './views/person-card-page';
import { searchPage } from './views/search-page';

const notices = [
  'booking-created',
  'booking-updated',
  'booking-cancelled',
  'payment-recorded',
  'cancelled-already',
] as const;
const uuid = z.uuid();

const act = (c: Context<AppEnv>) => ({ staffId: requireStaff(c).user.id, meta: requestMeta(c) });

/** Opens the card (a logged view) and renders it, with a failed form re-shown when there is one. */
async function renderCard(
  c: Context<AppEnv>,
  userId: string,
  extra: { failed?: FormState; status?: 400 | 409 } = {},
) {
  const card = await openPersonCard(c.get('deps'), act(c), userId);
  if (!card) return renderErrorPage(c, 404);
  const t = translator(c.get('locale'));
  const notice = notices.find((n) => n === c.req.query('notice'));
  return personCardPage(c, {
    card,
    notice: notice ? t(`staff.notice.${notice}` as MessageKey) : undefined,
    ...extra,
  });
}

const toCard = (userId: string, notice: (typeof notices)[number], anchor: string) =>
  `/staff/users/${userId}?notice=${notice}#${anchor}`;

/** The staff console pages: search, the person card, and the forms behind it. Every handler checks the role. */
export function staffConsolePages() {
  const app = new Hono<AppEnv>();

  app.get('/staff', async (c) => {
    const a = act(c);
    const raw = c.req.query('query');
    // No query at all: just the form, so opening the console lists (and logs) nobody.
    if (raw === undefined) return searchPage(c, {});
    const query = raw.trim().slice(0, 100);
    const page = pageQuerySchema.safeParse(c.req.query('page') ?? 1);
    const result = await searchPeople(c.get('deps'), a, {
      query,
      page: page.success ? page.data : 1,
    });
    return searchPage(c, { query, result });
  });

  app.get('/staff/users/:id', async (c) => {
    requireStaff(c);
    const id = uuid.safeParse(c.req.param('id'));
    return id.success ? renderCard(c, id.data) : renderErrorPage(c, 404);
  });

  app.post('/staff/users/:id/bookings', async (c) => {
    const a = act(c);
    const t = translator(c.get('locale'));
    const userId = uuid.safeParse(c.req.param('id'));
    if (!userId.success) return renderErrorPage(c, 404);
    const values = pick(await readForm(c), bookingFields);
    const parsed = bookingForm.safeParse(values);
    if (!parsed.success)
      return renderCard(c, userId.data, {
        failed: { form: 'new-booking', values, errors: translatedZodErrors(t, parsed.error) },
        status: 400,
      });
    const result = await createBooking(c.get('deps'), a, { userId: userId.data, ...parsed.data });
    if (!result.ok) {
      const errors =
        result.reason === 'invalid'
          ? translatedInputErrors(t, result.errors, parsed.data.timeZone)
          : {};
      return renderCard(c, userId.data, {
        failed: { form: 'new-booking', values, errors },
        status: 400,
      });
    }
    return c.redirect(toCard(userId.data, 'booking-created', 'bookings'), 303);
  });

  app.post('/staff/bookings/:id', async (c) => {
    const a = act(c);
    const t = translator(c.get('locale'));
    const id = uuid.safeParse(c.req.param('id'));
    const ownerId = id.success ? await findBookingOwner(c.get('deps').db, id.data) : null;
    if (!id.success || !ownerId) return renderErrorPage(c, 404);
    const owner = { userId: ownerId };
    const form = `booking-${id.data}`;
    const values = pick(await readForm(c), bookingFields);
    const parsed = bookingForm.safeParse(values);
    if (!parsed.success)
      return renderCard(c, owner.userId, {
        failed: { form, values, errors: translatedZodErrors(t, parsed.error) },
        status: 400,
      });
    const result = await updateBooking(c.get('deps'), a, id.data, parsed.data);
    if (result.ok) return c.redirect(toCard(owner.userId, 'booking-updated', form), 303);
    if (result.reason === 'cancelled')
      return c.redirect(toCard(owner.userId, 'cancelled-already', form), 303);
    if (result.reason !== 'invalid') return renderErrorPage(c, 404);
    return renderCard(c, owner.userId, {
      failed: {
        form,
        values,
        errors: translatedInputErrors(t, result.errors, parsed.data.timeZone),
      },
      status: 400,
    });
  });

  app.post('/staff/bookings/:id/cancel', async (c) => {
    const a = act(c);
    const id = uuid.safeParse(c.req.param('id'));
    if (!id.success) return renderErrorPage(c, 404);
    const result = await cancelBooking(c.get('deps'), a, id.data);
    if (result.ok)
      return c.redirect(toCard(result.booking.userId, 'booking-cancelled', 'bookings'), 303);
    if (result.reason !== 'cancelled') return renderErrorPage(c, 404);
    const ownerId = await findBookingOwner(c.get('deps').db, id.data);
    return ownerId
      ? c.redirect(toCard(ownerId, 'cancelled-already', 'bookings'), 303)
      : renderErrorPage(c, 404);
  });

  app.post('/staff/users/:id/payments', async (c) => {
    const a = act(c);
    const t = translator(c.get('locale'));
    const userId = uuid.safeParse(c.req.param('id'));
    if (!userId.success) return renderErrorPage(c, 404);
    const values = pick(await readForm(c), paymentFields);
    const parsed = paymentForm.safeParse(values);
    if (!parsed.success)
      return renderCard(c, userId.data, {
        failed: { form: 'payment', values, errors: translatedZodErrors(t, parsed.error) },
        status: 400,
      });
    const result = await recordPayment(c.get('deps'), a, { userId: userId.data, ...parsed.data });
    if (!result.ok)
      return renderCard(c, userId.data, {
        failed: { form: 'payment', values, errors: translatedInputErrors(t, result.errors, '') },
        status: 400,
      });
    return c.redirect(toCard(userId.data, 'payment-recorded', 'payments'), 303);
  });

  return app;
}
