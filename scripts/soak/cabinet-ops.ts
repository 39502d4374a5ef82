import { exclusive, password, pick, signedIn, type Crowd, type Person } from './crowd';
import { cabinetPages } from '../../src/views/layout';

export async function readCabinet(c: Crowd) {
  const p = pick(signedIn(c));
  if (!p) return;
  const path = pick([
    '/api/v1/me',
    '/api/v1/me/sessions',
    '/api/v1/me/activity',
    '/api/v1/me/subscriptions',
    '/api/v1/me/bookings',
    '/api/v1/me/consents',
  ])!;
  await c.traffic.call('read cabinet', 'GET', path, { token: p.token, ip: p.ip, expect: [200] });
}

export async function cabinetPage(c: Crowd) {
  const p = pick(signedIn(c));
  if (!p) return;
  const path = pick(cabinetPages)!;
  await c.traffic.call('cabinet page', 'GET', path, { cookie: p.token, ip: p.ip, expect: [200] });
}

export async function exportData(c: Crowd) {
  const p = pick(signedIn(c));
  if (!p) return;
  // Privileged for REAUTH_MINUTES after signing in; prove the password again when older.
  if (Date.now() - (p.signedInAt ?? 0) > 9 * 60_000) {
    await c.traffic.call('reauth', 'POST', '/api/v1/auth/reauth', {
      body: { password },
      token: p.token,
      ip: p.ip,
      expect: [204],
    });
    p.signedInAt = Date.now();
  }
  await c.traffic.call(
    'export',
    'GET',
    pick(['/api/v1/me/export', '/api/v1/me/export?format=json'])!,
    { token: p.token, ip: p.ip, expect: [200] },
  );
}

export async function profileEdit(c: Crowd) {
  const p = pick(signedIn(c));
  if (p)
    await c.traffic.call('profile edit', 'PATCH', '/api/v1/me', {
      body: { goals: `Goal ${Date.now()}`, phone: '+380 44 123 4567' },
      token: p.token,
      ip: p.ip,
      expect: [200],
    });
}

/** The second half of a person's list round: confirm the mailed link if it came, then leave. */
async function confirmAndLeave(c: Crowd, p: Person) {
  const token = await c.target.mailedToken(p.email, '/subscriptions/confirm');
  if (token)
    await c.traffic.call('confirm subscription', 'POST', '/api/v1/subscriptions/confirm', {
      body: { token },
      ip: p.ip,
      expect: [200, 400],
    });
  await c.traffic.call('unsubscribe', 'PUT', '/api/v1/me/subscriptions/news', {
    body: { subscribed: false },
    token: p.token,
    ip: p.ip,
    expect: [200],
  });
  p.listDone = true;
}

/**
 * Once each: join (double opt-in), confirm, leave. Toggling more often is rate-limited
 * (confirmation mails per person), as it should be.
 */
export function subscribe(c: Crowd) {
  return exclusive(
    signedIn(c).filter((x) => !x.listDone),
    async (p) => {
      if (p.subscribed) return confirmAndLeave(c, p);
      const res = await c.traffic.call('subscribe', 'PUT', '/api/v1/me/subscriptions/news', {
        body: { subscribed: true },
        token: p.token,
        ip: p.ip,
        expect: [200],
      });
      if (res.ok) p.subscribed = true;
    },
  );
}

export async function staffBooking(c: Crowd) {
  const p = pick(signedIn(c).filter((x) => x.id));
  const adminToken = c.adminToken;
  if (!p || !adminToken) return;
  const staff = { token: adminToken, ip: '10.200.0.1' };
  const day = 86_400_000;
  const start = new Date(Date.now() + (1 + Math.floor(Math.random() * 30)) * day);
  start.setUTCMinutes(0, 0, 0);
  const local = (d: Date) => d.toISOString().slice(0, 16);
  const res = await c.traffic.call<{ id: string }>(
    'staff booking',
    'POST',
    '/api/v1/staff/bookings',
    {
      body: {
        userId: p.id,
        title: 'Soak lesson',
        startsAt: local(start),
        endsAt: local(new Date(start.getTime() + 3_600_000)),
        timeZone: 'Europe/Kyiv',
        location: 'Room 1',
      },
      ...staff,
      expect: [201],
    },
  );
  if (res.ok && Math.random() < 0.3) {
    const cancel = `/api/v1/staff/bookings/${res.json!.id}/cancel`;
    await c.traffic.call('staff booking', 'POST', cancel, { ...staff, expect: [200] });
  }
  const search = `/api/v1/staff/users?query=${encodeURIComponent('Soak Person')}`;
  await c.traffic.call('staff search', 'GET', search, { ...staff, expect: [200] });
}
