/**
 * What a handler reaches: the service modules whose values it uses, directly or through
 * helpers in its own file, and the database tables those modules (and the handler itself)
 * name. A service module is a non-JSX module that registers no route, in core/ or in a
 * feature folder (a top-level folder of src/ that holds route handlers: its own or another
 * one's, reached through that feature's index.ts), never in http/, views/ or i18n/. A table
 * is any variable made by one of drizzle-orm's `…Table(…)` functions.
 */
import path from 'node:path';
import ts from 'typescript';
import {
  declarationOf,
  forEachNode,
  functionOf,
  isInNodeModules,
  location,
  symbolOf,
  unwrap,
  type Code,
} from './program.ts';

/** Folders whose modules are plumbing or presentation, never a feature's service. */
const notServices = new Set(['http', 'views', 'i18n']);
const sharedServiceFolder = 'core';

export type Reach = { handlerNode: ts.Node; services: string[]; tables: string[] };

export class ServiceIndex {
  private readonly tables = new Map<ts.Node, string>();
  private readonly tablesOfFile = new Map<string, string[]>();

  private readonly featureFolders: Set<string>;

  constructor(
    private readonly code: Code,
    private readonly routeFiles: Set<string>,
  ) {
    const handlerFiles = code.files.filter((sf) => routeFiles.has(sf.fileName));
    this.featureFolders = new Set(handlerFiles.map((sf) => srcFolders(code, sf)?.[0] ?? ''));
    this.featureFolders.add(sharedServiceFolder);
    for (const f of notServices) this.featureFolders.delete(f);
    this.featureFolders.delete('');
    for (const sf of code.program.getSourceFiles())
      if (!sf.isDeclarationFile && !sf.fileName.includes('/node_modules/'))
        forEachNode(sf, (n) => ts.isVariableDeclaration(n) && this.noteTable(n));
  }

  private noteTable(decl: ts.VariableDeclaration) {
    const init = decl.initializer && unwrap(decl.initializer);
    if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(decl.name)) return;
    const callee = declarationOf(this.code, init.expression);
    const name = callee && ts.getNameOfDeclaration(callee)?.getText();
    if (callee && name && /Table$/.test(name) && isInNodeModules(callee, /\/drizzle-orm\//))
      this.tables.set(decl, decl.name.text);
  }

  get tableCount() {
    return this.tables.size;
  }

  /** The table a name refers to, if it is one. */
  private tableOf(node: ts.Node) {
    const sym = symbolOf(this.code, node);
    const decl = sym?.valueDeclaration;
    return decl ? this.tables.get(decl) : undefined;
  }

  /** Every table named anywhere in a module. */
  tablesIn(sf: ts.SourceFile): string[] {
    const cached = this.tablesOfFile.get(sf.fileName);
    if (cached) return cached;
    const found = new Set<string>();
    forEachNode(sf, (n) => {
      const t = ts.isIdentifier(n) ? this.tableOf(n) : undefined;
      if (t) found.add(t);
    });
    const sorted = [...found].sort();
    this.tablesOfFile.set(sf.fileName, sorted);
    return sorted;
  }

  /** Where the handler's code is: an inline function, or the function a name or factory call gives. */
  handlerNode(handler: ts.Expression): ts.Node {
    const e = unwrap(handler);
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
      const decl = declarationOf(this.code, e);
      if (decl && !decl.getSourceFile().isDeclarationFile) return functionOf(decl) ?? decl;
    }
    if (ts.isCallExpression(e)) {
      const fn = functionOf(declarationOf(this.code, e.expression));
      if (fn && !fn.getSourceFile().isDeclarationFile) return fn;
    }
    return e;
  }

  reach(handler: ts.Expression): Reach {
    const handlerNode = this.handlerNode(handler);
    const home = handlerNode.getSourceFile();
    const modules = new Set<ts.SourceFile>();
    const tables = new Set<string>();
    const seen = new Set<ts.Node>();
    const walk = (node: ts.Node) => {
      if (seen.has(node)) return;
      seen.add(node);
      forEachNode(node, (n) => {
        if (!ts.isIdentifier(n) || isTypePosition(n)) return;
        const table = this.tableOf(n);
        if (table) return tables.add(table);
        const decl = symbolOf(this.code, n)?.valueDeclaration;
        if (!decl) return;
        const file = decl.getSourceFile();
        if (file === home && isTopLevel(decl)) walk(decl);
        else if (file !== home && this.isService(file)) modules.add(file);
      });
    };
    walk(handlerNode);
    for (const m of modules) for (const t of this.tablesIn(m)) tables.add(t);
    const services = [...modules].map((m) => location(this.code, m).file).sort();
    return { handlerNode, services, tables: [...tables].sort() };
  }

  /** A module of a feature folder or of core/: not plumbing, views or routes. */
  private isService(file: ts.SourceFile) {
    if (file.isDeclarationFile || file.fileName.endsWith('.tsx')) return false;
    if (this.routeFiles.has(file.fileName)) return false;
    const folders = srcFolders(this.code, file);
    if (!folders?.[0] || folders.some((f) => notServices.has(f))) return false;
    return this.featureFolders.has(folders[0]);
  }
}

/** The folders between src/ and a file (`['auth', 'two-factor']`); undefined outside src/. */
export function srcFolders(code: Code, file: ts.SourceFile): string[] | undefined {
  const rel = path.relative(path.join(code.root, 'src'), file.fileName);
  if (rel.startsWith('..')) return undefined;
  return rel.split(path.sep).slice(0, -1);
}

function isTypePosition(id: ts.Identifier) {
  for (let n: ts.Node = id; n.parent; n = n.parent) {
    if (ts.isTypeNode(n) || ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
    if (ts.isStatement(n) || ts.isFunctionLike(n)) return false;
  }
  return false;
}

function isTopLevel(decl: ts.Node) {
  const statement = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  return statement.parent !== undefined && ts.isSourceFile(statement.parent);
}
