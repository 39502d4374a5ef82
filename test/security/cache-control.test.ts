import { describe, expect, it } from 'vitest';
import { createClient } from '../helpers/client';
import { bearer, loginRequest, signedInPerson } from '../helpers/accounts';
import { useTestApp } from '../helpers/use-test-app';
import { cabinetPages } from '../../src/views/layout';

/**
 * Personal data must not stay in a browser's or a proxy's HTTP cache: on a school's shared
 * laptop, the next person could open the cabinet from the cache after the first signed out
 * (OWASP ASVS 8.2.1). Every answer to a signed-in request, and every answer that sets or
 * clears the session cookie, says `Cache-Control: no-store`.
 */
let ipSeq = 0;
const client = () => createClient(t, { ip: `10.71.0.${++ipSeq}` });
const t = useTestApp();
const noStore = (res: Response) =>
  expect(res.headers.get('cache-control') ?? '').toMatch(/no-store/);

describe('Cache-Control on personal answers', () => {
  it.each(['/api/v1/me', '/api/v1/me/sessions', '/api/v1/me/activity', ...cabinetPages])(
    'a signed-in GET %s is not stored',
    async (path) => {
      const { c } = await signedInPerson(t, `cache${path.replaceAll('/', '-')}`, client);
      const res = await c.get(path);
      expect(res.status).toBe(200);
      noStore(res);
    },
  );

  it('a staff page about someone else is not stored', async () => {
    const { c } = await signedInPerson(t, 'cache-staff', client, { role: 'staff' });
    const res = await c.get('/staff');
    expect(res.status).toBe(200);
    noStore(res);
  });

  it('a request signed in with a bearer token gets no-store too', async () => {
    const { p } = await signedInPerson(t, 'cache-bearer', client);
    const login = await loginRequest(client(), p, { tokenInBody: true });
    expect(login.status).toBe(200);
    // The sign-in's answer holds the session token itself.
    noStore(login);
    const { token } = (await login.json()) as { token: string };
    const res = await client().get('/api/v1/me', bearer(token));
    expect(res.status).toBe(200);
    noStore(res);
  });

  it('the answer that sets the session cookie, and the one that clears it, are not stored', async () => {
    const { p } = await signedInPerson(t, 'cache-cookie', client);
    const c = client();
    const login = await loginRequest(c, p);
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/session=/);
    noStore(login);
    const logout = await c.post('/api/v1/auth/logout');
    expect(logout.headers.get('set-cookie')).toMatch(/session=/);
    noStore(logout);
  });

  it('a public page is left cacheable for strangers, but not for someone signed in', async () => {
    const anonymous = await client().get('/privacy');
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('cache-control') ?? '').not.toMatch(/no-store/);
    // Signed in, the same page's header names the person.
    const { c } = await signedInPerson(t, 'cache-public', client);
    const signedIn = await c.get('/privacy');
    expect(signedIn.status).toBe(200);
    noStore(signedIn);
  });
});
