import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';

/** The checksum file beside a backup: `FILE.sha256`, in `sha256sum` format (so `sha256sum -c` works too). */
export const checksumPath = (file: string) => `${file}.sha256`;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeChecksum(file: string): Promise<string> {
  const digest = await sha256File(file);
  await writeFile(checksumPath(file), `${digest}  ${basename(file)}\n`, { mode: 0o600 });
  return digest;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Refuses a backup whose bytes are not the ones the checksum was written for. */
export async function verifyChecksum(file: string): Promise<string> {
  let line: string;
  try {
    line = await readFile(checksumPath(file), 'utf8');
  } catch {
    throw new BackupError(
      `${checksumPath(file)} not found: cannot check the backup (add --skip-checksum to restore it anyway)`,
    );
  }
  const expected = /^([0-9a-f]{64})\b/i.exec(line.trim())?.[1]?.toLowerCase();
  if (!expected) throw new BackupError(`${checksumPath(file)} holds no SHA-256 checksum`);
  const actual = await sha256File(file);
  if (actual !== expected) {
    throw new BackupError(
      `${file}: checksum mismatch (expected ${expected.slice(0, 12)}…, got ${actual.slice(0, 12)}…): the file is damaged or not the one backed up`,
    );
  }
  return actual;
}

export const formatBytes = (n: number) =>
  n < 1024
    ? `${n} B`
    : n < 1024 ** 2
      ? `${(n / 1024).toFixed(1)} KB`
      : n < 1024 ** 3
        ? `${(n / 1024 ** 2).toFixed(1)} MB`
        : `${(n / 1024 ** 3).toFixed(2)} GB`;

export type Progress = {
  /** Replaces the current line on a terminal; elsewhere only `done` lines are written. */
  update(text: string): void;
  /** Ends the line with a final text. */
  done(text: string): void;
};

/** One progress line on stderr (stdout stays free for output other tools read). */
export function createProgress(
  label: string,
  stream: { write(s: string): unknown; isTTY?: boolean } = process.stderr,
): Progress {
  const tty = !!stream.isTTY;
  let last = 0;
  if (!tty) stream.write(`${label}…\n`);
  return {
    update(text) {
      if (!tty || Date.now() - last < 200) return;
      last = Date.now();
      stream.write(`\r\x1b[2K${label}: ${text}`);
    },
    done(text) {
      stream.write(`${tty ? '\r\x1b[2K' : ''}${label}: ${text}\n`);
    },
  };
}
