/**
 * The shape of src (docs/architecture in ../shared/notes/architecture.md): no run-time import loop
 * anywhere (a loop makes module order decide what is defined when, and hides which module owns
 * what), and a core that imports neither Office nor React nor exceljs. Type-only imports are erased
 * at run time and do not count. Read from the sources with the TypeScript parser.
 */
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const SRC = join(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The run-time imports of a module: `import x from`, `export … from`, `import()`; not `import type` or `export type`. */
function runtimeImports(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      const named = node.importClause?.namedBindings;
      const onlyTypes = !node.importClause?.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause;
      const onlyTypes = named !== undefined && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  return null;
}

const all = files(SRC);
const graph = new Map(all.map((f) => [f, runtimeImports(f)]));
const name = (f: string) => relative(SRC, f).replace(/\\/g, "/");
/** Each module's run-time imports within src, resolved to files. */
const edges = new Map(all.map((f) => [f, (graph.get(f) ?? []).map((s) => resolveLocal(f, s)).filter((t): t is string => t !== null)]));

/** Strongly connected components of more than one module, or a module importing itself (Tarjan). */
function loops(of: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of of.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (of.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of of.keys()) if (!index.has(v)) connect(v);
  return found;
}

test("the sources are read: modules with their run-time imports", () => {
  expect(all.length).toBeGreaterThan(80);
  expect([...edges.values()].flat().length).toBeGreaterThan(300);
  // A type-only import is no run-time edge: layout.ts takes only types from model.ts's neighbours this way.
  expect(runtimeImports(join(SRC, "usecases/port.ts"))).not.toContain("../core/workbook/model");
});

test("the check finds a loop where there is one, and a module importing itself", () => {
  expect(loops(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
  expect(loops(new Map([["a", ["a"]], ["b", []]]))).toEqual([["a"]]);
  expect(loops(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
});

test("no run-time import loop in src", () => {
  expect(loops(edges).map((c) => c.map(name))).toEqual([]);
});

test("the reports' modules do not even take types from each other in a loop: their shape is in one module (types.ts)", () => {
  // Every import and re-export, type-only ones included.
  const imported = (path: string) =>
    [...readFileSync(path, "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gms)].map((m) => resolveLocal(path, m[1]!)).filter((t): t is string => t !== null);
  const report = new Map(files(join(SRC, "core/report")).map((f) => [f, imported(f).filter((t) => name(t).startsWith("core/report/"))]));
  expect(report.size).toBeGreaterThan(8);
  expect(loops(report).map((c) => c.map(name))).toEqual([]);
});

test("the core imports neither Office, React nor exceljs, nor anything outside the core but zod", () => {
  const core = all.filter((f) => name(f).startsWith("core/"));
  const packages = core.flatMap((f) => (graph.get(f) ?? []).filter((s) => !s.startsWith(".") && s !== "zod").map((s) => `${name(f)} → ${s}`));
  expect(packages).toEqual([]);
  const leaving = core.flatMap((f) => (edges.get(f) ?? []).filter((t) => !name(t).startsWith("core/")).map((t) => `${name(f)} → ${name(t)}`));
  expect(leaving).toEqual([]);
});
