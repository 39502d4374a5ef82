import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { renderPage } from '../views/layout';

type Operation = { summary?: string; description?: string; tags?: string[]; security?: unknown[] };

/**
 * A self-hosted, dependency-free reference built from openapi.json (no CDN: the CSP forbids
 * one). It lists every operation with its summary; the JSON document has the schemas.
 */
export const apiDocsPage =
  (readDocument: (c: Context<AppEnv>) => { paths?: object }) => (c: Context<AppEnv>) => {
    const doc = readDocument(c) as { paths?: Record<string, Record<string, Operation>> };
    const rows = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    return renderPage(
      c,
      { title: 'API reference' },
      <article class="prose wide">
        <h1>API reference</h1>
        <p>
          Base URL <code>/api/v1</code>. The machine-readable OpenAPI 3.1 document is at{' '}
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Errors are{' '}
          <code>application/problem+json</code>.
        </p>
        <table class="stack-sm">
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">What it does</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td data-label="Method">
                  <code>{r.method}</code>
                </td>
                <td data-label="Path">
                  <code>{r.path}</code>
                </td>
                <td data-label="What it does">{r.op.summary ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>,
    );
  };
