import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from '../helpers/browser';
import {
  controlsOutOfReach,
  gapBelowCabinetNav,
  notAStyledPage,
  overflow,
  phone,
} from './page-checks';

/**
 * The stylesheet on its own, at phone width (issue 20, items 14 and 15), on small pages made
 * here: the layout's skeleton around the one thing under test. No server: the browser's
 * requests to the made-up origin are answered from public/ and from the strings below. Also
 * checks that the checks of the page-wide suite (test/e2e/a11y.test.ts) can fail.
 */
const enabled = hasBrowser();
const origin = 'http://layout.test';
const css = readFileSync(new URL('../../public/app.css', import.meta.url), 'utf8');

type Answer = { status?: number; type?: string; body: string };

/** A page in the site's layout: header with the language switcher, optional cabinet nav. */
function layout(main: string, o: { nav?: boolean } = {}) {
  const nav = o.nav
    ? `<nav class="cabinet-nav" aria-label="Account"><ul>${['Overview', 'Profile', 'Sign-in and security', 'Privacy and data', 'Mailings', 'Lessons and payments'].map((x) => `<li><a href="#">${x}</a></li>`).join('')}</ul></nav>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/app.css"><title>Fixture</title></head>
<body><header class="site-header"><p class="brand-line"><a class="brand" href="/">School</a></p>
<nav class="site-nav"><form method="post" action="/lang" class="lang-switch-form">
<button type="submit" class="link-button lang-switch">Українська</button></form></nav></header>
<div class="${o.nav ? 'page with-sidebar' : 'page'}">${nav}<main id="main">${main}</main></div>
<footer class="site-footer"><a href="/privacy">Privacy</a></footer></body></html>`;
}

/** A table as the views wrote them before: a wide one with visually hidden labels in a cell. */
const wideTable = `<h1>Security</h1><section class="card"><h2>Passkeys</h2><div class="table-wrap">
<table><thead><tr><th scope="col">Name</th><th scope="col">Added to this account</th><th scope="col">Last used to sign in</th>
<th scope="col"><span class="visually-hidden">Action</span></th></tr></thead><tbody><tr>
<td>Work laptop</td><td>5 Dec 2026, 15:19 UTC</td><td>5 Dec 2026, 15:19 UTC</td>
<td><a class="button small danger" href="#">Remove<span class="visually-hidden"> Work laptop, the one on the desk at the office</span></a></td>
</tr></tbody></table></div></section>`;

/** The same rows as stacked cards: the pattern every table follows on a phone. */
const stackedTable = `<h1>Security</h1><section class="card"><h2>Signed in</h2><div class="table-wrap">
<table class="stack-sm"><thead><tr><th scope="col">Device</th><th scope="col">IP address</th>
<th scope="col">Last active</th><th scope="col"><span class="visually-hidden">Action</span></th>
</tr></thead><tbody><tr><th scope="row">Chrome / Linux</th>
<td data-label="IP address">2001:db8:85a3:8d3:1319:8a2e:370:7348</td>
<td data-label="Last active">5 Dec 2026, 15:19 UTC</td>
<td><form class="inline-form"><button type="submit" class="button small secondary">End this session
<span class="visually-hidden"> (Firefox / Windows, 2001:db8:85a3:8d3:1319:8a2e:370:7348)</span></button></form></td>
</tr></tbody></table></div></section>`;

const pagesHere: Record<string, Answer> = {
  '/wide-table': { body: layout(wideTable, { nav: true }) },
  '/stacked-table': { body: layout(stackedTable, { nav: true }) },
  '/short-cabinet-page': {
    body: layout(
      '<h1>Are you sure?</h1><section class="card narrow"><p>Your account will be deleted.</p></section>',
      { nav: true },
    ),
  },
  '/long-badge': {
    body: layout(
      '<h1>Security</h1><section class="card"><h2>Two-step sign-in</h2><p><span class="badge ok">Двоетапний вхід увімкнено з 5 груд. 2026 р., 15:19 UTC</span></p></section>',
      { nav: true },
    ),
  },
  '/bare-404': { status: 404, type: 'text/plain', body: '404 Not Found' },
  '/json': { status: 200, type: 'application/json', body: '{"ok":true}' },
  '/no-layout': { status: 500, body: '<!doctype html><title>Error</title><p>Internal error' },
  '/no-stylesheet': { status: 404, body: layout('<h1>Not found</h1>').replace('app.css', 'x.css') },
  '/styled-404': { status: 404, body: layout('<h1>Page not found</h1>') },
};

describe.skipIf(!enabled)('phone layout (390 px): the stylesheet on small pages', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: phone });
    await context.route(`${origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/assets/app.css') return route.fulfill({ contentType: 'text/css', body: css });
      const answer = pagesHere[path];
      if (!answer) return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
      return route.fulfill({
        status: answer.status ?? 200,
        contentType: `${answer.type ?? 'text/html'}; charset=utf-8`,
        body: answer.body,
      });
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const open = async (path: string) => {
    await page.goto(origin + path);
  };

  it('a visually hidden label in a wide table does not make the page wider than the phone', async () => {
    await open('/wide-table');
    const { width, culprits } = await overflow(page);
    expect(width, culprits.join('\n')).toBeLessThanOrEqual(phone.width);
  });

  it('a stacked table keeps every row’s buttons on screen, long addresses wrapped', async () => {
    await open('/stacked-table');
    expect((await overflow(page)).width).toBeLessThanOrEqual(phone.width);
    expect(await controlsOutOfReach(page)).toEqual([]);
    // Each cell names its column above the value; the button's cell needs no name.
    const label = await page
      .locator('td[data-label="IP address"]')
      .evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toContain('IP address');
  });

  it('a table that is not stacked leaves its buttons off-screen (what the check catches)', async () => {
    await open('/wide-table');
    expect(await controlsOutOfReach(page)).toEqual([
      expect.stringMatching(/^a "Remove Work laptop.*" at \d+–\d+ px$/),
    ]);
  });

  it('a badge longer than the line wraps instead of widening the page', async () => {
    await open('/long-badge');
    const { width, culprits } = await overflow(page);
    expect(width, culprits.join('\n')).toBeLessThanOrEqual(phone.width);
  });

  it('a short badge stays on one line', async () => {
    await open('/stacked-table');
    const badge = await page.evaluate(() => {
      const b = document.createElement('span');
      b.className = 'badge ok';
      b.textContent = 'Цей пристрій';
      document.querySelector('main p, main h1')!.append(' ', b);
      return b.getClientRects().length === 1 && b.getBoundingClientRect().height < 30;
    });
    expect(badge).toBe(true);
  });

  it('a short cabinet page starts right below the navigation: no stretched blank row', async () => {
    await open('/short-cabinet-page');
    const gap = await gapBelowCabinetNav(page);
    expect(gap).not.toBeNull();
    expect(gap!).toBeLessThanOrEqual(32);
  });

  it.each([
    ['/bare-404', /^HTTP 404: text\/plain, not a page$/],
    ['/json', /^HTTP 200: application\/json, not a page$/],
    ['/no-layout', /^HTTP 500: a page without the site layout$/],
    ['/no-stylesheet', /^HTTP 404: the stylesheet is not applied$/],
  ])('%s is not a styled page', async (path, message) => {
    await open(path);
    expect(await notAStyledPage(page)).toMatch(message);
  });

  it('a styled 404 in the layout is one of ours', async () => {
    await open('/styled-404');
    expect(await notAStyledPage(page)).toBeNull();
  });
});
