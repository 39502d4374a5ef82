import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';

/** What happens to the part of a request body the app answered without reading. */
export const unreadBodyPolicy = {
  /** Up to this much more is read and dropped with the connection kept open for the next request. */
  keepOpenBytes: 8 * 1024 * 1024,
  /** However much is still coming, the connection is closed this long after the answer. */
  lingerMs: 30_000,
};

export type NodeServerOptions = {
  fetch: Parameters<typeof getRequestListener>[0];
  port: number;
  hostname?: string;
};

/**
 * The Node HTTP server for the app (src/server.ts, and the tests that need real sockets).
 *
 * It differs from @hono/node-server's `serve` in one thing: a body the app did not read, as
 * when the body limit answers 413 from Content-Length alone. The adapter's own clean-up reads
 * such a body for half a second and then destroys the socket, so a client still uploading
 * (3 MB over loopback is enough) saw a reset instead of the 413, or found the kept-alive
 * connection it was reusing closed under it. Here, as in nginx's lingering close, the rest is
 * read and dropped after the answer: the client always finishes sending and reads the answer.
 * Up to `keepOpenBytes` the connection stays usable; beyond, our side is closed after the
 * answer (a client that has read it stops sending) and reading goes on until the client
 * closes too, or `lingerMs` has passed.
 */
export function serveNode(
  options: NodeServerOptions,
  onListening?: (info: AddressInfo) => void,
): Server {
  const listener = getRequestListener(options.fetch, { autoCleanupIncoming: false });
  const server = createServer((req, res) => {
    res.once('finish', () => {
      if (!req.complete) dropRestOfBody(req, req.socket);
    });
    // The listener answers every error itself; its promise carries nothing to wait for.
    void listener(req, res);
  });
  server.listen(options.port, options.hostname, () =>
    onListening?.(server.address() as AddressInfo),
  );
  return server;
}

function dropRestOfBody(req: IncomingMessage, socket: Socket) {
  if (socket.destroyed) return;
  // Whatever was reading the body (the app's request stream) has answered: nobody wants the rest.
  req.removeAllListeners('data');
  let bytes = 0;
  const linger = setTimeout(() => socket.destroy(), unreadBodyPolicy.lingerMs);
  linger.unref();
  // A kept-alive socket serves many requests: nothing of this one may stay attached to it.
  const stop = () => {
    clearTimeout(linger);
    socket.off('close', stop);
  };
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > unreadBodyPolicy.keepOpenBytes && !socket.writableEnded) socket.end();
  });
  req.once('end', stop);
  socket.once('close', stop);
  req.resume();
}
