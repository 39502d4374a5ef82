import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, useServedAppAndBrowser } from '../helpers/browser';
import {
  makePerson,
  seedStudentData,
  signInPage,
  type SeededPerson,
} from '../helpers/seed-cabinet';
import { resendWebhooks, testWebhookSecret } from '../helpers/fake-resend';
import { sendAnnouncement } from '../../src/subscriptions/announcements';

const enabled = hasBrowser();
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Serious and critical axe findings on the loaded page, in light and dark. */
async function axeFindings(page: Page) {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const violations = await page.evaluate(async () => {
      // @ts-expect-error -- axe is injected above
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return (result.violations as { id: string; impact: string; nodes: unknown[] }[]).map((v) => ({
        id: v.id,
        impact: v.impact,
      }));
    });
    for (const v of violations)
      if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme}: ${v.id}`);
  }
  return found;
}

describe.skipIf(!enabled)('in Chromium: an announcement’s progress, a bounce’s banner', () => {
  const e2e = useServedAppAndBrowser({ RESEND_WEBHOOK_SECRET: testWebhookSecret });
  let staff: SeededPerson;
  let student: SeededPerson;
  let announcementId = '';

  beforeAll(async () => {
    staff = await makePerson(e2e.app, {
      email: 'mail.staff@example.com',
      name: 'Olha Sender',
      role: 'staff',
    });
    student = await makePerson(e2e.app, { email: 'reader@example.com', name: 'Petro Reader' });
    await seedStudentData(e2e.app, staff.id, student);
    const sent = await sendAnnouncement(e2e.app.deps, {
      list: 'news',
      subject: 'Open day on Saturday',
      body: 'Come and see the school.',
      staffId: staff.id,
    });
    if (!sent.ok) throw new Error('the announcement was not queued');
    announcementId = sent.id;
  });

  it('the progress page is axe-clean and counts up by itself while the mail goes', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await signInPage(page, e2e.app.baseUrl, staff);
    await page.goto(`${e2e.app.baseUrl}/staff/announcements/${announcementId}`);
    expect(await page.locator('[data-count="queued"]').textContent()).toBe('1');
    expect(await axeFindings(page)).toEqual([]);
    await e2e.app.sendMail();
    // No reload: the page's script polls the JSON API.
    await page.locator('[data-count="sent"]').filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-count="queued"]').textContent()).toBe('0');
    expect(await page.locator('progress').getAttribute('value')).toBe('1');
    await page.goto(`${e2e.app.baseUrl}/staff/announcements/history`);
    expect(await axeFindings(page)).toEqual([]);
    await context.close();
  });

  it('after a hard bounce the cabinet shows the banner, axe-clean', async () => {
    const hooks = resendWebhooks(e2e.app);
    expect((await hooks.bounce(student.email, 'Permanent', /Open day/)).res.status).toBe(200);
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await signInPage(page, e2e.app.baseUrl, student);
    await page.goto(`${e2e.app.baseUrl}/account`);
    expect(await page.locator('#mail-bounce h2').textContent()).toBe(
      'Mail to your address bounced',
    );
    expect(await axeFindings(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(/notice=mail-reconfirmed/),
      page.locator('#mail-bounce button[type="submit"]').click(),
    ]);
    expect(await page.locator('#mail-bounce').count()).toBe(0);
    await context.close();
  });

  it('staff see the suppressed address with its reason, axe-clean', async () => {
    const hooks = resendWebhooks(e2e.app);
    await hooks.bounce(student.email, 'Permanent', /Open day/);
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await signInPage(page, e2e.app.baseUrl, staff);
    await page.goto(`${e2e.app.baseUrl}/staff/suppressions`);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await axeFindings(page)).toEqual([]);
    await context.close();
  });
});
