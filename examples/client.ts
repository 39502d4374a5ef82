/**
 * A typed client for /api/v1 in a few lines: the types come from openapi.json
 * (`npm run api:types` → examples/api-types.d.ts) and openapi-fetch checks every path, body
 * and answer against them at compile time.
 *
 *   npm run dev                                   # a server with the dev mailbox
 *   npx tsx examples/client.ts http://localhost:3000
 *
 * It registers, confirms the address with the emailed link (read from the dev mailbox, the
 * stand-in for a real inbox), signs in for a bearer token, reads /me and downloads the export.
 */
import createClient from 'openapi-fetch';
import type { paths } from './api-types';

export type ExampleResult = { me: { email: string; name: string }; exportBytes: number };

/** Where the example reads the emailed verification link; a real client has a person do it. */
export type Inbox = (address: string) => Promise<string>;

/** Every problem answer is RFC 9457 problem+json; this turns one into an Error. */
function fail(step: string, error: { title?: string; detail?: string } | undefined): never {
  throw new Error(
    `${step}: ${error?.title ?? 'failed'}${error?.detail ? ` (${error.detail})` : ''}`,
  );
}

export async function runExample(baseUrl: string, inbox: Inbox): Promise<ExampleResult> {
  const api = createClient<paths>({ baseUrl: `${baseUrl}/api/v1` });
  const email = `example-${Date.now()}@example.com`;
  const password = 'correct horse battery staple 42';

  const registered = await api.POST('/auth/register', {
    body: { email, password, name: 'Example Student', acceptPrivacyPolicy: true, confirmAge: true },
  });
  if (registered.error) fail('register', registered.error);

  // The password chosen at registration confirms the link, so a stolen link alone is useless.
  const token = await inbox(email);
  const verified = await api.POST('/auth/verify-email', { body: { token, password } });
  if (verified.error) fail('verify-email', verified.error);

  // `tokenInBody` asks for the session token, sent from now on as `Authorization: Bearer`.
  const signedIn = await api.POST('/auth/login', { body: { email, password, tokenInBody: true } });
  if (signedIn.error) fail('login', signedIn.error);
  if (!('token' in signedIn.data) || !signedIn.data.token) throw new Error('login: no token');
  const headers = { Authorization: `Bearer ${signedIn.data.token}` };

  const me = await api.GET('/me', { headers });
  if (me.error) fail('me', me.error);

  // A fresh sign-in is privileged for REAUTH_MINUTES, which the export requires.
  const exported = await api.GET('/me/export', { headers, parseAs: 'arrayBuffer' });
  if (exported.error) fail('export', exported.error);

  return {
    me: { email: me.data.email, name: me.data.name },
    exportBytes: exported.data.byteLength,
  };
}

/** The dev mailbox (no RESEND_API_KEY): the newest mail to `address` with a verification link. */
export const devMailbox =
  (baseUrl: string): Inbox =>
  async (address) => {
    const list = await (await fetch(`${baseUrl}/dev/mailbox`)).text();
    for (const [, id] of list.matchAll(/\/dev\/mailbox\/([0-9a-f-]{36})/g)) {
      const mail = await (await fetch(`${baseUrl}/dev/mailbox/${id}`)).text();
      const token = /\/verify-email\?token=([a-z2-7]+)/.exec(mail)?.[1];
      if (token && mail.includes(address)) return token;
    }
    throw new Error(`no verification mail to ${address} in ${baseUrl}/dev/mailbox`);
  };

if (import.meta.url === `file://${process.argv[1]}`) {
  const baseUrl = process.argv[2] ?? 'http://localhost:3000';
  const result = await runExample(baseUrl, devMailbox(baseUrl));
  console.log(`signed in as ${result.me.email}; the export is ${result.exportBytes} bytes`);
}
