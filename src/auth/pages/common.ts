import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';

/** A wait in whole minutes for the page text, never "0 minutes". */
export const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** The token of an emailed link, bounded before it reaches the database. */
export const tokenOf = (c: Context<AppEnv>) => (c.req.query('token') ?? '').slice(0, 200);
