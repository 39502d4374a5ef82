import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/use-test-app';
import { signedInPerson } from './privacy-fixtures';

/**
 * The privacy page as a person on a phone meets it: the rights come first, a message after a
 * button lands where the button was, and confirming who you are finishes what you asked for.
 */
const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const minute = 60_000;

/** The slice of the page that one card (section id) renders. */
function section(html: string, id: string) {
  const start = html.indexOf(`<section class="card" aria-labelledby="${id}-h" id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

describe('the privacy page', () => {
  it('puts download, restriction and deletion before the long list of categories', async () => {
    const { client } = await signedInPerson(t, 'order');
    const html = await (await client.get('/account/privacy')).text();
    const at = (id: string) => html.indexOf(`id="${id}"`);
    expect(at('export')).toBeGreaterThan(-1);
    expect(at('export')).toBeLessThan(at('restriction'));
    expect(at('restriction')).toBeLessThan(at('delete'));
    expect(at('delete')).toBeLessThan(at('hold-h'));
    expect(at('delete')).toBeLessThan(at('processors'));
    // A short index names every part, so the categories are one tap away too.
    const index = html.slice(
      html.indexOf('<nav class="page-index"'),
      html.indexOf('</nav>', html.indexOf('<nav class="page-index"')),
    );
    for (const id of ['export', 'restriction', 'delete', 'holdings', 'processors', 'consents'])
      expect(index).toContain(`href="#${id}"`);
  });

  it('shows the message about the restriction inside the restriction card, where the button was', async () => {
    const { client } = await signedInPerson(t, 'notice-place');
    let res = await client.form('/account/privacy/restriction', { reason: 'My name is misspelt' });
    expect(res.headers.get('location')).toBe('/account/privacy?notice=restricted#restriction');
    let html = await (await client.get('/account/privacy?notice=restricted')).text();
    expect(section(html, 'restriction')).toContain('Processing of your data is now restricted.');

    res = await client.form('/account/privacy/restriction/lift', {});
    expect(res.headers.get('location')).toBe('/account/privacy?notice=lifted#restriction');
    html = await (await client.get('/account/privacy?notice=lifted')).text();
    expect(section(html, 'restriction')).toContain('The restriction is lifted.');
    // …and only there: not a second time at the top of a page several screens long.
    expect(html.split('The restriction is lifted.')).toHaveLength(2);
  });

  it('shows a rejected reason inside the card too, and lands there', async () => {
    const { client } = await signedInPerson(t, 'reason-error');
    const res = await client.form('/account/privacy/restriction', { reason: '   ' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(section(html, 'restriction')).toContain('class="field-error"');
    // The re-rendered page is the form's answer: the address cannot carry a fragment, so the
    // card is the focus target a tiny script or the autofocus on the field brings into view.
    expect(section(html, 'restriction')).toMatch(/<textarea[^>]*autofocus/);
  });
});

describe('a restriction in force', () => {
  it('is said on the overview, with the way to lift it', async () => {
    const { client } = await signedInPerson(t, 'restricted-overview');
    expect(await (await client.get('/account')).text()).not.toContain('id="restricted-notice"');
    await client.form('/account/privacy/restriction', { reason: 'Wrong phone number' });
    const html = await (await client.get('/account')).text();
    const at = html.indexOf('id="restricted-notice"');
    expect(at).toBeGreaterThan(-1);
    const notice = html.slice(at, html.indexOf('</div>', at));
    expect(notice).toContain('Processing of your data is restricted');
    expect(notice).toContain('href="/account/privacy#restriction"');
  });
});

describe('confirming who you are before a download', () => {
  it('comes back and starts the download that was asked for', async () => {
    const { client, person } = await signedInPerson(t, 'reauth-download');
    t.clock.advance(11 * minute);
    const page = await (await client.get('/account/privacy')).text();
    const next = encodeURIComponent('/account/privacy?download=zip#export');
    expect(page).toContain(`href="/reauth?next=${next}"`);

    // The download link itself, followed without a fresh proof, asks for one and keeps the format.
    let res = await client.get('/account/privacy/export?format=json');
    expect(res.status).toBe(303);
    const jsonNext = encodeURIComponent('/account/privacy?download=json#export');
    expect(res.headers.get('location')).toBe(`/reauth?next=${jsonNext}`);

    // Before the proof the download is not started, whatever the address says.
    res = await client.get('/account/privacy?download=zip');
    expect(res.headers.get('refresh')).toBeNull();

    res = await client.form(`/reauth?next=${next}`, { password: person.password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/privacy?download=zip#export');

    res = await client.get('/account/privacy?download=zip');
    expect(res.status).toBe(200);
    expect(res.headers.get('refresh')).toBe('0; url=/account/privacy/export');
    const html = await res.text();
    expect(section(html, 'export')).toContain('Your download starts now');
    expect(section(html, 'export')).toContain('href="/account/privacy/export"');

    res = await client.get('/account/privacy?download=json');
    expect(res.headers.get('refresh')).toBe('0; url=/account/privacy/export?format=json');
    // A link from another site starts nothing, even with a fresh proof.
    res = await client.get('/account/privacy?download=zip', {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
    });
    expect(res.headers.get('refresh')).toBeNull();
    // Anything else in the address starts nothing.
    res = await client.get('/account/privacy?download=https://evil.example');
    expect(res.headers.get('refresh')).toBeNull();
  });
});
