import { translator, type Locale, type T } from '../i18n';
import { exportEn, type CodeSet, type ExportCatalogue } from '../i18n/en/export';
import { exportUk } from '../i18n/uk/export';
import { exportRu } from '../i18n/ru/export';
import { exportCs } from '../i18n/cs/export';
import { formatNumber } from '../i18n/format';
import { activityLabel } from '../views/activity-label';
import type { Dataset } from './registry';
import type { Row } from './paging';
import { cellText } from './csv';
import { localTime } from './local-time';

/** The CSV words in each language. */
export const exportCatalogues: Record<Locale, ExportCatalogue> = {
  en: exportEn,
  uk: exportUk,
  ru: exportRu,
  cs: exportCs,
};

/**
 * How a column's value is put in words: a set of codes from the catalogue, an audit action
 * (worded as the activity page words it), or an amount of money (the reader's decimal mark).
 * Dates and booleans need no entry: they are recognised by their type.
 */
export type ValueKind = CodeSet | 'action' | 'amount';

/** The columns that hold codes, file by file. A code with no words yet is shown as it is. */
export const valueKinds: Record<string, Record<string, ValueKind>> = {
  profile: { locale: 'locale', role: 'role' },
  'sign-in-methods': { type: 'signInType' },
  'security-events': { action: 'action', byRole: 'role' },
  'emailed-links': { purpose: 'tokenPurpose' },
  'passkey-challenges': { purpose: 'challengePurpose' },
  consents: { kind: 'consentKind', granted: 'consentGranted', method: 'method' },
  'restriction-decisions': { decision: 'restrictionDecision' },
  subscriptions: { status: 'subscriptionStatus' },
  'subscription-events': { action: 'subscriptionAction', method: 'method' },
  bookings: { status: 'bookingStatus' },
  payments: { amount: 'amount' },
  emails: { template: 'mailTemplate', locale: 'locale', status: 'mailStatus' },
};

/** The heading a person reads over `column` of `dataset`; the column's own name when there is none. */
export function heading(locale: Locale, dataset: string, column: string): string {
  const words = exportCatalogues[locale];
  const own = (words.headingsIn as Record<string, Record<string, string> | undefined>)[dataset];
  return own?.[column] ?? (words.headings as Record<string, string>)[column] ?? column;
}

/** Who reads the file: their language and the zone their clock is in. */
export type Reader = { locale: Locale; timeZone: string };
type Words = Reader & { t: T; codes: Record<string, Record<string, string>> };

function inWords(value: unknown, kind: ValueKind | undefined, words: Words): unknown {
  if (value === null || value === undefined) return value;
  if (value instanceof Date) return localTime(value, words.timeZone);
  if (typeof value === 'boolean') return words.codes.bool![value ? 'true' : 'false'];
  if (!kind) return value;
  if (kind === 'amount')
    return formatNumber(Number(value), words.locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      useGrouping: false,
    });
  const code = cellText(value);
  if (kind === 'action') return activityLabel(words.t, code);
  return words.codes[kind]?.[code] ?? value;
}

/**
 * One CSV file's columns: first every column for people (headings in the reader's language,
 * codes and yes/no in words, times on their own clock with the offset), then every column for
 * programs exactly as in data.json (the same names, codes, ISO times in UTC).
 */
export function csvLayout(dataset: Dataset, reader: Reader) {
  const kinds = valueKinds[dataset.name] ?? {};
  const columns = dataset.columns;
  const words: Words = {
    ...reader,
    t: translator(reader.locale),
    codes: exportCatalogues[reader.locale].codes,
  };
  return {
    header: [...columns.map((c) => heading(reader.locale, dataset.name, c)), ...columns],
    cells: (row: Row): unknown[] => [
      ...columns.map((c) => inWords(row[c], kinds[c], words)),
      ...columns.map((c) => row[c]),
    ],
  };
}
