import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireAuth, requirePrivileged } from '../../http/require';
import { problem, problems } from '../../http/problem';
import { findUserById } from '../../core/users';
import { listPasskeys, passkeyNameSchema, passkeySchema, toPasskeyJson } from '../credentials';
import { passkeyProblem } from '../failures';
import { removeOwnPasskey, renameOwnPasskey } from '../manage';
import { finishPasskeyRegistration, startPasskeyRegistration } from '../registration';
import { registrationResponseSchema } from '../schemas';
import { optionsResponse, security } from './shared';

const passkeyResponse = (description: string) => ({
  content: { 'application/json': { schema: passkeySchema } },
  description,
});
const idParam = z.object({ id: z.string().max(64) });

const listRoute = createRoute({
  method: 'get',
  path: '/me/passkeys',
  description: 'Every passkey of the person, with its name, creation and last use.',
  tags: ['Passkeys'],
  security,
  summary: 'Your passkeys',
  responses: {
    200: {
      description: 'Passkeys, oldest first',
      content: { 'application/json': { schema: z.array(passkeySchema) } },
    },
    ...problemResponses(401),
  },
});
const registerOptionsRoute = createRoute({
  method: 'post',
  path: '/me/passkeys/options',
  description:
    'Needs a privileged session. WebAuthn creation options for `navigator.credentials.create`, your existing passkeys excluded.',
  tags: ['Passkeys'],
  security,
  summary: 'Start adding a passkey (privileged): WebAuthn creation options, your passkeys excluded',
  responses: { ...optionsResponse, ...problemResponses(401, 403) },
});
const registerRoute = createRoute({
  method: 'post',
  path: '/me/passkeys',
  description:
    'Needs a privileged session. Verifies the WebAuthn attestation for the options from `POST /me/passkeys/options` and stores the passkey.',
  tags: ['Passkeys'],
  security,
  summary: 'Finish adding a passkey (privileged)',
  request: {
    body: jsonBody(
      z.strictObject({ response: registrationResponseSchema, name: passkeyNameSchema.optional() }),
    ),
  },
  responses: { 201: passkeyResponse('Added'), ...problemResponses(400, 401, 403, 409) },
});
const renameRoute = createRoute({
  method: 'patch',
  path: '/me/passkeys/{id}',
  description: 'Changes the name shown for a passkey. 404 when no passkey of yours has that id.',
  tags: ['Passkeys'],
  security,
  summary: 'Rename a passkey',
  request: { params: idParam, body: jsonBody(z.strictObject({ name: passkeyNameSchema })) },
  responses: { 200: passkeyResponse('Renamed'), ...problemResponses(400, 401, 404) },
});
const removeRoute = createRoute({
  method: 'delete',
  path: '/me/passkeys/{id}',
  description:
    'Needs a privileged session. 409 when it is the last way to sign in (no password set).',
  tags: ['Passkeys'],
  security,
  summary: 'Remove a passkey (privileged); the last way to sign in cannot be removed',
  request: { params: idParam },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404, 409) },
});

const addPasskey: RouteHandler<typeof registerRoute, AppEnv> = async (c) => {
  const auth = requirePrivileged(c);
  const deps = c.get('deps');
  const user = await findUserById(deps.db, auth.user.id);
  if (!user) return problem(c, problems.unauthenticated);
  const result = await finishPasskeyRegistration(
    deps,
    { user, sessionId: auth.session.id },
    c.req.valid('json'),
    requestMeta(c),
  );
  if (!result.ok) return passkeyProblem(c, result.reason, { origin: result.origin });
  return c.json(toPasskeyJson(result.passkey), 201);
};

const removePasskey: RouteHandler<typeof removeRoute, AppEnv> = async (c) => {
  const auth = requirePrivileged(c);
  const result = await removeOwnPasskey(
    c.get('deps'),
    auth.user.id,
    c.req.valid('param').id,
    requestMeta(c),
  );
  if (!result.ok && result.reason === 'not-found') return problem(c, problems.notFound);
  if (!result.ok) {
    return problem(c, {
      status: 409,
      type: 'last-sign-in-method',
      title: 'This passkey is your only way to sign in',
      detail: 'Add another passkey or set a password first.',
    });
  }
  return c.body(null, 204);
};

/** /me/passkeys: listing, adding, renaming and removing your own passkeys. */
export function myPasskeysApi() {
  const api = createApiRouter();

  api.openapi(listRoute, async (c) => {
    const auth = requireAuth(c);
    const rows = await listPasskeys(c.get('deps').db, auth.user.id);
    return c.json(rows.map(toPasskeyJson), 200);
  });

  api.openapi(registerOptionsRoute, async (c) => {
    const auth = requirePrivileged(c);
    const options = await startPasskeyRegistration(c.get('deps'), {
      user: auth.user,
      sessionId: auth.session.id,
    });
    return c.json(options as unknown as Record<string, unknown>, 200);
  });

  api.openapi(registerRoute, addPasskey);

  api.openapi(renameRoute, async (c) => {
    const auth = requireAuth(c);
    const row = await renameOwnPasskey(
      c.get('deps'),
      auth.user.id,
      c.req.valid('param').id,
      c.req.valid('json').name,
      requestMeta(c),
    );
    if (!row) return problem(c, problems.notFound);
    return c.json(toPasskeyJson(row), 200);
  });

  api.openapi(removeRoute, removePasskey);

  return api;
}
