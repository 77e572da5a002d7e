/**
 * Evaluates the formulas of an .xlsx workbook the way Excel would, for tests: the file's own table
 * definitions resolve structured references, its defined names resolve names, and `PLAN.*` (stored
 * as `_xldudf_PLAN_*`) calls the product's custom functions with Excel's calling convention, read from
 * the generated functions metadata (matrix parameters get 2D arrays, scalars a value, blanks null).
 *
 * The engine is fast-formula-parser (MIT). Where it departs from Excel the harness models Excel:
 * - a blank cell compared with text is "" (`=A1=""` is TRUE for a blank A1), with a number 0; text
 *   comparisons ignore case [Excel: "Calculation operators and precedence"];
 * - CHOOSE, MATCH, VALUE, COUNTA, COUNTIFS, SUMIFS, which it lacks (SUMIFS is an empty stub), come from
 *   @formulajs/formulajs (MIT), with Excel's lifting of array criteria (`{"a","b"}`) to an array result.
 */
import FormulaParser from "fast-formula-parser";
import * as formulajs from "@formulajs/formulajs";
import type ExcelJS from "exceljs";
import { absoluteAddress, cellAddress, parseAddress } from "../../src/core/workbook/a1";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const operators = require("fast-formula-parser/formulas/operators") as {
  Infix: { compareOp: (a: unknown, op: string, b: unknown, arrA: boolean, arrB: boolean) => unknown };
  Prefix: { unaryOp: (prefixes: string[], value: unknown, isArray: boolean) => unknown };
};
const FormulaError = (FormulaParser as unknown as { FormulaError: new (code: string) => Error & { error: string } }).FormulaError;

let patched = false;
/** Excel's comparison: a blank is "" beside text and 0 beside a number; text ignores case. */
function patchComparison() {
  if (patched) return;
  patched = true;
  const original = operators.Infix.compareOp;
  operators.Infix.compareOp = (a, op, b, arrA, arrB) => {
    const first = (v: unknown, isArray: boolean) => (isArray && Array.isArray(v) ? (v as unknown[][])[0]![0] : v);
    let x = first(a, arrA);
    let y = first(b, arrB);
    if (x == null && typeof y === "string") x = "";
    if (y == null && typeof x === "string") y = "";
    if (typeof x === "string" && typeof y === "string") {
      x = x.toLowerCase();
      y = y.toLowerCase();
    }
    return original(x, op, y, false, false);
  };
  // Excel's minus makes a number of what it negates, twice as well: --TRUE is 1 (the engine left it TRUE).
  const unary = operators.Prefix.unaryOp;
  operators.Prefix.unaryOp = (prefixes, value, isArray) => {
    const minus = prefixes.filter((p) => p === "-").length;
    if (minus === 0 || minus % 2 === 1) return unary(prefixes, value, isArray);
    const negated = unary(["-"], value, isArray);
    return typeof negated === "number" ? -negated : negated;
  };
}

export type Value = number | string | boolean | null | Error;

interface Arg {
  value: unknown;
  isArray?: boolean;
  isCellRef?: boolean;
  isRangeRef?: boolean;
  omitted?: boolean;
}

export interface TableInfo {
  name: string;
  sheet: string;
  /** 1-based: header row, first and last data rows, first column. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  col: number;
  columns: string[];
}

export interface FunctionMeta {
  id: string;
  name: string;
  parameters: Array<{ name: string; dimensionality?: string; optional?: boolean }>;
}

export interface EvaluatorOptions {
  /** The product's custom functions by JavaScript name. */
  implementations: Record<string, (...args: unknown[]) => unknown>;
  /** From custom-functions-metadata: ids, JavaScript names and parameter shapes. */
  metadata: FunctionMeta[];
  /** How a blank single-cell argument reaches a custom function: null (Excel today) or 0 (older desktop builds). */
  blankScalar: null | 0;
}

export interface SourceCell {
  sheet: string;
  /** 1-based, as in A1 notation. */
  row: number;
  col: number;
  /** A formula (with or without its "="), else the cell's value. */
  formula?: string;
  value?: Value;
}

/** What an evaluator reads: cells, tables (1-based) and defined names. */
export interface Source {
  cells: Iterable<SourceCell>;
  tables: TableInfo[];
  names: Array<{ name: string; sheet: string; row: number; col: number }>;
}

