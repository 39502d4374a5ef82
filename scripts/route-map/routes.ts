/**
 * Finds every route the app registers: calls to a Hono router's get/post/put/patch/delete/all/
 * on, @hono/zod-openapi's openapi(createRoute({…}), handler) and doc/doc31, and the
 * route(prefix, router) mounts that give them their full paths. A router is known by where it
 * is made (the `const app = new Hono()` in its factory), followed through factory calls,
 * returns and parameters, so no file or function name is assumed.
 */
import path from 'node:path';
import ts from 'typescript';
import {
  bindArguments,
  declarationOf,
  evalStrings,
  forEachNode,
  functionOf,
  isInNodeModules,
  returnedExpressions,
  unwrap,
  type Bindings,
  type Code,
} from './program.ts';

export type RouteKind = 'openapi' | 'hono';
type Registration = {
  router: ts.Node;
  kind: RouteKind;
  methods: string[];
  paths: string[];
  handler: ts.Expression;
};
type Mount = { parent: ts.Node; prefixes: string[]; children: ts.Node[] };
export type Route = { kind: RouteKind; method: string; path: string; handler: ts.Expression };

const verbs = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options']);
const honoPackages = /\/node_modules\/(hono|@hono\/[^/]+)\//;
const fresh = Symbol('a router made by this expression');
type RouterRef = ts.Node | typeof fresh;

/** `roots`: where each router that nothing mounts is made, with its number of routes. */
export type Found = { routes: Route[]; unknown: string[]; roots: string[] };

export function findRoutes(code: Code): Found {
  const registrations: Registration[] = [];
  const mounts: Mount[] = [];
  const unknown: string[] = [];
  for (const sf of code.files)
    forEachNode(sf, (n) => {
      if (!ts.isCallExpression(n)) return;
      const method = honoMethod(code, n);
      if (!method) return;
      const routers = routerIds(code, (n.expression as ts.PropertyAccessExpression).expression);
      if (method === 'route') return mounts.push(...mountOf(code, n, routers, unknown));
      if (method === 'basePath')
        return unknown.push(`${where(n)}: basePath() prefixes are not followed`);
      const reg = registrationOf(code, n, method, unknown);
      if (reg) for (const router of routers) registrations.push({ ...reg, router });
    });
  return { ...flatten(registrations, mounts), unknown };
}

/** The router method a call makes, when its receiver is a Hono or OpenAPIHono router. */
function honoMethod(code: Code, call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.name.text;
  if (!verbs.has(name) && !['on', 'openapi', 'route', 'doc', 'doc31', 'basePath'].includes(name))
    return undefined;
  const decl = declarationOf(code, callee);
  if (!decl || !isInNodeModules(decl, honoPackages)) return undefined;
  const receiver = code.checker.getTypeAtLocation(callee.expression);
  const typeName = (receiver.getSymbol() ?? receiver.aliasSymbol)?.getName() ?? '';
  return /Hono/.test(typeName) ? name : undefined;
}

function mountOf(code: Code, call: ts.CallExpression, parents: ts.Node[], unknown: string[]) {
  const [prefixArg, childArg] = call.arguments;
  const prefixes = prefixArg ? evalStrings(code, prefixArg) : undefined;
  if (!prefixes || !childArg) {
    unknown.push(`${where(call)}: route() with a prefix that is not a known string`);
    return [];
  }
  const children = routerIds(code, childArg);
  return parents.map((parent) => ({ parent, prefixes, children }));
}

function registrationOf(
  code: Code,
  call: ts.CallExpression,
  method: string,
  unknown: string[],
): Omit<Registration, 'router'> | undefined {
  const args = call.arguments;
  const handler = args[args.length - 1];
  if (!handler) return undefined;
  if (method === 'openapi') return openApiRegistration(code, call, unknown);
  let methods: string[] | undefined = [method.toUpperCase()];
  let pathArg: ts.Expression | undefined = args[0];
  if (method === 'on') {
    methods = args[0] ? evalStrings(code, args[0])?.map((m) => m.toUpperCase()) : undefined;
    pathArg = args[1];
  }
  if (method === 'doc' || method === 'doc31') methods = ['GET'];
  const paths = pathArg && pathArg !== handler ? evalStrings(code, pathArg) : undefined;
  if (!methods || !paths) {
    unknown.push(`${where(call)}: .${method}() whose method or path is not a known string`);
    return undefined;
  }
  return { kind: 'hono', methods, paths, handler };
}

function openApiRegistration(code: Code, call: ts.CallExpression, unknown: string[]) {
  const [routeArg, handler] = call.arguments;
  const config = routeArg && routeConfig(code, routeArg, new Map(), 0);
  if (!config || !handler) {
    unknown.push(`${where(call)}: .openapi() whose route's method or path is not known`);
    return undefined;
  }
  return { kind: 'openapi' as const, ...config, handler };
}

/** method and path of a createRoute({…}) the expression evaluates to. */
type MethodsAndPaths = { methods: string[]; paths: string[] };

