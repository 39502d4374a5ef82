import { amountSchema } from './schemas';

/**
 * An amount as people type it into a page: the app prints "1 200,50 ₴" in Ukrainian and
 * "1,200.50" in English, so a decimal comma or point is taken before one or two digits, and
 * spaces (also the no-break and narrow no-break spaces `Intl` prints) only between groups of
 * three digits. Anything that could be read two ways ("1,200", "1.200,50") is refused as
 * unclear rather than guessed at. The JSON API stays strict: see `amountSchema`.
 */
export type TypedAmount =
  { ok: true; amount: string } | { ok: false; reason: 'unclear' | 'invalid' };

const plain = /^\d+(?:[.,]\d{1,2})?$/;
const grouped = /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d{1,2})?$/;
/** Digits and separators only: a number, but with separators we will not guess about. */
const numberLike = /^(?=.*\d)[\d.,\s]+$/;

export function readTypedAmount(input: string): TypedAmount {
  const typed = input.trim();
  if (plain.test(typed) || grouped.test(typed)) {
    const amount = typed.replace(/\s/g, '').replace(',', '.');
    return amountSchema.safeParse(amount).success
      ? { ok: true, amount }
      : { ok: false, reason: 'invalid' };
  }
  return { ok: false, reason: numberLike.test(typed) ? 'unclear' : 'invalid' };
}