/** A workbook as exceljs read it from a file. */
export function excelJsSource(wb: ExcelJS.Workbook): Source {
  const cells: SourceCell[] = [];
  const tables: TableInfo[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value as unknown;
        const at = { sheet: ws.name, row: r, col: c };
        if (v && typeof v === "object" && "formula" in v) cells.push({ ...at, formula: String((v as { formula: string }).formula) });
        else if (v && typeof v === "object" && "sharedFormula" in v) throw new Error(`${ws.name}!${cell.address}: shared formulas are not expected in files this tool writes`);
        else if (v && typeof v === "object" && "richText" in v) cells.push({ ...at, value: (v as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join("") });
        else if (v && typeof v === "object" && "error" in v) cells.push({ ...at, value: toError(String((v as { error: string }).error)) });
        else if (v instanceof Date) throw new Error(`${ws.name}!${cell.address}: a date cell is not expected`);
        else cells.push({ ...at, value: (v as Value) ?? null });
      }),
    );
    type Model = { name: string; tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean; columns: Array<{ name: string }> };
    for (const t of Object.values((ws as unknown as { tables: Record<string, { table: Model }> }).tables ?? {})) {
      const model = t.table;
      const [from, to] = (model.tableRef ?? model.ref!).split(":").map((a) => oneBased(parseAddress(a))) as [{ row: number; col: number }, { row: number; col: number }];
      tables.push({
        name: model.name,
        sheet: ws.name,
        headerRow: from.row,
        firstRow: from.row + (model.headerRow === false ? 0 : 1),
        lastRow: to.row - (model.totalsRow ? 1 : 0),
        col: from.col,
        columns: model.columns.map((c) => c.name),
      });
    }
  });
  const names: Source["names"] = [];
  for (const n of (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model) {
    const at = parseAddress(n.ranges[0] ?? "");
    if (at.sheet) names.push({ name: n.name, sheet: at.sheet, ...oneBased(at) });
  }
  return { cells, tables, names };
}

const isError = (v: unknown): v is Error & { error: string } => v instanceof FormulaError;
// One error object per code: FormulaError caches them too, but only after building an Error (and its
// stack) each call, which was a tenth of a workbook suite's time.
const errors = new Map<string, Error & { error: string }>();
const toError = (code: string) => errors.get(code) ?? errors.set(code, new FormulaError(code)).get(code)!;

export class WorkbookEvaluator {
  private readonly cells = new Map<string, { formula?: string; value?: Value }>();
  private readonly overrides = new Map<string, Value>();
  private readonly memo = new Map<string, Value>();
  private readonly evaluating = new Set<string>();
  /** The cells being computed, innermost last: a cell read now is an input of the last one. */
  private readonly stack: string[] = [];
  /** For each cell, the formula cells computed from it (directly), for `recalculated`. */
  private readonly dependents = new Map<string, Set<string>>();
  /** Each cell's content and the tables and names, to tell what changed between two calculations. */
  private readonly signatures = new Map<string, string>();
  private readonly layout: string;
  readonly tables = new Map<string, TableInfo>();
  private readonly names = new Map<string, { sheet: string; row: number; col: number }>();
  /** One parser per depth of nested evaluation: a parser is not re-entrant (parse() keeps its state). */
  private readonly parsers: FormulaParser[] = [];
  /** Formulas the engine could not evaluate, with the reason (a test asserts there are none). */
  readonly failures: string[] = [];

  constructor(source: Source, private readonly options: EvaluatorOptions) {
    patchComparison();
    for (const c of source.cells) {
      const key = keyOf(c.sheet, c.row, c.col);
      this.cells.set(key, c.formula === undefined ? { value: c.value ?? null } : { formula: c.formula.replace(/^=/, "") });
      this.signatures.set(key, c.formula === undefined ? `v${JSON.stringify(c.value ?? null)}` : `f${c.formula}`);
    }
    for (const t of source.tables) this.tables.set(t.name.toLowerCase(), t);
    for (const n of source.names) this.names.set(n.name.toLowerCase(), { sheet: n.sheet, row: n.row, col: n.col });
    this.layout = JSON.stringify([source.tables, source.names]);
  }

