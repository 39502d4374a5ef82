import type { Deps } from '../deps';
import type { Locale } from '../i18n';
import { recordEvent, type RequestMeta } from '../core/activity';
import { exportContext, exportHeaders, exportJson, exportZip } from './export';
import { loadPerson } from './registry';

export type DownloadFormat = 'zip' | 'json';

/**
 * "Download my data", for the API and the cabinet alike: the download is logged before the
 * first byte goes out, then the archive streams. Null when the account no longer exists.
 */
export async function downloadPersonalData(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: { userId: string; format: DownloadFormat; locale: Locale },
  meta: RequestMeta,
): Promise<{ body: ReadableStream<Uint8Array>; headers: Record<string, string> } | null> {
  const person = await loadPerson(deps.db, input.userId);
  if (!person) return null;
  const ctx = exportContext(deps, person, input.locale);
  await recordEvent(deps.db, {
    userId: person.id,
    action: 'data.exported',
    at: ctx.now,
    meta,
    details: { format: input.format },
  });
  return {
    body: input.format === 'json' ? exportJson(ctx) : exportZip(ctx),
    headers: exportHeaders(input.format, ctx.now),
  };
}
