import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env';
import { readForm } from '../http/forms';
import { requestMeta } from '../http/request-meta';
import { requireAuth } from '../http/require';
import { safeNextPath } from '../http/safe-next';
import { clearSessionCookie } from '../http/session-cookie';
import { isLocale, translator } from '../i18n';
import { pageTimeZone } from '../views/dates';
import { findUserById } from '../core/users';
import { recordEvent } from '../core/activity';
import { resultPage, tokenActionPage } from '../views/token-page';
import { acceptPolicy, listConsents, needsPolicyAcceptance, policyStatus } from '../core/consents';
import { cancelDeletionByToken, deletionDate, requestDeletion } from './deletion';
import { exportContext, exportHeaders, exportJson, exportZip } from './export';
import { countCategories, loadPerson } from './registry';
import { liftRestriction, restrictionReasonSchema, restrictProcessing } from './restriction';
import { deleteConfirmPage, deleteExplainPage, deleteScheduledPage } from './views/delete-pages';
import { policyAcceptPage } from './views/policy-accept-page';
import { privacyPage, type PrivacyPageState } from './views/privacy-page';

const notices = ['restricted', 'lifted', 'accepted'] as const;
const reauthFor = (path: string) => `/reauth?next=${encodeURIComponent(path)}`;

async function renderPrivacy(c: Context<AppEnv>, extra: Partial<PrivacyPageState> = {}) {
  const auth = requireAuth(c);
  const { db, clock, config } = c.get('deps');
  // The users row is the Person too: one read serves both.
  const user = await findUserById(db, auth.user.id);
  if (!user) return c.redirect('/login', 303);
  const [counts, status, consentRows] = await Promise.all([
    countCategories(db, user),
    policyStatus(db, auth.user.id, clock.now()),
    listConsents(db, auth.user.id),
  ]);
  const notice = notices.find((n) => n === c.req.query('notice'));
  return privacyPage(c, {
    counts,
    retentionDays: {
      ip: config.ipRetentionDays,
      inactive: config.inactiveAccountDays,
      grace: config.deletionGraceDays,
    },
    isPrivileged: auth.isPrivileged,
    restriction: user.processingRestrictedAt
      ? { at: user.processingRestrictedAt, reason: user.processingRestrictionReason }
      : null,
    deletionScheduledFor: user.deletionScheduledFor,
    policy: status.current ? { version: status.current.version, accepted: status.accepted } : null,
    consents: consentRows,
    notice,
    ...extra,
  });
}

