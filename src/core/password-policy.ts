import { dictionary } from '@zxcvbn-ts/language-common';

export const passwordLimits = { min: 8, max: 128 } as const;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'same-as-identity' | 'breached';

// zxcvbn-ts ships the ~49,000 most common passwords from public breach corpora.
let commonPasswords: Set<string> | undefined;
function isCommon(password: string) {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/** NFKC first, so that the same password typed on another keyboard hashes the same. */
export const normalizePassword = (password: string) => password.normalize('NFKC');

/**
 * NIST SP 800-63B rules: length in code points, no composition rules, no common or
 * context-specific passwords. Expects an NFKC-normalised password.
 */
export function checkPassword(
  password: string,
  identity: { email?: string; name?: string },
): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordLimits.min) return 'too-short';
  if (length > passwordLimits.max) return 'too-long';
  if (isCommon(password)) return 'common';
  const lowered = password.toLowerCase().trim();
  const email = identity.email?.toLowerCase();
  const candidates = [email, email?.split('@')[0], identity.name?.toLowerCase().trim()].filter(
    (x): x is string => !!x && x.length > 0,
  );
  if (candidates.includes(lowered)) return 'same-as-identity';
  return null;
}

/**
 * Optional k-anonymity check against a Pwned Passwords range API: only the first five hex
 * characters of the SHA-1 leave the machine. Fails open (a network error allows the password).
 */
export async function isBreachedPassword(password: string, rangeApiUrl: string): Promise<boolean> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(password));
  const hex = [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  const prefix = hex.slice(0, 5);
  const suffix = hex.slice(5);
  try {
    const res = await fetch(`${rangeApiUrl.replace(/\/$/, '')}/range/${prefix}`, {
      headers: { 'Add-Padding': 'true' },
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) return false;
    const body = await res.text();
    return body.split('\n').some((line) => {
      const [s, count] = line.trim().split(':');
      return s === suffix && Number(count) > 0;
    });
  } catch {
    return false;
  }
}
