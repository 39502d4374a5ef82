/**
 * `npm run screenshots`: starts the whole service on a fresh in-memory database (the e2e
 * tests' harness, mail to a local fake), seeds a student with a profile, two lessons, a
 * payment and a subscription, and saves PNGs of the main pages at phone (390×844) and
 * desktop (1280×800) widths into docs/screenshots/: English, plus Ukrainian and Czech pages,
 * a Russian mail, and one dark. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 *
 *   npm run screenshots             # all of them
 *   npm run screenshots -- home     # only the shots whose name contains "home"
 *   npm run screenshots -- --full   # whole pages, not just the first screen
 *   SCREENSHOTS_DIR=/tmp/shots npm run screenshots   # somewhere else
 */
import { join } from 'node:path';

// The screenshots never touch a real database, whatever the shell has set: cleared before the
// service's modules load.
delete process.env.DATABASE_URL;

const { takeScreenshots } = await import('./screenshots/take');

const args = process.argv.slice(2);
await takeScreenshots({
  fullPage: args.includes('--full'),
  only: args.find((a) => !a.startsWith('--')),
  outDir: process.env.SCREENSHOTS_DIR ?? join(process.cwd(), 'docs', 'screenshots'),
});
