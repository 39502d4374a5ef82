import { Zip, ZipDeflate } from 'fflate';

export type ZipSource = { name: string; chunks: () => AsyncIterable<string> };

/**
 * A zip written while it is read: each `pull` of the response stream fetches the next piece
 * of one file (a page of rows), deflates it and hands the bytes on, so memory holds one page
 * however large the export. fflate is pure JavaScript and runs the same on Node and Workers.
 */
export function zipStream(files: ZipSource[], mtime: Date): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let emitted = 0;
  let finished = false;
  let zip!: Zip;

  async function* work() {
    for (const file of files) {
      const entry = new ZipDeflate(file.name, { level: 6 });
      entry.mtime = mtime;
      zip.add(entry);
      for await (const chunk of file.chunks()) {
        entry.push(encoder.encode(chunk));
        yield;
      }
      entry.push(new Uint8Array(0), true);
      yield;
    }
    zip.end();
  }
  const steps = work();

  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, data, final) => {
        if (err) return controller.error(err);
        if (data.length > 0) {
          emitted++;
          controller.enqueue(data);
        }
        if (final) {
          finished = true;
          controller.close();
        }
      });
    },
    async pull() {
      // Deflate may hold a small piece back; keep going until something came out, or the
      // stream would wait for a pull that never comes.
      const before = emitted;
      while (emitted === before && !finished) {
        const step = await steps.next();
        if (step.done) break;
      }
    },
    async cancel() {
      zip.terminate();
      await steps.return(undefined);
    },
  });
}

/** A plain text stream of the same chunks, for `?format=json`. */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await it.return?.();
    },
  });
}
