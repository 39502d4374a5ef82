import { describe, expect, it } from 'vitest';
import { hasBrowser, useServedAppAndBrowser } from '../helpers/browser';
import { createClient } from '../helpers/client';
import { newPerson, registerAndVerify } from '../helpers/accounts';

const enabled = hasBrowser();

describe.skipIf(!enabled)(
  'in Chromium: register → mail → verify → sign in → cabinet → sign out',
  () => {
    const e2e = useServedAppAndBrowser();

    it('a person gets from the start page into their cabinet and out again', async () => {
      const page = await e2e.browser.newPage({ locale: 'en-GB' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

      await page.goto(e2e.app.baseUrl + '/');
      await page.getByRole('link', { name: 'Create an account' }).first().click();
      await page.getByLabel('Your name').fill('Maria Koval');
      await page.getByLabel('Email address').fill('maria@example.com');
      await page.getByLabel('Password', { exact: true }).fill('sunflower river bicycle 9');
      await page.getByLabel('I have read and accept the').check();
      await page.getByLabel('I am at least 16 years old.').check();
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();

      // The mail goes through the outbox and the real Resend SDK to the fake Resend API.
      await e2e.app.sendMail();
      const link = e2e.app.resend.lastLink('maria@example.com', '/verify-email');
      expect(link).not.toBeNull();
      // The link asks for the password chosen at registration, then confirms and signs in.
      await page.goto(link!.url);
      expect(await page.getByLabel('Email address').inputValue()).toBe('maria@example.com');
      await page.getByLabel('Password').fill('sunflower river bicycle 9');
      await page.getByRole('button', { name: 'Confirm and sign in' }).click();
      await page.getByRole('heading', { name: 'Hello, Maria Koval' }).waitFor();
      const cookies = await page.context().cookies();
      const session = cookies.find((c) => c.name === 'session');
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe('Lax');
      expect(session?.expires).toBe(-1); // a browser-session cookie: no "remember me" ticked

      await page
        .getByRole('navigation', { name: 'Your account' })
        .getByRole('link', { name: 'Sign-in and security' })
        .click();
      await page.getByText('This device').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();
      await page.goto(e2e.app.baseUrl + '/account');
      await page.waitForURL(/\/login\?next=%2Faccount$/);
      expect(errors).toEqual([]);
    });

    it('a forgotten password: the link, a new password, then the sign-in form already holds the address', async () => {
      const person = newPerson('reset-e2e');
      await registerAndVerify(e2e.app, createClient(e2e.app, { origin: e2e.app.baseUrl }), person);
      const page = await e2e.browser.newPage({ locale: 'en-GB' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));

      await page.goto(e2e.app.baseUrl + '/login');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByLabel('Email address').fill(person.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await e2e.app.sendMail();
      const link = e2e.app.resend.lastLink(person.email, '/reset-password');
      expect(link).not.toBeNull();
      await page.goto(link!.url);
      await page.getByLabel('New password').fill('quiet meadow lantern 31');
      await page.getByRole('button', { name: 'Set the new password' }).click();

      // public/login-hint.js: the address came in the fragment (never sent to the server),
      // fills the empty field, leaves the address bar, and the cursor waits in the password.
      await page.getByText('Your new password is set. Please sign in.').waitFor();
      await page.waitForFunction(() => location.hash === '');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByLabel('Email address').inputValue()).toBe(person.email);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-password');
      await page.keyboard.type('quiet meadow lantern 31');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: `Hello, ${person.name}` }).waitFor();
      expect(errors).toEqual([]);
    });
  },
);
