/** The server under soak: our own (own-server.ts), or one already running at --url. */
export type Target = {
  url: string;
  pid: number | null;
  admin: { email: string; password: string } | null;
  /** The newest `?token=` emailed to `address` for `path`, or null. */
  mailedToken(address: string, path: string): Promise<string | null>;
  /** Our own server only: asks it to collect garbage and report its heap (bytes), or null. */
  heapAfterGc?(): Promise<number | null>;
  stop(): Promise<void>;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const textOf = (url: string) =>
  fetch(url).then(
    (r) => (r.ok ? r.text() : ''),
    () => '',
  );

/** A running server, mail read from its dev mailbox (a server without RESEND_API_KEY). */
export function externalServer(url: string, pid: number | null, admin: Target['admin']): Target {
  return {
    url: url.replace(/\/$/, ''),
    pid,
    admin,
    // The newest mail to the address.
    async mailedToken(address, path) {
      const list = await textOf(`${url}/dev/mailbox`);
      const row = list.split('<tr').find((r) => r.includes(address));
      const id = row && /\/dev\/mailbox\/([0-9a-f-]{36})/.exec(row)?.[1];
      if (!id) return null;
      const mail = await fetch(`${url}/dev/mailbox/${id}`).then(
        (r) => r.text(),
        () => '',
      );
      return new RegExp(`${escapeRegExp(path)}\\?token=([a-z2-7]+)`).exec(mail)?.[1] ?? null;
    },
    stop: () => Promise.resolve(),
  };
}
