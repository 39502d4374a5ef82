import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { en } from '../../src/i18n/en';
import { auditTrailActions } from '../../src/staff/audit-trail';
import { read, signedInPerson } from '../helpers/accounts';
import { createClient, type Client } from '../helpers/client';
import { assignToTeacher } from '../helpers/staff';
import { useTestApp } from '../helpers/use-test-app';

/**
 * The admins' audit trail speaks to staff ("You opened Olena Koval’s card", "Anna Bondar
 * recorded a payment for …"), never in the student's words and never as a raw action code.
 */

type Member = { id: string; email: string; name: string; client: Client };

const t = useTestApp({ env: { TRUST_PROXY: '1' } });
let ipSeq = 0;

async function member(
  label: string,
  name: string,
  opts: { role?: 'staff' | 'admin'; locale?: 'en' | 'uk' } = {},
): Promise<Member> {
  const client = createClient(t, { ip: `198.51.100.${++ipSeq + 120}` });
  const { id, p } = await signedInPerson(t, label, () => client, {
    person: { name, locale: opts.locale },
    role: opts.role,
  });
  return { id, email: p.email, name, client };
}

let admin: Member;
let ukAdmin: Member;
let anna: Member;
let olena: Member;

beforeAll(async () => {
  admin = await member('trail-admin', 'Head Teacher', { role: 'admin' });
  ukAdmin = await member('trail-admin-uk', 'Директорка Школи', { role: 'admin', locale: 'uk' });
  anna = await member('trail-anna', 'Anna Bondar', { role: 'staff' });
  olena = await member('trail-olena', 'Olena Koval');
  await assignToTeacher(t, anna.id, olena.id);
});

/** The page's text as a reader sees it: tags gone, the few entities Hono writes decoded. */
async function trailText(m: Member) {
  const res = await m.client.get('/staff/audit');
  expect(res.status).toBe(200);
  const html = await res.text();
  const text = html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
  return { html, text };
}

describe('the audit trail in staff wording', () => {
  it('tells the admin what they did themselves, with the count of repeated opens', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await admin.client.get(`/staff/users/${olena.id}`)).status).toBe(200);
      t.clock.advance(20_000);
    }
    const { html, text } = await trailText(admin);
    // Run just before midnight, the two times carry their dates ("5 Dec 2026, 23:59 UTC").
    expect(text).toMatch(
      /You opened Olena Koval’s card — 3 times between (?:[^—]+, )?\d\d:\d\d(?: UTC)? and (?:[^—]+, )?\d\d:\d\d/,
    );
    expect(html).toContain(`href="/staff/users/${olena.id}"`);
    expect(text).not.toContain('A staff member opened your profile');
    expect(html).not.toContain('staff.viewed-profile');
  });

  it('names the staff member who acted, and what they did for whom', async () => {
    const paid = await anna.client.post('/api/v1/staff/payments', {
      userId: olena.id,
      amount: '400.00',
      currency: 'UAH',
      description: 'Lesson 1',
      paidAt: t.clock.now().toISOString().slice(0, 10),
    });
    expect(paid.status).toBe(201);
    const { html, text } = await trailText(admin);
    expect(text).toContain(`Anna Bondar (${anna.email}) recorded a payment for Olena Koval`);
    expect(text).not.toContain('A staff member recorded your payment');
    expect(html).not.toContain('staff.payment-recorded');
    const uk = await trailText(ukAdmin);
    expect(uk.text).toContain(`Anna Bondar (${anna.email}): записано оплату від «Olena Koval»`);
    expect(uk.text).toContain(`${admin.name} (${admin.email}): переглянуто журнал доступу`);
  });

  it('has words for every action of staff and admins the person’s activity knows', () => {
    const known = Object.keys(en)
      .filter((k) => /^activity\.(staff|admin)\./.test(k))
      .map((k) => k.slice('activity.'.length));
    expect(known.length).toBeGreaterThan(10);
    expect([...auditTrailActions].sort()).toEqual(expect.arrayContaining(known.sort()));
  });

  it('shows no raw action code for any action, in English or Ukrainian', async () => {
    const actions = [...auditTrailActions];
    expect(actions.length).toBeGreaterThan(10);
    await t.db.insert(auditEvents).values(
      actions.map((action) => ({
        userId: olena.id,
        actorId: anna.id,
        action,
        at: t.clock.now(),
        details: action.endsWith('assigned-staff') ? { staffId: anna.id } : null,
      })),
    );
    for (const reader of [admin, ukAdmin]) {
      const { html, text } = await trailText(reader);
      for (const action of actions) {
        expect(html, `${reader.name}: ${action}`).not.toContain(action);
        expect(text).not.toContain(action);
      }
      expect(html).not.toContain('<code>');
    }
    const { text } = await trailText(admin);
    const who = `Anna Bondar (${anna.email})`;
    for (const sentence of [
      `${who} opened Olena Koval’s card`,
      `${who} saw Olena Koval in search results`,
      `${who} searched for people`,
      `${who} booked a lesson for Olena Koval`,
      `${who} cancelled Olena Koval’s booking`,
      `${who} changed Olena Koval’s access role`,
      `${who} assigned Anna Bondar to work with Olena Koval`,
      `${who} lifted the restriction on Olena Koval’s data`,
    ])
      expect(text).toContain(sentence);
    const uk = (await trailText(ukAdmin)).text;
    expect(uk).toContain(`${who}: відкрито картку «Olena Koval»`);
    expect(uk).toContain(`${who}: скасовано заняття для «Olena Koval»`);
    expect(uk).toContain('Ви переглянули журнал доступу');
  });

  it('describes an action it has no words for yet without its code', async () => {
    await t.db.insert(auditEvents).values({
      userId: olena.id,
      actorId: anna.id,
      action: 'staff.brand-new-thing',
      at: t.clock.now(),
    });
    const { html, text } = await trailText(admin);
    expect(html).not.toContain('brand-new-thing');
    expect(text).toContain(
      `Anna Bondar (${anna.email}) did something this page has no words for yet`,
    );
  });

  it('still gives machines the codes in the JSON API', async () => {
    const res = await read(await admin.client.get('/api/v1/admin/audit'));
    expect(
      res.body.events.some((e: { action: string }) => e.action === 'staff.payment-recorded'),
    ).toBe(true);
  });
});
