import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { users } from '../../db/schema';
import { createAdmin } from '../../src/admin/create-admin';
import { hasBrowser, useServedAppAndBrowser } from '../helpers/browser';
import { assignToTeacher } from '../helpers/staff';

const enabled = hasBrowser();

describe.skipIf(!enabled)(
  'in Chromium: staff sign in, book a lesson for a student, the student is mailed an .ics',
  () => {
    const e2e = useServedAppAndBrowser();
    const staff = {
      email: 'teacher@example.com',
      password: 'quiet lantern over harbour 5',
      name: 'Iryna Teacher',
    };
    const student = {
      email: 'student@example.com',
      password: 'green meadow under rain 8',
      name: 'Taras Student',
    };

    beforeAll(async () => {
      // Verified accounts straight from the command-line helper, then given their roles.
      for (const [p, role] of [
        [staff, 'staff'],
        [student, 'user'],
      ] as const) {
        const made = await createAdmin(e2e.app.deps, p);
        expect(made.ok).toBe(true);
        await e2e.app.db
          .update(users)
          .set({ role, locale: role === 'user' ? 'uk' : 'en' })
          .where(eq(users.email, p.email));
      }
      // A teacher sees only the people they work with: an admin assigned this student to them.
      const ids = await e2e.app.db.select({ id: users.id, email: users.email }).from(users);
      const idOf = (email: string) => ids.find((u) => u.email === email)!.id;
      await assignToTeacher(e2e.app, idOf(staff.email), idOf(student.email));
    });

    it('goes from the sign-in page to a booking confirmation in the student’s mailbox', async () => {
      const page = await e2e.browser.newPage({ locale: 'en-GB' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

      await page.goto(e2e.app.baseUrl + '/login');
      await page.getByLabel('Email address').fill(staff.email);
      await page.getByLabel('Password').fill(staff.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('link', { name: 'Staff console' }).click();
      await page.getByRole('heading', { name: 'Staff console', level: 1 }).waitFor();
      await page.getByText('You are in the staff console.').waitFor();

      await page.getByLabel('Email or name').fill('Taras');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: student.name }).click();
      await page.getByRole('heading', { name: student.name }).waitFor();

      const form = page.getByRole('region', { name: 'Book a lesson' });
      await form.getByLabel('Lesson', { exact: true }).fill('Розмовна практика');
      await form.getByLabel('Starts').fill('2026-12-10T10:00');
      await form.getByLabel('Ends').fill('2026-12-10T11:00');
      await form.getByLabel('Time zone').fill('Europe/Kyiv');
      await form.getByLabel('Where (address or video link, optional)').fill('Zoom');
      await form.getByRole('button', { name: 'Book and send the confirmation' }).click();
      await page
        .getByText('Booked. The confirmation with the calendar file is on its way.')
        .waitFor();
      await page.getByRole('cell', { name: /10 December 2026, 10:00–11:00/ }).waitFor();

      // The outbox sends through the real Resend SDK to the fake Resend API.
      await e2e.app.sendMail();
      const mail = e2e.app.resend.to(student.email).find((m) => m.attachments?.length);
      expect(mail?.subject).toBe('Заброньовано: Розмовна практика');
      const attachment = mail!.attachments![0]!;
      expect(attachment.filename).toBe('invite.ics');
      expect(attachment.content_type).toBe('text/calendar; charset=utf-8; method=REQUEST');
      const calendar = new ICAL.Component(
        ICAL.parse(Buffer.from(attachment.content, 'base64').toString('utf8')),
      );
      for (const vtz of calendar.getAllSubcomponents('vtimezone'))
        ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      expect(event.sequence).toBe(0);
      expect(event.startDate.toString()).toBe('2026-12-10T10:00:00');
      expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T08:00:00.000Z');
      expect(errors).toEqual([]);
    });
  },
);