  /**
   * The workbook after some cells changed, as Excel recalculates it: a formula keeps its value unless
   * it reads (directly or through other formulas) a cell that changed. Any change of tables or names,
   * a cell set with `set`, or a formula that failed, and everything is computed again.
   */
  recalculated(source: Source): WorkbookEvaluator {
    const next = new WorkbookEvaluator(source, this.options);
    if (next.layout !== this.layout || this.overrides.size || this.failures.length) return next;
    const stale = new Set<string>();
    for (const [k, sig] of next.signatures) if (this.signatures.get(k) !== sig) stale.add(k);
    for (const k of this.signatures.keys()) if (!next.signatures.has(k)) stale.add(k);
    const queue = [...stale];
    while (queue.length) {
      for (const d of this.dependents.get(queue.pop()!) ?? []) {
        if (!stale.has(d)) {
          stale.add(d);
          queue.push(d);
        }
      }
    }
    for (const [k, v] of this.memo) if (!stale.has(k)) next.memo.set(k, v);
    // Edges of cells computed again are recorded again; a stale edge only makes a later change recompute more.
    for (const [k, ds] of this.dependents) next.dependents.set(k, new Set(ds));
    return next;
  }

  private parser(): FormulaParser {
    const depth = this.evaluating.size;
    return (this.parsers[depth] ??= this.newParser());
  }

  private newParser(): FormulaParser {
    return new FormulaParser({
      onCell: ({ sheet, row, col }: { sheet: string; row: number; col: number }) => this.valueAt(sheet, row, col),
      onRange: (ref: { sheet: string; from: { row: number; col: number }; to: { row: number; col: number } }) => {
        const out: Value[][] = [];
        for (let r = ref.from.row; r <= ref.to.row; r++) {
          const line: Value[] = [];
          for (let c = ref.from.col; c <= ref.to.col; c++) line.push(this.valueAt(ref.sheet, r, c));
          out.push(line);
        }
        return out;
      },
      onVariable: (name: string) => this.names.get(name.toLowerCase()) ?? null,
      ...(({ ARRAYPRODUCT__, ...functions }) => ({ functions, functionsNeedContext: { ARRAYPRODUCT__ } }))(this.functions()),
    });
  }

  /** A name's cell, e.g. PM_Year → its sheet and address. */
  name(name: string) {
    const n = this.names.get(name.toLowerCase());
    if (!n) throw new Error(`no defined name ${name}`);
    return n;
  }

  /** Sets an input cell (as a planner would type it); every formula is computed again. */
  set(sheet: string, row: number, col: number, value: Value) {
    this.overrides.set(keyOf(sheet, row, col), value);
    this.memo.clear();
  }

  /** The value Excel would show in a cell: its input, or its formula computed. */
  valueAt(sheet: string, row: number, col: number): Value {
    const key = keyOf(sheet, row, col);
    const caller = this.stack[this.stack.length - 1];
    if (caller !== undefined) {
      const ds = this.dependents.get(key) ?? new Set<string>();
      ds.add(caller);
      this.dependents.set(key, ds);
    }
    if (this.overrides.has(key)) return this.overrides.get(key)!;
    const cell = this.cells.get(key);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value ?? null;
    if (this.memo.has(key)) return this.memo.get(key)!;
    if (this.evaluating.has(key)) throw new Error(`circular reference at ${key}`);
    const parser = this.parser();
    this.evaluating.add(key);
    this.stack.push(key);
    let result: Value;
    try {
      const text = this.translate(cell.formula, sheet, row, col);
      const out = parser.parse(text, { sheet, row, col }, true) as unknown;
      result = single(out);
    } catch (e) {
      this.failures.push(`${key}: ${(e as Error).message} in =${cell.formula}`);
      result = toError("#ERROR!");
    } finally {
      this.evaluating.delete(key);
      this.stack.pop();
    }
    this.memo.set(key, result);
    return result;
  }

