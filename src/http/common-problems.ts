import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import { problem } from './problem';
import { translator } from '../i18n';
import type { PasswordProblem } from '../core/password-policy';
import type { TokenFailure } from '../core/email-tokens';
import { passwordLimits } from '../core/password-policy';

export const passwordSchema = z
  .string()
  .min(1)
  .max(4 * passwordLimits.max)
  .openapi({ format: 'password', description: '8–128 characters (Unicode code points)' });

export const tokenSchema = z.string().min(1).max(200);

export const rateLimited = (c: Context<AppEnv>, retryAfterSeconds: number) =>
  problem(c, {
    status: 429,
    type: 'rate-limited',
    title: 'Too many attempts; try again later',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });

export const weakPassword = (c: Context<AppEnv>, field: string, reason: PasswordProblem) =>
  problem(c, {
    status: 400,
    type: 'weak-password',
    title: 'Choose another password',
    errors: [{ path: field, message: translator('en')(`password.${reason}`) }],
  });

export const badToken = (c: Context<AppEnv>, reason: TokenFailure) =>
  problem(c, {
    status: 400,
    type: `token-${reason}`,
    title:
      reason === 'expired'
        ? 'The link has expired'
        : reason === 'used'
          ? 'The link was already used'
          : 'The link is not valid',
  });

/** A wrong password, or no such account: one answer for both, so neither can be told apart. */
export const invalidCredentials = (c: Context<AppEnv>) =>
  problem(c, {
    status: 401,
    type: 'invalid-credentials',
    title: 'The email or password is not right',
  });

/** After "This wasn't me": nothing signs in until a new password is set from the emailed link. */
export const resetRequired = (c: Context<AppEnv>) =>
  problem(c, {
    status: 403,
    type: 'password-reset-required',
    title: 'Set a new password with the emailed link',
  });
