import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';

/** RFC 6238 defaults every authenticator app understands: 30-second steps, 6 digits, SHA-1. */
export const totpPeriodSeconds = 30;
export const totpDigits = 6;

/** 160 random bits, the key length RFC 4226 recommends, as the base32 apps accept. */
export function generateTotpSecret(): string {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return encodeBase32UpperCaseNoPadding(key);
}

export const totpKeyUri = (issuer: string, account: string, secret: string) =>
  createTOTPKeyURI(
    issuer,
    account,
    decodeBase32IgnorePadding(secret),
    totpPeriodSeconds,
    totpDigits,
  );

export const totpStepAt = (now: Date) => Math.floor(now.getTime() / 1000 / totpPeriodSeconds);

export const isTotpCodeShaped = (code: string) => /^\d{6}$/.test(code);

/**
 * Finds the time step a code belongs to, allowing one step of clock drift either way. A step
 * at or before `lastUsedStep` is refused ('used'): that makes every code single-use, and an
 * older code unusable once a newer one was accepted.
 */
export function matchTotpStep(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): { ok: true; step: number } | { ok: false; reason: 'invalid' | 'used' } {
  if (!isTotpCodeShaped(code)) return { ok: false, reason: 'invalid' };
  const key = decodeBase32IgnorePadding(secret);
  const given = new TextEncoder().encode(code);
  const current = totpStepAt(now);
  let usedMatch = false;
  for (const step of [current - 1, current, current + 1]) {
    const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), totpDigits));
    if (!constantTimeEqual(expected, given)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) {
      usedMatch = true;
      continue;
    }
    return { ok: true, step };
  }
  return { ok: false, reason: usedMatch ? 'used' : 'invalid' };
}

/** The code an app would show at `now` (tests and the setup check use it). */
export const totpCodeAt = (secret: string, now: Date) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(totpStepAt(now)), totpDigits);