  /** Rewrites structured references and add-in function names into what the engine reads. */
  translate(formula: string, sheet: string, row: number, col: number): string {
    let out = "";
    let i = 0;
    while (i < formula.length) {
      const ch = formula[i]!;
      if (ch === '"') {
        const end = stringEnd(formula, i);
        out += formula.slice(i, end);
        i = end;
        continue;
      }
      const m = /^[A-Za-z_][A-Za-z0-9_.]*\[/.exec(formula.slice(i));
      if (m && (i === 0 || !/[A-Za-z0-9_.]/.test(formula[i - 1]!))) {
        const name = m[0].slice(0, -1);
        const table = this.tables.get(name.toLowerCase());
        const end = bracketEnd(formula, i + name.length);
        // A table or column that is gone is #REF! in Excel.
        out += table ? this.resolve(table, formula.slice(i + name.length + 1, end - 1), row) : "#REF!";
        i = end;
        continue;
      }
      if (ch === "[" && (i === 0 || !/[A-Za-z0-9_.\]]/.test(formula[i - 1]!))) {
        // An unqualified reference ([@[A]], [A]) means the table the formula is in, as Excel shows it.
        const table = [...this.tables.values()].find((t) => t.sheet === sheet && row >= t.headerRow && row <= t.lastRow + 1 && col >= t.col && col < t.col + t.columns.length);
        if (!table) throw new Error(`a structured reference outside a table at ${sheet}!${cellAddress(col - 1, row - 1)}`);
        const end = bracketEnd(formula, i);
        out += this.resolve(table, formula.slice(i + 1, end - 1), row);
        i = end;
        continue;
      }
      out += ch;
      i++;
    }
    return arrayProducts(out.replace(/\b_xldudf_PLAN_([A-Z0-9_]+)\(/g, "PLAN.$1(").replace(/\b_xlfn\./g, ""));
  }

  /**
   * SUMPRODUCT as Excel evaluates it: each argument is an array expression, computed element by
   * element (a comparison or ISNUMBER of a range gives an array there); entries that are not numbers
   * count as 0; an error in any entry is the result; arrays of different shapes are #VALUE!. The
   * engine itself reads a range inside an expression as its first cell, so each argument is computed
   * again for every position with each range replaced by its cell there.
   */
  private arrayProduct(context: { row: number; col: number; sheet: string }, ...texts: string[]): unknown {
    let shape: [number, number] | null = null;
    const parsed = texts.map((text) => {
      const ranges = [...text.matchAll(RANGE_REF)].map((m) => {
        const from = parseAddress(`${m[2]}${m[3]}`);
        const to = parseAddress(`${m[4]}${m[5]}`);
        return { text: m[0], sheet: m[1] ? `${m[1]}!` : "", from, rows: to.row - from.row + 1, cols: to.col - from.col + 1 };
      });
      for (const r of ranges) {
        if (shape && (shape[0] !== r.rows || shape[1] !== r.cols)) return null;
        shape = [r.rows, r.cols];
      }
      return { text, ranges };
    });
    if (parsed.includes(null) || shape === null) return toError("#VALUE!");
    const [rows, cols] = shape as [number, number];
    const parser = this.newParser();
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        let product = 1;
        for (const arg of parsed) {
          // A scalar argument beside arrays is a size mismatch in Excel.
          if (!arg!.ranges.length) return toError("#VALUE!");
          let text = arg!.text;
          for (const r of arg!.ranges) text = text.split(r.text).join(`${r.sheet}${absoluteAddress(r.from.col + j, r.from.row + i)}`);
          const v = single(parser.parse(text, context, true) as unknown);
          if (isError(v)) return v;
          product *= typeof v === "number" ? v : 0;
        }
        sum += product;
      }
    }
    return sum;
  }

  private resolve(table: TableInfo, spec: string, row: number): string {
    const parts = splitSpec(spec);
    let rows: [number, number] = [table.firstRow, table.lastRow];
    const columns: string[] = [];
    for (const p of parts) {
      const lower = p.toLowerCase();
      if (lower === "#this row" || lower === "@") rows = [row, row];
      else if (lower === "#headers") rows = [table.headerRow, table.headerRow];
      else if (lower === "#data") rows = [table.firstRow, table.lastRow];
      else if (lower.startsWith("#")) throw new Error(`unsupported table item ${p}`);
      else columns.push(...p.split(COLUMN_RANGE).map(unescapeColumn));
    }
    const colOf = (h: string) => table.col + table.columns.findIndex((c) => c.toLowerCase() === h.toLowerCase());
    if (columns.some((h) => colOf(h) < table.col)) return "#REF!";
    const c1 = columns.length ? colOf(columns[0]!) : table.col;
    const c2 = columns.length ? colOf(columns[columns.length - 1]!) : table.col + table.columns.length - 1;
    const sheet = `'${table.sheet.replace(/'/g, "''")}'`;
    const from = absoluteAddress(c1 - 1, rows[0] - 1);
    const to = absoluteAddress(c2 - 1, rows[1] - 1);
    return from === to ? `${sheet}!${from}` : `${sheet}!${from}:${to}`;
  }

  private functions(): Record<string, (...args: Arg[]) => unknown> {
    const fns: Record<string, (...args: Arg[]) => unknown> = {};
    for (const meta of this.options.metadata) {
      const impl = this.options.implementations[meta.name];
      if (!impl) throw new Error(`no implementation for PLAN.${meta.id} (${meta.name})`);
      fns[`PLAN.${meta.id}`] = (...args: Arg[]) => this.callCustom(meta, impl, args);
    }
    const plain = (v: unknown) => (v === null ? "" : v);
    // The engine hands CHOOSE its context first (it lists CHOOSE among the functions that need one).
    fns.CHOOSE = (_context, index, ...choices) => {
      if (!index) return toError("#VALUE!");
      const k = Number(index.value);
      if (!Number.isInteger(k) || k < 1 || k > choices.length) return toError("#VALUE!");
      return choices[k - 1]!.value ?? 0;
    };
    // The engine's INDEX rejects INDEX(one column, n); Excel returns the n-th cell. Its arguments arrive unread.
    fns.INDEX = (context, range, rowNum, colNum) => {
      const read = (x: unknown) => (context as unknown as { utils: { extractRefValue: (x: unknown) => { val: unknown } } }).utils.extractRefValue(x).val;
      const v = read(range);
      const m = Array.isArray(v) ? (v as Value[][]) : [[v as Value]];
      let r = Math.trunc(Number(read(rowNum)));
      let c = colNum === undefined || colNum === null ? 1 : Math.trunc(Number(read(colNum)));
      if (m.length === 1 && (colNum === undefined || colNum === null)) [r, c] = [1, r];
      if (!(r >= 1 && r <= m.length && c >= 1 && c <= m[0]!.length)) return toError("#REF!");
      // Excel returns a reference: a blank cell read through it stays blank (="" is TRUE, ISNUMBER FALSE).
      const ref = (range as unknown as { ref?: { sheet?: string; from?: { row: number; col: number }; row?: number; col?: number } }).ref;
      if (ref?.from) return { ref: { sheet: ref.sheet, row: ref.from.row + r - 1, col: ref.from.col + c - 1 } };
      if (ref && ref.row !== undefined) return { ref: { sheet: ref.sheet, row: ref.row, col: ref.col } };
      return m[r - 1]![c - 1] ?? 0;
    };
    // Over a range, MAX and MIN skip blanks, text and booleans; an error wins; no number gives 0.
    const extreme = (pick: (...n: number[]) => number) => (...args: Arg[]) => {
      const cells = args.flatMap((a) => (Array.isArray(a.value) ? (a.value as unknown[][]).flat() : [a.value]));
      const err = cells.find(isError);
      if (err) return err;
      const numbers = cells.filter((v): v is number => typeof v === "number");
      return numbers.length ? pick(...numbers) : 0;
    };
    fns.MAX = extreme(Math.max);
    // A blank is 0 to ABS, as to any arithmetic (the engine threw on it); text that reads as a number is that number.
    fns.ABS = (x) => {
      const v = Array.isArray(x.value) ? toError("#VALUE!") : x.value;
      if (isError(v)) return v;
      const n = v === null || v === undefined ? 0 : typeof v === "string" ? (v.trim() === "" ? Number.NaN : Number(v)) : Number(v);
      return Number.isFinite(n) ? Math.abs(n) : toError("#VALUE!");
    };
    fns.ARRAYPRODUCT__ = (context, ...args) => {
      const read = (x: unknown) => (context as unknown as { utils: { extractRefValue: (x: unknown) => { val: unknown } } }).utils.extractRefValue(x).val;
      const at = context as unknown as { position: { row: number; col: number; sheet: string } };
      return this.arrayProduct(at.position, ...args.map((a) => String((read(a) as Arg | string | null) && typeof read(a) === "object" ? (read(a) as Arg).value : read(a))));
    };
    fns.MIN = extreme(Math.min);
    fns.MATCH = (lookup, range, type) => fromLib(formulajs.MATCH(lookup.value, range.value, type?.value ?? 1));
    fns.VALUE = (text) => fromLib(formulajs.VALUE(plain(text.value)));
    // A blank cell is not counted; text, numbers, booleans and errors are.
    fns.COUNTA = (...args) => args.flatMap((a) => (Array.isArray(a.value) ? (a.value as unknown[][]).flat() : [a.value])).filter((v) => v !== null && v !== undefined).length;
    // "If the criteria argument is a reference to an empty cell, COUNTIFS treats the empty cell as a 0
    // value" [Excel: COUNTIFS]; the same holds for COUNTIF and SUMIFS.
    const criteria = (args: Arg[]) => args.map((a, i) => (i % 2 === 1 && a.value === null ? { ...a, value: 0 } : a));
    fns.COUNTIFS = (...args) => lifted(criteria(args), (values) => formulajs.COUNTIFS(...values));
    fns.COUNTIF = (range, criterion) => lifted(criteria([range, criterion]), (values) => formulajs.COUNTIFS(...values));
    fns.SUMIFS = (sum, ...args) => lifted(criteria(args), (values) => formulajs.SUMIFS(flat(sum.value), ...values));
    return fns;
  }

  private callCustom(meta: FunctionMeta, impl: (...args: unknown[]) => unknown, args: Arg[]): unknown {
    if (args.length > meta.parameters.length) return toError("#VALUE!");
    const values: unknown[] = [];
    for (let i = 0; i < meta.parameters.length; i++) {
      const p = meta.parameters[i]!;
      const a = args[i];
      if (!a || a.omitted) {
        values.push(null);
        continue;
      }
      if (p.dimensionality === "matrix") {
        const m = Array.isArray(a.value) ? (a.value as Value[][]) : [[a.value as Value]];
        const err = m.flat().find(isError);
        if (err) return err;
        values.push(m.map((r) => r.map((v) => (v === null ? "" : v))));
      } else {
        if (Array.isArray(a.value)) return toError("#VALUE!"); // a range given to a single value
        if (isError(a.value)) return a.value; // Excel does not call the function with an error argument
        values.push(a.value === null && a.isCellRef ? this.options.blankScalar : a.value === null ? "" : a.value);
      }
    }
    let result: unknown;
    try {
      result = impl(...values);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code) return toError(code);
      throw e;
    }
    const code = (result as { code?: string } | null)?.code;
    if (result instanceof Error && code) return toError(code);
    return result;
  }
}

