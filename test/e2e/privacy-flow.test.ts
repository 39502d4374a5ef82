import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { hasBrowser, useServedAppAndBrowser } from '../helpers/browser';
import { createClient } from '../helpers/client';
import { mailedToken, userByEmail, type Person } from '../helpers/accounts';
import type { Client } from '../helpers/client';
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema';

const enabled = hasBrowser();

const registerRequest = (client: Client, p: Person, options: { origin: null }) =>
  client.post(
    '/api/v1/auth/register',
    {
      email: p.email,
      password: p.password,
      name: p.name,
      acceptPrivacyPolicy: true,
      confirmAge: true,
    },
    options,
  );

describe.skipIf(!enabled)(
  'in Chromium: overview → profile → export → delete → cancel by the emailed link',
  () => {
    const e2e = useServedAppAndBrowser();

    it('a person sees, corrects, downloads, deletes and then keeps their account', async () => {
      const email = 'nadiya@example.com';
      const password = 'quiet meadow lantern 58';
      // Registration has its own browser test; here the account is made through the API.
      const api = createClient(e2e.app);
      const noOrigin = { origin: null };
      expect(
        (await registerRequest(api, { email, password, name: 'Nadiya Bondar' }, noOrigin)).status,
      ).toBe(202);
      const token = await mailedToken(e2e.app, email, '/verify-email');
      expect(
        (await api.post('/api/v1/auth/verify-email', { token, password }, noOrigin)).status,
      ).toBe(200);

      const context = await e2e.browser.newContext({ locale: 'en-GB', acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

      await page.goto(e2e.app.baseUrl + '/login');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Hello, Nadiya Bondar' }).waitFor();

      // Correct the profile.
      const cabinetNav = page.getByRole('navigation', { name: 'Your account' });
      await cabinetNav.getByRole('link', { name: 'Profile' }).click();
      await page.getByLabel('Phone (optional)').fill('+380 50 111 2233');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/\/account\/profile\?saved=1$/);
      expect(await page.getByLabel('Phone (optional)').inputValue()).toBe('+380 50 111 2233');

      // What we hold, and the download.
      await cabinetNav.getByRole('link', { name: 'Privacy and data' }).click();
      await page.getByRole('heading', { name: 'What we hold about you' }).waitFor();
      expect(await page.locator('[data-count="profile"]').textContent()).toBe('1');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download everything (zip)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
      const files = unzipSync(new Uint8Array(await readFile(await download.path())));
      expect(Object.keys(files)).toContain('data.json');
      const data = JSON.parse(strFromU8(files['data.json']!));
      expect(data.categories.profile.records.profile[0].phone).toBe('+380 50 111 2233');

      // Delete: explanation, confirmation, signed out.
      await page.getByRole('link', { name: 'Delete my account…' }).click();
      await page.getByRole('heading', { name: 'Delete my account' }).waitFor();
      await page.getByRole('link', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Yes, delete my account' }).click();
      await page.getByRole('heading', { name: 'Your account will be deleted' }).waitFor();
      expect((await context.cookies()).find((c) => c.name === 'session')).toBeUndefined();
      expect((await userByEmail(e2e.app, email))!.deletionScheduledFor).not.toBeNull();

      // Changed my mind: the emailed link opens a page with one button.
      // (Other mail may have gone out in the same instant, such as the new-browser sign-in notice.)
      const cancel = await mailedToken(e2e.app, email, '/account/deletion/cancel');
      await page.goto(`${e2e.app.baseUrl}/account/deletion/cancel?token=${cancel}`);
      await page.getByRole('button', { name: 'Cancel the deletion' }).click();
      await page.getByText('The deletion is cancelled; your account stays.').waitFor();
      expect((await userByEmail(e2e.app, email))!.deletionScheduledFor).toBeNull();

      await page.goto(e2e.app.baseUrl + '/login');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Hello, Nadiya Bondar' }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });

    it('after confirming it is them, gets the download they asked for, not the page again', async () => {
      const email = 'ostap@example.com';
      const password = 'amber river compass 31';
      const api = createClient(e2e.app);
      const noOrigin = { origin: null };
      await registerRequest(api, { email, password, name: 'Ostap Melnyk' }, noOrigin);
      const token = await mailedToken(e2e.app, email, '/verify-email');
      await api.post('/api/v1/auth/verify-email', { token, password }, noOrigin);

      const context = await e2e.browser.newContext({ locale: 'en-GB', acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(e2e.app.baseUrl + '/login');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Hello, Ostap Melnyk' }).waitFor();
      // The fresh sign-in's privilege runs out (as it does ten minutes later).
      const user = (await userByEmail(e2e.app, email))!;
      await e2e.app.db
        .update(sessions)
        .set({ privilegedUntil: null })
        .where(eq(sessions.userId, user.id));

      await page.goto(e2e.app.baseUrl + '/account/privacy');
      await page.getByRole('link', { name: 'Confirm and download' }).click();
      await page.getByLabel('Password').fill(password);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Continue', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
      expect(
        Object.keys(unzipSync(new Uint8Array(await readFile(await download.path())))),
      ).toContain('data.json');
      // The page stays, with the download named and a link in case it did not start.
      await page.getByText('Your download starts now.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/privacy');
      await context.close();
    });
  },
);
