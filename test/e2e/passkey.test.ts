import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, passkeys } from '../../db/schema';
import { hasBrowser, useServedAppAndBrowser } from '../helpers/browser';

const enabled = hasBrowser();

describe.skipIf(!enabled)(
  'in Chromium with a virtual authenticator: add a passkey → sign out → sign in with it',
  () => {
    const e2e = useServedAppAndBrowser();

    it('a person adds a passkey in the cabinet and signs back in with it (autofill, then the button), no password typed', async () => {
      const context = await e2e.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

      // A platform authenticator (like Touch ID or Windows Hello) that holds discoverable
      // credentials and verifies the user, answering every request without a prompt.
      const cdp = await context.newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });

      // An account, made and confirmed through the API as a browser would (Origin = APP_URL).
      const email = 'olena.passkey@example.com';
      const password = 'quiet harbour lantern 42';
      const registered = await page.request.post(`${e2e.app.baseUrl}/api/v1/auth/register`, {
        headers: { origin: e2e.app.baseUrl },
        data: {
          email,
          password,
          name: 'Olena Bondar',
          acceptPrivacyPolicy: true,
          confirmAge: true,
        },
      });
      expect(registered.status()).toBe(202);
      await e2e.app.sendMail();
      const link = e2e.app.resend.lastLink(email, '/verify-email');
      const verified = await page.request.post(`${e2e.app.baseUrl}/api/v1/auth/verify-email`, {
        headers: { origin: e2e.app.baseUrl },
        data: { token: new URL(link!.url).searchParams.get('token'), password },
      });
      expect(verified.status()).toBe(200);

      // Confirming with the password signed this browser in (the request shares its cookies).
      await page.goto(`${e2e.app.baseUrl}/account`);
      await page.getByRole('heading', { name: 'Hello, Olena Bondar' }).waitFor();

      await page.goto(`${e2e.app.baseUrl}/account/security`);
      await page.getByLabel('Name of the new passkey (optional)').fill('Test laptop');
      await page.getByRole('button', { name: 'Add a passkey' }).click();
      await page.waitForURL(/notice=passkey-added/);
      await page.getByText('The passkey is added.').waitFor();
      expect(await page.locator('#passkey-list').textContent()).toContain('Test laptop');

      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      expect(credentials).toHaveLength(1);
      expect(credentials[0]!.isResidentCredential).toBe(true);
      expect(credentials[0]!.rpId).toBe('localhost');

      // Conditional UI: on the sign-in page the browser offers the passkey in the email field's
      // autofill; this authenticator answers at once, so signing out lands right back inside.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Hello, Olena Bondar' }).waitFor();

      // The button: in a browser without conditional UI, the page waits for the person to press it.
      await page.addInitScript(() => {
        PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
      });
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();
      expect((await context.cookies()).find((c) => c.name === 'session')).toBeUndefined();
      const button = page.getByRole('button', { name: 'Sign in with a passkey' });
      await button.waitFor(); // shown by the script only where passkeys work
      await button.click();
      await page.getByRole('heading', { name: 'Hello, Olena Bondar' }).waitFor();
      const session = (await context.cookies()).find((c) => c.name === 'session');
      expect(session?.httpOnly).toBe(true);

      // The cabinet shows when the passkey was last used, and the sign-in in the activity list.
      await page.goto(`${e2e.app.baseUrl}/account/security`);
      expect(await page.locator('#passkey-list').textContent()).not.toContain('never');
      expect(await page.locator('#activity').textContent()).toContain('Passkey added');

      const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      const [stored] = await e2e.app.db.select().from(passkeys);
      expect(stored!.counter).toBe(after.credentials[0]!.signCount); // the server follows the authenticator's counter
      const signIns = await e2e.app.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'sign-in'));
      expect(signIns.map((e) => (e.details as { method: string }).method)).toEqual([
        'verify-email',
        'passkey',
        'passkey',
      ]);
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
