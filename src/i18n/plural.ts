/**
 * Plural messages are keyed forms: `base.one`, `base.few`, `base.many`, `base.other`, one per
 * category `Intl.PluralRules` knows for the language, and nothing else (English: one, other;
 * Ukrainian and Russian: one, few, many, other; Czech: one, few, many for fractions, other).
 * A test (catalogues.test.ts) checks every plural message of every language against
 * `pluralCategories`, because the type below cannot know which forms a language needs.
 */
export type PluralCategory = Intl.LDMLPluralRule;

/** The base keys of plural messages: every key with an `.other` form, without it. */
export type PluralBase<K> = K extends `${infer B}.other` ? B : never;
type FormKey<K> = `${PluralBase<K>}.${PluralCategory}`;

/**
 * A translation of an English catalogue `E`: every plain key, and each plural message's
 * `.other` plus whichever other forms the language's rules select.
 */
export type Translation<E> = Record<Exclude<keyof E & string, FormKey<keyof E & string>>, string> &
  Record<`${PluralBase<keyof E & string>}.other`, string> &
  Partial<Record<FormKey<keyof E & string>, string>>;

// One PluralRules per language tag, for good: constructing one costs more than selecting.
const rules = new Map<string, Intl.PluralRules>();

/** The plural category `count` takes in the language of `tag`. */
export function pluralCategory(tag: string, count: number): PluralCategory {
  let r = rules.get(tag);
  if (!r) rules.set(tag, (r = new Intl.PluralRules(tag)));
  return r.select(count);
}
