import { sql, type SQL } from 'drizzle-orm';
import { unsubscribeKeyName } from './signing-key';
import { unsubscribeTokenContext } from './unsubscribe-token';

/**
 * The tokens of `signUnsubscribeToken`, computed by the database, so a 100,000-recipient
 * announcement is one INSERT … SELECT with nothing per recipient in JavaScript. The HMAC is
 * RFC 2104 over the built-in sha256(): H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), K zero-padded to
 * the 64-byte block. The key is read from app_secrets inside the statement and never sent as
 * a parameter, where a slow-statement log could print it. Web Crypto stays the reference:
 * it verifies every link, and a test checks that both give the same bytes.
 */

/** One row `(ipad, opad)`: the key XOR 0x36 and XOR 0x5c. Join it once as `alias`. */
export const hmacPadsSql = sql`(
  select
    decode(string_agg(lpad(to_hex(b # 54), 2, '0'), '' order by i), 'hex') as ipad,
    decode(string_agg(lpad(to_hex(b # 92), 2, '0'), '' order by i), 'hex') as opad
  from (
    select decode(rpad(translate(value, '-_', '+/'), (length(value) + 3) / 4 * 4, '='), 'base64') as k
    from app_secrets where name = ${unsubscribeKeyName}
  ) as secret
  cross join lateral (
    select i, case when i < length(k) then get_byte(k, i) else 0 end as b from generate_series(0, 63) as i
  ) as bytes
)`;

// encode() wraps base64 at 76 characters; the newline goes with the padding.
const base64url = (bytes: SQL) =>
  sql`rtrim(translate(encode(${bytes}, 'base64'), ${'+/\n'}::text, '-_'), '=')`;

/** The token for the uuid expression `userId` on `list`, given the pads joined as `alias`. */
export function unsubscribeTokenSql(userId: SQL, list: string, alias: string): SQL {
  const pads = sql.identifier(alias);
  const payload = sql`(decode(replace(${userId}::text, '-', ''), 'hex') || convert_to(${list}::text, 'UTF8'))`;
  const message = sql`convert_to(${unsubscribeTokenContext}::text, 'UTF8') || ${payload}`;
  const mac = sql`sha256(${pads}.opad || sha256(${pads}.ipad || ${message}))`;
  return sql`(${base64url(payload)} || '.' || ${base64url(mac)})`;
}
