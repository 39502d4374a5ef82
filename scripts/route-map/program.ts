/**
 * The TypeScript program the route map reads, and the small static evaluator it needs: which
 * declaration a name stands for, where a function is called, and which strings an expression
 * can be (string literals, constants, template strings, parameters bound at a call site).
 */
import path from 'node:path';
import ts from 'typescript';

export type Code = {
  root: string;
  program: ts.Program;
  checker: ts.TypeChecker;
  /** The product files under src/ (no tests, no declaration files), sorted. */
  files: ts.SourceFile[];
  /** Every call in those files, by the function declaration it calls. */
  callSites: Map<ts.Node, ts.CallExpression[]>;
};

/** Parameter → the strings its argument can be, at the call being followed. */
export type Bindings = Map<ts.Symbol, string[]>;

export const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);

export function loadCode(root: string, srcDir = 'src'): Code {
  const configPath = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (f) => ts.sys.readFile(f));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  const srcRoot = path.join(root, srcDir) + path.sep;
  const rootNames = parsed.fileNames.filter((f) => path.resolve(f).startsWith(srcRoot));
  const program = ts.createProgram({ rootNames, options: parsed.options });
  const checker = program.getTypeChecker();
  const files = program
    .getSourceFiles()
    .filter((sf) => path.resolve(sf.fileName).startsWith(srcRoot))
    .filter((sf) => !sf.isDeclarationFile && !isTestFile(sf.fileName))
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
  const code: Code = { root, program, checker, files, callSites: new Map() };
  for (const sf of files) forEachNode(sf, (n) => ts.isCallExpression(n) && indexCall(code, n));
  return code;
}

function indexCall(code: Code, call: ts.CallExpression) {
  const fn = functionOf(declarationOf(code, call.expression));
  if (!fn) return;
  const list = code.callSites.get(fn) ?? [];
  list.push(call);
  code.callSites.set(fn, list);
}

export function forEachNode(node: ts.Node, visit: (n: ts.Node) => unknown) {
  const walk = (n: ts.Node): void => {
    visit(n);
    ts.forEachChild(n, walk);
  };
  walk(node);
}

/** Strips what changes no value: parentheses, `as`, `satisfies`, `!`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isNonNullExpression(e)
  )
    e = e.expression;
  return e;
}

/** The symbol a name stands for, through imports and re-exports (index.ts barrels). */
export function symbolOf(code: Code, node: ts.Node): ts.Symbol | undefined {
  let sym = code.checker.getSymbolAtLocation(node);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = code.checker.getAliasedSymbol(sym);
  return sym;
}

export function declarationOf(code: Code, node: ts.Node): ts.Declaration | undefined {
  const target = ts.isPropertyAccessExpression(node) ? node.name : node;
  const sym = symbolOf(code, target);
  return sym?.valueDeclaration ?? sym?.declarations?.[0];
}

/** The function a declaration names (`function f`, `const f = () => …`), if any. */
export function functionOf(decl: ts.Node | undefined): ts.SignatureDeclaration | undefined {
  if (!decl) return undefined;
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) return decl;
  if (ts.isArrowFunction(decl) || ts.isFunctionExpression(decl)) return decl;
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = unwrap(decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

export const isInNodeModules = (node: ts.Node, pkg: RegExp) =>
  node.getSourceFile().fileName.includes('/node_modules/') &&
  pkg.test(node.getSourceFile().fileName);

/** The expressions a function returns (an arrow's expression body counts). */
export function returnedExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = (fn as { body?: ts.Node }).body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const found: ts.Expression[] = [];
  const walk = (n: ts.Node): void => {
    if (n !== fn && ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) found.push(n.expression);
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(body, walk);
  return found;
}

/** Binds a called function's parameters to the strings its arguments can be. */
export function bindArguments(
  code: Code,
  fn: ts.SignatureDeclaration,
  call: ts.CallExpression,
  outer: Bindings,
): Bindings {
  const bound: Bindings = new Map(outer);
  fn.parameters.forEach((param, i) => {
    const arg = call.arguments[i];
    const sym = code.checker.getSymbolAtLocation(param.name);
    const values = arg ? evalStrings(code, arg, outer) : undefined;
    if (sym && values) bound.set(sym, values);
  });
  return bound;
}

/** Every string `expr` can be, or undefined when that cannot be known statically. */
export function evalStrings(
  code: Code,
  expr: ts.Expression,
  env: Bindings = new Map(),
  depth = 0,
): string[] | undefined {
  if (depth > 20) return undefined;
  const e = unwrap(expr);
  const again = (x: ts.Expression) => evalStrings(code, x, env, depth + 1);
  if (ts.isStringLiteralLike(e)) return [e.text];
  if (ts.isArrayLiteralExpression(e)) return all(e.elements.map((x) => again(x)))?.flat();
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return product([again(e.left), again(e.right)]);
  if (ts.isTemplateExpression(e)) {
    const parts = e.templateSpans.flatMap((s) => [again(s.expression), [s.literal.text]]);
    return product([[e.head.text], ...parts]);
  }
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
    const found = evalName(code, e, env, depth);
    if (found) return found;
  }
  return literalTypeStrings(code, e);
}

function evalName(
  code: Code,
  e: ts.Identifier | ts.PropertyAccessExpression,
  env: Bindings,
  depth: number,
): string[] | undefined {
  const shorthand = ts.isShorthandPropertyAssignment(e.parent) && e.parent.name === e;
  const sym = shorthand
    ? code.checker.getShorthandAssignmentValueSymbol(e.parent)
    : symbolOf(code, ts.isIdentifier(e) ? e : e.name);
  if (!sym) return undefined;
  const bound = env.get(sym);
  if (bound) return bound;
  const decl = sym.valueDeclaration;
  if (decl && ts.isParameter(decl)) return parameterStrings(code, decl, depth);
  const init =
    decl && (ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl))
      ? decl.initializer
      : undefined;
  return init ? evalStrings(code, init, env, depth + 1) : undefined;
}

/** An unbound parameter: whatever any call site passes. */
function parameterStrings(code: Code, param: ts.ParameterDeclaration, depth: number) {
  const fn = param.parent;
  const index = fn.parameters.indexOf(param);
  const calls = code.callSites.get(fn) ?? [];
  const values = calls.map((c) => {
    const arg = c.arguments[index];
    return arg ? evalStrings(code, arg, new Map(), depth + 1) : undefined;
  });
  return calls.length ? all(values)?.flat() : undefined;
}

function literalTypeStrings(code: Code, e: ts.Expression): string[] | undefined {
  const type = code.checker.getTypeAtLocation(e);
  const parts = type.isUnion() ? type.types : [type];
  const strings = parts.map((t) => (t.isStringLiteral() ? t.value : undefined));
  return all(strings);
}

function all<T>(values: (T | undefined)[]): T[] | undefined {
  const known = values.filter((v): v is T => v !== undefined);
  return known.length === values.length ? known : undefined;
}

function product(parts: (string[] | undefined)[]): string[] | undefined {
  const known = all(parts);
  if (!known) return undefined;
  return known.reduce<string[]>((acc, p) => acc.flatMap((a) => p.map((b) => a + b)), ['']);
}

export function location(code: Code, node: ts.Node) {
  const sf = node.getSourceFile();
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { file: path.relative(code.root, sf.fileName).split(path.sep).join('/'), line: line + 1 };
}