/** COUNTIFS/SUMIFS over criteria pairs, an array criterion giving an array of results as in Excel. */
function lifted(pairs: Arg[], run: (values: unknown[]) => unknown): unknown {
  const shapes = pairs.filter((_, i) => i % 2 === 1).map((a) => (Array.isArray(a.value) ? [(a.value as unknown[][]).length, (a.value as unknown[][])[0]!.length] : [1, 1]));
  const rows = Math.max(...shapes.map((s) => s[0]!));
  const cols = Math.max(...shapes.map((s) => s[1]!));
  const at = (v: unknown, r: number, c: number) => {
    if (!Array.isArray(v)) return v;
    const m = v as unknown[][];
    return m[m.length === 1 ? 0 : r]![m[0]!.length === 1 ? 0 : c];
  };
  // Ranges flattened once here: formulajs flattens a 2D range by repeated concatenation, in time
  // quadratic in its rows, for every criterion of every cell.
  const ranges = pairs.map((a, i) => (i % 2 === 0 ? flat(a.value) : a.value));
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < cols; c++) line.push(fromLib(run(pairs.map((a, i) => (i % 2 === 1 ? at(a.value, r, c) : ranges[i])))));
    out.push(line);
  }
  return rows === 1 && cols === 1 ? out[0]![0] : out;
}

