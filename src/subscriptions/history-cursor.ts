/** The history's page cursor: the last item's time and id, as one opaque string. */
export const encodeCursor = (c: { at: Date; id: string }) => `${c.at.toISOString()}_${c.id}`;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor back, or null when it is not one this service made. */
export function decodeCursor(raw: string): { at: Date; id: string } | null {
  const [iso, id] = raw.split('_');
  const at = new Date(iso ?? '');
  if (!id || !uuid.test(id) || Number.isNaN(at.getTime())) return null;
  return { at, id };
}
