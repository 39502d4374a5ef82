import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Holds every answer under /api/v1 to the OpenAPI document the same app publishes: the
 * status must be declared for the operation, and a JSON body must match the schema declared
 * for that status and media type. A mismatch fails the test that made the request, so the
 * document cannot drift from what the routes really do.
 */

type MediaType = { schema?: unknown };
type ResponseDoc = {
  $ref?: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, unknown>;
};
type Operation = { responses: Record<string, ResponseDoc> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components?: { responses?: Record<string, ResponseDoc> };
};
type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

type Contract = {
  operations: { pattern: RegExp; template: string; methods: Record<string, Operation> }[];
  /** A declared response, with a `$ref` to components.responses followed, and its pointer. */
  resolve(response: ResponseDoc, pointer: string): { response: ResponseDoc; pointer: string };
  validatorFor(pointer: string): ValidateFunction;
};

const apiPrefix = '/api/v1';
const contracts = new Map<string, Contract>();
const checkedApps = new WeakSet<object>();

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function compileContract(doc: Document): Contract {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  const validators = new Map<string, ValidateFunction>();
  return {
    operations: Object.entries(doc.paths).map(([template, methods]) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      methods,
    })),
    resolve(response, pointer) {
      const name = response.$ref?.replace('#/components/responses/', '');
      if (!name) return { response, pointer };
      const target = doc.components?.responses?.[name];
      if (!target) throw new Error(`openapi.json: ${response.$ref} does not exist`);
      return { response: target, pointer: `/components/responses/${escapePointer(name)}` };
    },
    validatorFor(pointer) {
      let validate = validators.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
        validators.set(pointer, validate);
      }
      return validate;
    },
  };
}

async function contractOf(fetch: Fetch, origin: string): Promise<Contract> {
  const res = await fetch(new Request(`${origin}${apiPrefix}/openapi.json`));
  const doc = (await res.json()) as Document & { servers?: unknown };
  // The server URL is APP_URL, which tests vary; the operations are what is compared.
  const key = JSON.stringify({ ...doc, servers: undefined });
  let contract = contracts.get(key);
  if (!contract) {
    contract = compileContract(doc);
    contracts.set(key, contract);
  }
  return contract;
}

/** The document's answer for this request, or why the response breaks it. */
async function findMismatch(contract: Contract, request: Request, response: Response) {
  const path = new URL(request.url).pathname.slice(apiPrefix.length) || '/';
  const method = request.method === 'HEAD' ? 'get' : request.method.toLowerCase();
  const route = contract.operations.find((o) => o.pattern.test(path) && o.methods[method]);
  const status = String(response.status);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!route) {
    // No such operation: the router's 404 problem (any other answer is undocumented).
    if (status === '404' && type === 'application/problem+json')
      return checkBody(contract, '/components/schemas/Problem', response, 'unknown route');
    return `${request.method} ${path} is not in the document, yet answered ${status}`;
  }
  const where = `${method.toUpperCase()} ${route.template} → ${status}`;
  const operation = route.methods[method]!;
  const key = operation.responses[status] ? status : 'default';
  if (!operation.responses[key]) return `${where}: status not declared in openapi.json`;
  const base = `/paths/${escapePointer(route.template)}/${method}/responses/${key}`;
  const declared = contract.resolve(operation.responses[key], base);
  const listed = Object.keys(declared.response.content ?? {});
  if (response.status === 204 || response.status === 304) return null;
  if (!type) {
    const hasBody = (await response.clone().arrayBuffer()).byteLength > 0;
    return listed.length || hasBody
      ? `${where}: no Content-Type (declared: ${listed.join(', ') || 'no body'})`
      : null;
  }
  const media = declared.response.content?.[type];
  if (!media) return `${where}: ${type} not declared (declared: ${listed.join(', ') || 'no body'})`;
  if (!/json$/.test(type)) return null;
  if (!media.schema) return `${where}: ${type} declared without a schema`;
  const pointer = `${declared.pointer}/content/${escapePointer(type)}/schema`;
  return checkBody(contract, pointer, response, where);
}

async function checkBody(contract: Contract, pointer: string, response: Response, where: string) {
  const text = await response.clone().text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${where}: the body is not JSON: ${text.slice(0, 200)}`;
  }
  const validate = contract.validatorFor(pointer);
  if (validate(body)) return null;
  const errors = (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  return `${where}: the body does not match openapi.json:\n  ${errors.join('\n  ')}\n  body: ${text.slice(0, 500)}`;
}

/**
 * Makes `app.fetch` (and so `app.request`, which calls it) check every /api/v1 answer against
 * the app's own openapi.json; a response the document does not describe rejects the request.
 */
export function checkApiResponses<A extends { fetch: Fetch }>(app: A): A {
  if (checkedApps.has(app)) return app;
  checkedApps.add(app);
  const fetch: Fetch = app.fetch.bind(app);
  // The app's document does not change: it is read and compiled once, on the first answer.
  let contract: Promise<Contract> | undefined;
  const checkedFetch: Fetch = async (request, ...rest) => {
    const response = await fetch(request, ...rest);
    const { pathname, origin } = new URL(request.url);
    if (!pathname.startsWith(`${apiPrefix}/`) || pathname === `${apiPrefix}/openapi.json`)
      return response;
    contract ??= contractOf(fetch, origin);
    const mismatch = await findMismatch(await contract, request, response);
    if (mismatch) throw new Error(`API answer not described by openapi.json: ${mismatch}`);
    return response;
  };
  app.fetch = checkedFetch;
  return app;
}
