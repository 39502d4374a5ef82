import type { Context } from 'hono';
import type { AppEnv } from '../../../http/env';
import { translator, type T } from '../../../i18n';
import { pageDates } from '../../../views/dates';

/** The script behind every copy button (the page's CSP allows same-origin scripts only). */
export const copyScript = '/assets/copy-text.js';

/**
 * A button that copies `text`, with the status that says it did. Hidden until copy-text.js
 * shows it where the clipboard works; without JavaScript the text on the page stays
 * selectable, which is what the button saves the person from doing by hand.
 */
export function CopyButton(p: { t: T; text: string; label: string }) {
  return (
    <span class="copy">
      <button
        type="button"
        class="button small secondary copy-button"
        data-copy={p.text}
        data-copied={p.t('twoFactor.copy.done')}
        data-failed={p.t('twoFactor.copy.failed')}
        hidden
      >
        {p.label}
      </button>
      <span class="copy-status" role="status"></span>
    </span>
  );
}

/** "recovery-codes-<school>.txt", with only what every file system takes. */
function fileName(school: string) {
  const slug = school
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug ? `recovery-codes-${slug}.txt` : 'recovery-codes.txt';
}

/** The text file: whose codes these are, when they were made, how to use them, the codes. */
function codesFile(c: Context<AppEnv>, codes: string[]) {
  const t = translator(c.get('locale'));
  const school = c.get('deps').config.schoolName;
  const email = c.get('auth')?.user.email ?? '';
  const made = pageDates(c).dateTime(c.get('deps').clock.now());
  return [
    t('twoFactor.codes.file.title', { school, email }),
    t('twoFactor.codes.file.made', { when: made }),
    t('twoFactor.codes.file.use'),
    '',
    ...codes.map((code, i) => `${String(i + 1).padStart(2, ' ')}. ${code}`),
    '',
  ].join('\n');
}

/**
 * Copy and download for the recovery codes. The download is a `data:` link with `download`:
 * it works without JavaScript, and the codes never leave the page they are shown on (the
 * server keeps only their hashes, so no later request could give them out again).
 */
export function KeepCodes(p: { c: Context<AppEnv>; codes: string[] }) {
  const t = translator(p.c.get('locale'));
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(codesFile(p.c, p.codes))}`;
  return (
    <div class="actions">
      <CopyButton t={t} text={p.codes.join('\n')} label={t('twoFactor.copy.codes')} />
      <a
        href={href}
        download={fileName(p.c.get('deps').config.schoolName)}
        class="button secondary"
      >
        {t('twoFactor.codes.download')}
      </a>
    </div>
  );
}
