import type { Page, Response } from 'playwright-core';

/** A phone: the width the issue measured at (an iPhone 12–15), in CSS pixels. */
export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 720 };

/**
 * What the browser shows now is one of our pages: an HTML document (not a bare text or JSON
 * answer), in the site layout (its header with the language switcher) and with the stylesheet
 * applied (the body is the layout's flex column). The status is that of the document shown,
 * after any redirect, so a form's answer is judged as well as a link's.
 */
export async function notAStyledPage(page: Page): Promise<string | null> {
  const shape = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as
      (PerformanceNavigationTiming & { responseStatus?: number }) | undefined;
    return {
      status: nav?.responseStatus ?? 0,
      type: document.contentType,
      layout: document.querySelector('header.site-header form[action="/lang"]') !== null,
      styled: getComputedStyle(document.body).display === 'flex',
    };
  });
  if (shape.type !== 'text/html') return `HTTP ${shape.status}: ${shape.type}, not a page`;
  if (!shape.layout) return `HTTP ${shape.status}: a page without the site layout`;
  if (!shape.styled) return `HTTP ${shape.status}: the stylesheet is not applied`;
  return null;
}

/**
 * Collects every answer of 400 or more to what a page loads (its stylesheet, scripts, icon;
 * the document itself is judged by `notAStyledPage`, as a styled 404 is right), until `take`
 * is called; `take` returns them and starts a new list.
 */
export function failedResponses(page: Page) {
  let seen: string[] = [];
  const base = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
  page.on('response', (r: Response) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document')
      seen.push(`HTTP ${r.status()} ${r.request().method()} ${base(r.url())}`);
  });
  return {
    take() {
      const out = seen;
      seen = [];
      return out;
    },
  };
}

/**
 * How wide the page is at the viewport's width, and, when wider, the innermost elements that
 * stick out past the right edge (what to fix), e.g. `span.visually-hidden "Actions" → 612 px`.
 */
export async function overflow(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const width = document.documentElement.scrollWidth;
    if (width <= limit) return { width, culprits: [] };
    // Inside a scroll container (a table that scrolls sideways) an element is clipped, unless it
    // is positioned out of it: absolutely, against an ancestor outside the container.
    const clipped = (el: Element) => {
      let escapes = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        const positioned = style.position !== 'static';
        if (escapes && !positioned) continue; // not its containing block: no clipping
        if (style.overflowX !== 'visible') return true;
        if (positioned) escapes = ['absolute', 'fixed'].includes(style.position);
      }
      return false;
    };
    const out = (el: Element) => el.getBoundingClientRect().right + window.scrollX > limit + 0.5;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => out(el) && ![...el.children].some(out) && !clipped(el))
      .slice(0, 6)
      .map((el) => {
        const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        const right = Math.round(el.getBoundingClientRect().right + window.scrollX);
        return `${el.tagName.toLowerCase()}${cls} "${text}" → ${right} px`;
      });
    return { width, culprits };
  });
}

/**
 * Controls a phone user cannot reach without scrolling a table sideways: every visible link,
 * button, field and summary in the main content must lie within the viewport's width.
 */
export async function controlsOutOfReach(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const controls = document.querySelectorAll(
      'main :is(a[href], button, input, select, textarea, summary)',
    );
    return [...controls]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return false; // hidden, or visually hidden
        return r.left < -0.5 || r.right > limit + 0.5;
      })
      .slice(0, 6)
      .map((el) => {
        const r = el.getBoundingClientRect();
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `${el.tagName.toLowerCase()} "${text}" at ${Math.round(r.left)}–${Math.round(r.right)} px`;
      });
  });
}

/**
 * The blank space between the cabinet's navigation (its links) and the page's content on a
 * phone, where they stack (null on pages without that navigation). A few rem is the layout's
 * gap; more is a stretched grid row.
 */
export async function gapBelowCabinetNav(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    // The list, not the <nav>: a stretched grid row stretches the <nav> with it.
    const nav = document.querySelector('.cabinet-nav ul');
    const main = document.querySelector('main');
    if (!nav || !main) return null;
    const first = main.firstElementChild ?? main;
    return Math.round(first.getBoundingClientRect().top - nav.getBoundingClientRect().bottom);
  });
}

/**
 * Quotation marks of English (or German) typography in the page's text in `language` (one
 * that quotes in « », Ukrainian unless told): every text node whose nearest `lang` is that
 * language (an English mail previewed on a Ukrainian page keeps its own typography), with a
 * little of the text around each.
 */
export async function foreignQuotes(page: Page, language = 'uk'): Promise<string[]> {
  return page.evaluate((language) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style')) continue;
      if (!(parent.closest('[lang]')?.getAttribute('lang') ?? '').startsWith(language)) continue;
      for (const m of (node.textContent ?? '').matchAll(/.{0,30}[“”„‟].{0,30}/g)) found.push(m[0]);
    }
    return found;
  }, language);
}
