import { personTimeZone } from '../i18n/time-zone';
import type { Controller } from '../config-privacy';
import type { Deps } from '../deps';
import { translator, type Locale, type MessageKey } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { controllerLines } from '../i18n/controller';
import type { Executor } from '../platform/db-types';
import { bom, csvRecord } from './csv';
import { csvLayout, exportCatalogues, type Reader } from './csv-layout';
import { localTime } from './local-time';
import { categories, type Dataset, type Person } from './registry';
import { zipStream, textStream, type ZipSource } from './zip-stream';

/** Bumped whenever data.json changes shape in a way a reader would notice. */
export const exportSchemaVersion = 1;

/** Rows per database round trip: small enough to keep memory flat, large enough to be quick. */
export const exportPageSize = 500;

export type ExportContext = {
  db: Executor;
  person: Person;
  locale: Locale;
  now: Date;
  schoolName: string;
  appUrl: string;
  /** Who is responsible for the data and where to complain: the README names them. */
  controller: Controller;
  retentionDays: { ip: number; inactive: number; grace: number };
  pageSize?: number;
};

const categoryText = (ctx: ExportContext, key: string, part: 'title' | 'purpose' | 'retention') =>
  translator(ctx.locale)(`privacy.cat.${key}.${part}` as MessageKey, ctx.retentionDays);

async function* pagesOf(ctx: ExportContext, dataset: Dataset) {
  let after = null;
  do {
    const page = await dataset.page(
      ctx.db,
      ctx.person,
      after,
      ctx.pageSize ?? exportPageSize,
      ctx.locale,
    );
    yield page.rows;
    after = page.next;
  } while (after);
}

/** data.json, written piece by piece: one page of one dataset at a time. Dates are ISO (Date.toJSON). */
export async function* dataJsonChunks(ctx: ExportContext): AsyncGenerator<string> {
  const head = {
    schemaVersion: exportSchemaVersion,
    generatedAt: ctx.now.toISOString(),
    locale: ctx.locale,
    service: ctx.schoolName,
  };
  yield JSON.stringify(head).slice(0, -1) + ',"categories":{';
  for (const [i, category] of categories.entries()) {
    const meta = {
      title: categoryText(ctx, category.key, 'title'),
      purpose: categoryText(ctx, category.key, 'purpose'),
      retention: categoryText(ctx, category.key, 'retention'),
    };
    yield `${i ? ',' : ''}${JSON.stringify(category.key)}:${JSON.stringify(meta).slice(0, -1)},"records":{`;
    for (const [j, dataset] of category.datasets.entries()) {
      yield `${j ? ',' : ''}${JSON.stringify(dataset.name)}:[`;
      let first = true;
      for await (const rows of pagesOf(ctx, dataset)) {
        if (rows.length === 0) continue;
        yield (first ? '' : ',') + rows.map((r) => JSON.stringify(r)).join(',');
        first = false;
      }
      yield ']';
    }
    yield '}}';
  }
  yield '}}\n';
}

const readerOf = (ctx: ExportContext): Reader => ({
  locale: ctx.locale,
  timeZone: personTimeZone(ctx.person),
});

/**
 * One CSV: BOM, a header line, then the rows; the columns for people first, the dataset's
 * own columns for programs after them (see csvLayout).
 */
export async function* csvChunks(ctx: ExportContext, dataset: Dataset): AsyncGenerator<string> {
  const layout = csvLayout(dataset, readerOf(ctx));
  yield bom + csvRecord(layout.header);
  for await (const rows of pagesOf(ctx, dataset)) {
    if (rows.length) yield rows.map((r) => csvRecord(layout.cells(r))).join('');
  }
}

/** The README paragraph on the two halves of every CSV, with this export's own moment as the example. */
function csvColumnsText(ctx: ExportContext): string {
  const reader = readerOf(ctx);
  const values: Record<string, string> = {
    zone: reader.timeZone,
    local: localTime(ctx.now, reader.timeZone),
    iso: ctx.now.toISOString(),
  };
  return exportCatalogues[ctx.locale].readmeColumns.replace(
    /\{(\w+)\}/g,
    (m, name: string) => values[name] ?? m,
  );
}

export const csvFileName = (dataset: Dataset) => `${dataset.name}.csv`;

/** README.txt in the person's language: what each file is (dated in their own time zone). CRLF and a BOM, for Notepad. */
export function readmeText(ctx: ExportContext): string {
  const t = translator(ctx.locale);
  const lines = [
    t('export.readme.title', { school: ctx.schoolName }),
    '',
    t('export.readme.intro', {
      school: ctx.schoolName,
      date: formatDateTime(ctx.now, ctx.locale, personTimeZone(ctx.person)),
    }),
    '',
    t('export.readme.json'),
    '',
    t('export.readme.csvIntro'),
    ...categories.flatMap((c) =>
      c.datasets.map(
        (d) =>
          `- ${csvFileName(d)}: ${categoryText(ctx, c.key, 'title')}. ${categoryText(ctx, c.key, 'purpose')}`,
      ),
    ),
    '',
    t('export.readme.format'),
    '',
    csvColumnsText(ctx),
    '',
    t('export.readme.omitted'),
    '',
    t('export.readme.more', { url: `${ctx.appUrl}/account/privacy` }),
    '',
    t('controller.heading'),
    ...controllerLines(t, ctx.controller),
  ];
  return bom + lines.join('\r\n') + '\r\n';
}

/** One chunk as the async iterable a zip entry reads; nothing to wait for, so no generator. */
function once(text: string): AsyncIterable<string> {
  const chunks = [text][Symbol.iterator]();
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve(chunks.next()) }) };
}

/** The whole export as a zip stream: data.json, one CSV per dataset, README.txt. */
export function exportZip(ctx: ExportContext): ReadableStream<Uint8Array> {
  const files: ZipSource[] = [
    { name: 'README.txt', chunks: () => once(readmeText(ctx)) },
    { name: 'data.json', chunks: () => dataJsonChunks(ctx) },
    ...categories.flatMap((c) =>
      c.datasets.map((d) => ({ name: csvFileName(d), chunks: () => csvChunks(ctx, d) })),
    ),
  ];
  return zipStream(files, ctx.now);
}

/** data.json alone, streamed the same way. */
export const exportJson = (ctx: ExportContext) => textStream(dataJsonChunks(ctx));

export function exportContext(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  person: Person,
  locale: Locale,
): ExportContext {
  return {
    db: deps.db,
    person,
    locale,
    now: deps.clock.now(),
    schoolName: deps.config.schoolName,
    appUrl: deps.config.appUrl,
    controller: deps.config.controller,
    retentionDays: {
      ip: deps.config.ipRetentionDays,
      inactive: deps.config.inactiveAccountDays,
      grace: deps.config.deletionGraceDays,
    },
  };
}

/** The attachment headers: a dated file name, never cached. */
export function exportHeaders(kind: 'zip' | 'json', now: Date): Record<string, string> {
  const name = `my-data-${now.toISOString().slice(0, 10)}.${kind}`;
  return {
    'Content-Type': kind === 'zip' ? 'application/zip' : 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  };
}