/** The privacy pages of the cabinet: what we hold, download, restrict, consents, delete, policy acceptance. */
export function privacyCabinetPages() {
  const app = new Hono<AppEnv>();

  app.get('/account/privacy', (c) => renderPrivacy(c));

  app.get('/account/privacy/export', async (c) => {
    const auth = requireAuth(c);
    // Sensitive: a fresh proof first, then back to the button (a redirect straight into a
    // download would leave the person looking at the sign-in form).
    if (!auth.isPrivileged) return c.redirect(reauthFor('/account/privacy#export'), 303);
    const deps = c.get('deps');
    const person = await loadPerson(deps.db, auth.user.id);
    if (!person) return c.redirect('/login', 303);
    const format = c.req.query('format') === 'json' ? 'json' : 'zip';
    const ctx = exportContext(deps, person, c.get('locale'));
    await recordEvent(deps.db, {
      userId: person.id,
      action: 'data.exported',
      at: ctx.now,
      meta: requestMeta(c),
      details: { format },
    });
    return new Response(format === 'json' ? exportJson(ctx) : exportZip(ctx), {
      status: 200,
      headers: exportHeaders(format, ctx.now),
    });
  });

  app.post('/account/privacy/restriction', async (c) => {
    const auth = requireAuth(c);
    const form = await readForm(c);
    const parsed = restrictionReasonSchema.safeParse(form.reason ?? '');
    if (!parsed.success) {
      return renderPrivacy(c, {
        reasonValue: form.reason,
        reasonError: parsed.error.issues[0]?.message,
        status: 400,
      });
    }
    await restrictProcessing(c.get('deps'), auth.user.id, parsed.data, requestMeta(c));
    return c.redirect('/account/privacy?notice=restricted#restriction', 303);
  });

  app.post('/account/privacy/restriction/lift', async (c) => {
    const auth = requireAuth(c);
    await liftRestriction(c.get('deps'), auth.user.id, requestMeta(c));
    return c.redirect('/account/privacy?notice=lifted#restriction', 303);
  });

  app.post('/account/privacy/consent', async (c) => {
    const auth = requireAuth(c);
    const version = ((await readForm(c)).version ?? '').slice(0, 20);
    const result = await acceptPolicy(
      c.get('deps'),
      { userId: auth.user.id, version, method: 'cabinet' },
      requestMeta(c),
    );
    return c.redirect(
      result.ok ? '/account/privacy?notice=accepted#consents' : '/account/privacy#consents',
      303,
    );
  });

  app.get('/account/policy', async (c) => {
    const auth = requireAuth(c);
    const { db, clock } = c.get('deps');
    const next = safeNextPath(c.req.query('next'));
    const pending = await needsPolicyAcceptance(db, auth.user.id, clock.now());
    if (!pending) return c.redirect(next, 303);
    return policyAcceptPage(c, {
      version: pending.version,
      summary: pending.summary,
      effectiveAt: pending.effectiveAt,
      next,
    });
  });
  app.post('/account/policy', async (c) => {
    const auth = requireAuth(c);
    const version = ((await readForm(c)).version ?? '').slice(0, 20);
    await acceptPolicy(
      c.get('deps'),
      { userId: auth.user.id, version, method: 'cabinet' },
      requestMeta(c),
    );
    // If the version changed meanwhile, the gate simply asks again.
    return c.redirect(safeNextPath(c.req.query('next')), 303);
  });

  app.get('/account/delete', (c) => {
    requireAuth(c);
    return deleteExplainPage(c, { graceDays: c.get('deps').config.deletionGraceDays });
  });
  app.get('/account/delete/confirm', (c) => {
    const auth = requireAuth(c);
    if (!auth.isPrivileged) return c.redirect(reauthFor('/account/delete/confirm'), 303);
    return deleteConfirmPage(c, { date: deletionDate(c.get('deps')) });
  });
  app.post('/account/delete', async (c) => {
    const auth = requireAuth(c);
    if (!auth.isPrivileged) return c.redirect(reauthFor('/account/delete/confirm'), 303);
    const deps = c.get('deps');
    const at = await requestDeletion(deps, auth.user.id, requestMeta(c));
    if (!at) return c.redirect('/login', 303);
    const timeZone = pageTimeZone(c);
    clearSessionCookie(c, deps.config);
    // Signed out now; the page is rendered for the person who was.
    if (isLocale(auth.user.locale)) c.set('locale', auth.user.locale);
    c.set('auth', null);
    return deleteScheduledPage(c, { date: at, timeZone });
  });

  app.get('/account/deletion/cancel', (c) => {
    const t = translator(c.get('locale'));
    const token = (c.req.query('token') ?? '').slice(0, 200);
    return tokenActionPage(c, {
      title: t('deletionCancel.title'),
      body: t('deletionCancel.body'),
      button: t('deletionCancel.button'),
      action: '/account/deletion/cancel',
      token,
    });
  });
  app.post('/account/deletion/cancel', async (c) => {
    const t = translator(c.get('locale'));
    const result = await cancelDeletionByToken(
      c.get('deps'),
      ((await readForm(c)).token ?? '').slice(0, 200),
      requestMeta(c),
    );
    if (!result.ok)
      return resultPage(c, {
        title: t('deletionCancel.title'),
        kind: 'error',
        message: t(`token.${result.reason}`),
      });
    return resultPage(c, {
      title: t('deletionCancel.title'),
      kind: 'success',
      message: t('deletionCancel.done'),
      link: { href: '/login', label: t('login.title') },
    });
  });

  return app;
}
