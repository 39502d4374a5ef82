import type { Context } from 'hono';
import type { AppEnv } from './env';
import type { RequestMeta } from '../core/activity';

export const requestMeta = (c: Context<AppEnv>): RequestMeta => ({
  ip: c.get('clientIp'),
  userAgent: c.req.header('user-agent')?.slice(0, 400) ?? null,
});
