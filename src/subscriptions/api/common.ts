import { sessionSecurity } from '../../http/validation';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { problem, problems } from '../../http/problem';

export const tags = ['Subscriptions'];
export const security = sessionSecurity;

export const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

export const noSuchList = (c: Context<AppEnv>) =>
  problem(c, { ...problems.notFound, detail: 'No mailing list by that name' });

export const mandatoryList = (c: Context<AppEnv>, status: 400 | 409) =>
  problem(c, {
    status,
    type: 'mandatory-list',
    title:
      'The service list carries mail about your account; it cannot be left or used for announcements',
  });
