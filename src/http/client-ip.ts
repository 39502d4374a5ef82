import type { Context } from 'hono';

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * The client's address. Behind a proxy (`TRUST_PROXY`) the right-most X-Forwarded-For entry
 * is the one our proxy saw; earlier entries are client-supplied and could be forged.
 * On Workers Cloudflare sets CF-Connecting-IP; on Node the socket tells.
 */
export function readClientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
    const cf = c.req.header('cf-connecting-ip');
    if (cf) return cf.slice(0, 64);
  }
  const socketAddress = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  return socketAddress ? socketAddress.replace(/^::ffff:/, '') : null;
}