const flat = (v: unknown) => (Array.isArray(v) ? (v as unknown[][]).flat() : v);

function fromLib(v: unknown): unknown {
  if (v instanceof Error) return toError(/^#/.test(v.message) ? v.message : "#VALUE!");
  return v;
}

function single(v: unknown): Value {
  if (Array.isArray(v)) return single((v as unknown[][])[0]![0]);
  if (v && typeof v === "object" && "value" in v && !(v instanceof Error)) return single((v as { value: unknown }).value);
  return (v ?? null) as Value;
}

const COLUMN_RANGE = /(?<!')\]:\[/;

/** A range after structured references are resolved: 'Sheet'!$A$1:$B$2. */
const RANGE_REF = /(?:('(?:[^']|'')+'|[A-Za-z0-9_]+)!)?\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)/g;

/** Rewrites SUMPRODUCT(a, b, …) into the engine's element-wise ARRAYPRODUCT__("a", "b", …) (see arrayProduct). */
function arrayProducts(formula: string): string {
  const at = formula.search(/\bSUMPRODUCT\(/i);
  if (at < 0) return formula;
  const open = at + "SUMPRODUCT".length;
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  let i = open;
  for (; i < formula.length; i++) {
    const ch = formula[i]!;
    if (ch === '"') {
      i = stringEnd(formula, i) - 1;
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) break;
    else if (ch === "," && depth === 1) {
      args.push(formula.slice(start, i));
      start = i + 1;
    }
  }
  args.push(formula.slice(start, i));
  const call = `ARRAYPRODUCT__(${args.map((a) => `"${arrayProducts(a).replace(/"/g, '""')}"`).join(",")})`;
  return formula.slice(0, at) + call + arrayProducts(formula.slice(i + 1));
}

function keyOf(sheet: string, row: number, col: number) {
  return `${sheet}!${row},${col}`;
}

/** A1 notation counts from 1, the project's helpers from 0. */
const oneBased = (at: { row: number; col: number }) => ({ row: at.row + 1, col: at.col + 1 });

function stringEnd(f: string, start: number): number {
  let i = start + 1;
  while (i < f.length) {
    if (f[i] === '"') {
      if (f[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  throw new Error("unterminated string");
}

/** The index after the bracket group that opens at `open`, honouring the ' escape of column names. */
function bracketEnd(f: string, open: number): number {
  let depth = 0;
  for (let i = open; i < f.length; i++) {
    const ch = f[i]!;
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  throw new Error("unbalanced brackets");
}

/** `[#This Row],[A]:[B]` → ["#This Row", "A]:[B"]; `A` → ["A"]. */
function splitSpec(spec: string): string[] {
  if (!spec.startsWith("[")) return [spec.startsWith("@") ? "@" : spec, ...(spec.startsWith("@") && spec.length > 1 ? [spec.slice(1).replace(/^\[|\]$/g, "")] : [])];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i]!;
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") {
      if (depth++ === 0) start = i + 1;
    } else if (ch === "]" && --depth === 0) {
      // `[A]:[B]` stays one part.
      if (spec[i + 1] === ":") {
        const close = bracketEnd(spec, i + 2);
        parts.push(spec.slice(start, close - 1));
        i = close - 1;
      } else parts.push(spec.slice(start, i));
    }
  }
  return parts;
}

function unescapeColumn(name: string): string {
  return name.replace(/'(.)/g, "$1");
}

export function isFormulaError(v: unknown): v is Error & { error: string } {
  return isError(v);
}

let metadata: Promise<FunctionMeta[]> | null = null;
/** The product's functions as Excel registers them: ids, JavaScript names and parameter shapes. */
export function productMetadata(): Promise<FunctionMeta[]> {
  metadata ??= (async () => {
    const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
    const { join } = await import("node:path");
    const generated = await generateCustomFunctionsMetadata(join(__dirname, "../../src/functions/functions.ts"));
    if (generated.errors.length) throw new Error(generated.errors.join("; "));
    // The JavaScript function each id is associated with, as the build's CustomFunctions.associate calls say.
    const names = new Map(generated.associate.map((a) => [a.id, a.functionName]));
    return (JSON.parse(generated.metadataJson).functions as FunctionMeta[]).map((f) => ({ ...f, name: names.get(f.id)! }));
  })();
  return metadata;
}