function routeConfig(
  code: Code,
  expr: ts.Expression,
  env: Bindings,
  depth: number,
): MethodsAndPaths | undefined {
  const e = unwrap(expr);
  if (depth > 10) return undefined;
  if (ts.isObjectLiteralExpression(e)) return methodAndPath(code, e, env);
  if (ts.isIdentifier(e)) {
    const decl = declarationOf(code, e);
    const init = decl && ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
    return init ? routeConfig(code, init, env, depth + 1) : undefined;
  }
  if (!ts.isCallExpression(e)) return undefined;
  const decl = declarationOf(code, e.expression);
  if (decl && isInNodeModules(decl, honoPackages) && e.arguments[0])
    return routeConfig(code, e.arguments[0], env, depth + 1);
  const fn = functionOf(decl);
  if (!fn) return undefined;
  const inner = bindArguments(code, fn, e, env);
  const [first] = returnedExpressions(fn).map((r) => routeConfig(code, r, inner, depth + 1));
  return first;
}

function methodAndPath(
  code: Code,
  obj: ts.ObjectLiteralExpression,
  env: Bindings,
): MethodsAndPaths | undefined {
  const prop = (name: string) => {
    const p = obj.properties.find((x) => x.name && ts.isIdentifier(x.name) && x.name.text === name);
    if (p && ts.isPropertyAssignment(p)) return evalStrings(code, p.initializer, env);
    if (p && ts.isShorthandPropertyAssignment(p)) return evalStrings(code, p.name, env);
    return undefined;
  };
  const methods = prop('method')?.map((m) => m.toUpperCase());
  const paths = prop('path')?.map((p) => p.replace(/\{([^}]+)\}/g, ':$1'));
  return methods && paths ? { methods, paths } : undefined;
}

/** The routers an expression can be: where each was made. */
function routerIds(code: Code, expr: ts.Expression): ts.Node[] {
  return refs(code, expr, 0).map((r) => (r === fresh ? expr : r));
}

function refs(code: Code, expr: ts.Expression, depth: number): RouterRef[] {
  const e = unwrap(expr);
  if (depth > 20) return [e];
  if (ts.isNewExpression(e)) return [fresh];
  if (ts.isIdentifier(e)) return identifierRefs(code, e, depth);
  if (!ts.isCallExpression(e)) return [e];
  // A chained router call (`app.get(…).post(…)`) returns the router it was called on.
  if (honoMethod(code, e))
    return refs(code, (e.expression as ts.PropertyAccessExpression).expression, depth + 1);
  const fn = functionOf(declarationOf(code, e.expression));
  if (!fn || isInNodeModules(fn, /./)) return [fresh];
  const made = returnedExpressions(fn).flatMap((r) => refs(code, r, depth + 1));
  return made.map((r) => (r === fresh ? e : r));
}

function identifierRefs(code: Code, id: ts.Identifier, depth: number): RouterRef[] {
  const decl = declarationOf(code, id);
  if (!decl) return [id];
  if (ts.isParameter(decl)) {
    const index = decl.parent.parameters.indexOf(decl);
    const calls = code.callSites.get(decl.parent) ?? [];
    const args = calls.map((c) => c.arguments[index]).filter((a) => a !== undefined);
    return args.length ? args.flatMap((a) => routerIds(code, a)) : [decl];
  }
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const made = refs(code, decl.initializer, depth + 1);
    return made.map((r) => (r === fresh ? decl : r));
  }
  return [decl];
}

/** Full paths: every router that nothing mounts is a root; prefixes add up along mounts. */
function flatten(registrations: Registration[], mounts: Mount[]) {
  const mounted = new Set(mounts.flatMap((m) => m.children));
  const routers = new Set([...registrations.map((r) => r.router), ...mounts.map((m) => m.parent)]);
  const routes: Route[] = [];
  const visit = (router: ts.Node, prefix: string, chain: Set<ts.Node>) => {
    if (chain.has(router)) return;
    const inner = new Set(chain).add(router);
    for (const r of registrations.filter((x) => x.router === router))
      for (const method of r.methods)
        for (const p of r.paths)
          routes.push({ kind: r.kind, method, path: joinPath(prefix, p), handler: r.handler });
    for (const m of mounts.filter((x) => x.parent === router))
      for (const p of m.prefixes)
        for (const child of m.children) visit(child, joinPath(prefix, p), inner);
  };
  const roots: string[] = [];
  for (const router of routers) {
    if (mounted.has(router)) continue;
    const before = routes.length;
    visit(router, '', new Set());
    roots.push(`${where(router)} (${routes.length - before} routes)`);
  }
  return { routes, roots: roots.sort() };
}

/** Hono's own rule: '/' adds nothing, and a trailing slash is not doubled. */
export function joinPath(prefix: string, sub: string) {
  const base = prefix.replace(/\/+$/, '');
  if (sub === '/' || sub === '') return base || '/';
  return base + (sub.startsWith('/') ? sub : `/${sub}`);
}

function where(node: ts.Node) {
  const sf = node.getSourceFile();
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${path.relative(process.cwd(), sf.fileName)}:${line + 1}`;
}
