import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { translator } from '../../i18n';
import { renderErrorPage } from '../../views/error-page';
import { translateError } from '../../views/translate-error';
import {
  decideRestriction,
  listRestrictionRequests,
  restrictionDecisionSchema,
} from '../../privacy';
import { requireAdmin } from '../access';
import { restrictionsPage, type RestrictionsState } from '../views/restrictions-page';
import { uuid } from './card';

const adminAct = (c: Context<AppEnv>) => ({
  adminId: requireAdmin(c).user.id,
  meta: requestMeta(c),
});

async function renderQueue(c: Context<AppEnv>, extra: Partial<RestrictionsState> = {}) {
  const requests = await listRestrictionRequests(c.get('deps'), adminAct(c));
  const t = translator(c.get('locale'));
  const notice = c.req.query('notice');
  return restrictionsPage(c, {
    requests,
    notice:
      notice === 'upheld' || notice === 'lifted'
        ? t(`staff.restrictions.notice.${notice}`)
        : undefined,
    ...extra,
  });
}

/** A person's decision form: recorded, then back to the queue; or the queue with the error. */
async function decide(c: Context<AppEnv>) {
  const act = adminAct(c);
  const t = translator(c.get('locale'));
  const userId = uuid.safeParse(c.req.param('id'));
  if (!userId.success) return renderErrorPage(c, 404);
  const form = await readForm(c);
  const values = {
    decision: (form.decision ?? '').slice(0, 20),
    reason: (form.reason ?? '').slice(0, 2000),
  };
  const parsed = restrictionDecisionSchema.safeParse(values);
  if (!parsed.success) {
    const error = translateError(t, parsed.error.issues[0]?.message) ?? '';
    return renderQueue(c, { failed: { userId: userId.data, ...values, error }, status: 400 });
  }
  const result = await decideRestriction(c.get('deps'), act, {
    userId: userId.data,
    ...parsed.data,
  });
  if (!result.ok && result.reason === 'not-found') return renderErrorPage(c, 404);
  if (!result.ok) {
    const error = t('staff.restrictions.notRestricted');
    return renderQueue(c, { failed: { userId: userId.data, ...values, error }, status: 409 });
  }
  return c.redirect(`/staff/restrictions?notice=${result.decision}`, 303);
}

/** The admins' restriction queue and its decision forms. */
export function restrictionPages() {
  const app = new Hono<AppEnv>();
  app.get('/staff/restrictions', (c) => renderQueue(c));
  app.post('/staff/restrictions/:id', decide);
  return app;
}
