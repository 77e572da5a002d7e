/**
 * A typed double of the part of the Excel JavaScript API that src/excel uses. Like Excel it queues
 * nothing it can skip: writes apply to an in-memory workbook, but every property read needs a
 * `load` and a `sync` first (PropertyNotLoaded otherwise), loaded values are those at sync time,
 * `getItem` of a missing item fails at sync, and `context.sync()` calls are counted.
 *
 * A formula cell's `values` is the formula computed, as in Excel, by the calculator jest installs
 * (test/setup/excel-formulas.ts: the test spreadsheet engine with PLAN.* bound to the product), so
 * reading `formulas` where `values` is meant (or the reverse) shows. Errors read as their text
 * ("#VALUE!"), blanks as "". Without a calculator (the browser bundle) a formula's value reads as "".
 */
import { columnLetter, parseAddress } from "../../src/core/workbook/a1";
import type { Source, SourceCell } from "../formulas/engine";

export interface FormulaCalculator {
  /** Awaited at every sync before loads resolve. */
  ready(): Promise<void>;
  /** A calculation over the workbook as it stands: what a cell (1-based) shows. */
  calculate(source: Source): (sheet: string, row: number, col: number) => unknown;
}
let calculator: FormulaCalculator | null = null;
export function useFormulaCalculator(c: FormulaCalculator | null): void {
  calculator = c;
}

export interface CellData {
  formula: unknown;
  /** Entered with Excel's text prefix (an apostrophe): "=…" is then text, never a formula. */
  text?: boolean;
  numberFormat?: string;
  fill?: string | null;
  italic?: boolean;
  bold?: boolean;
  fontColor?: string;
  size?: number;
  fontName?: string;
  locked?: boolean;
  wrap?: boolean;
  align?: string;
  valign?: string;
}

export interface ValidationData {
  address: string;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface ConditionalFormatData {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  dataBar?: { lower?: unknown; upper?: unknown; color?: string; gradient?: boolean };
}

export interface SheetData {
  name: string;
  cells: Map<string, CellData>;
  visibility: string;
  protected: boolean;
  /** Set when someone protected the sheet with a password (excel.md: protection). */
  password?: string;
  validations: ValidationData[];
  conditionalFormats: ConditionalFormatData[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  charts: ChartData[];
  pageLayout: { orientation?: string; paperSize?: string; zoom?: unknown; titleRows?: string; titleColumns?: string; firstPageNumber?: number; header?: string; footer?: string; printArea?: string };
  showGridlines?: boolean;
  /** Rows (0-based) printed pages start at (worksheet.horizontalPageBreaks). */
  pageBreaks?: number[];
  /** Frozen rows and columns (worksheet.freezePanes.freezeAt). */
  frozen?: string;
}

export interface ChartData {
  type: string;
  source: Box;
  seriesBy: string;
  title?: string;
  position?: [string, string];
  categoryLabels?: string;
}

export interface TableData {
  name: string;
  sheet: string;
  col: number;
  row: number;
  width: number;
  /** Header row included. */
  height: number;
  /** Filter criteria per column while the table's data is filtered. */
  filter?: unknown[];
}

interface Box {
  col: number;
  row: number;
  cols: number;
  rows: number;
}

function parseRange(address: string): Box {
  const bang = address.lastIndexOf("!");
  const a = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const [from, to = from] = a.split(":");
  const p = parseAddress(from!);
  const q = parseAddress(to!);
  return { col: p.col, row: p.row, cols: q.col - p.col + 1, rows: q.row - p.row + 1 };
}

const key = (col: number, row: number) => `${col},${row}`;
const overlaps = (a: Box, b: Box) => a.col < b.col + b.cols && b.col < a.col + a.cols && a.row < b.row + b.rows && b.row < a.row + a.rows;

/**
 * What Excel stores for a value written through `formulas`/`values` (excel.md: writing cells):
 * text that reads as a number, a percentage or a logical value becomes one ("94 %" → 0.94, "2025" →
 * 2025, "TRUE" → true), unless the cell is formatted as text ("@") or the text starts with an
 * apostrophe, which Excel drops and keeps the rest as text.
 */
export function excelParse(v: unknown, numberFormat?: string): unknown {
  if (typeof v !== "string" || v.startsWith("=")) return v;
  if (v.startsWith("'")) return v.slice(1);
  if (numberFormat === "@") return v;
  const t = v.trim();
  const number = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
  if (number.test(t) && /\d/.test(t)) return Number(t.replace(/,/g, ""));
  const percent = /^([-+]?(?:\d*)(?:\.\d+)?)\s*%$/.exec(t);
  if (percent && /\d/.test(percent[1]!)) return Number(percent[1]) / 100;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  const date = excelDate(t);
  return date ?? v;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

/**
 * Text Excel reads as a date or a time and stores as its serial number (excel.md: "15-Feb" a date).
 * Modelled on the wide side where Excel's locale decides: numeric dates with - / or . ("2021-12",
 * "3/5", "2025.3.5"), month names ("15-Feb", "Feb 2025", "March 5, 2025"), Chinese dates ("2025年3月",
 * "3月5日"), times ("8:40", "8:40 PM"). The year of a date without one: 2026, this double's today.
 */
function excelDate(t: string): number | null {
  let m = /^(\d{1,4})[-/.](\d{1,2})(?:[-/.](\d{1,4}))?$/.exec(t);
  if (m) return serial(Number(m[1]!.length > 2 ? m[1] : (m[3] ?? 2026)), Number(m[2]), 1);
  m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\s*([ap])m)?$/i.exec(t);
  if (m) return (Number(m[1]) + (m[4]?.toLowerCase() === "p" ? 12 : 0) + Number(m[2]) / 60) / 24;
  const month = (word: string) => (MONTH_WORD.test(word) ? MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1 : 0);
  m = /^(\d{1,2})[-\s/]?([a-z]{3,9})\.?(?:[-\s/,]+(\d{2,4}))?$/i.exec(t);
  if (m && month(m[2]!) > 0) return serial(Number(m[3] ?? 2026), month(m[2]!), Number(m[1]));
  m = /^([a-z]{3,9})\.?[-\s/]?(\d{1,4})(?:[-\s/,]+(\d{2,4}))?$/i.exec(t);
  if (m && month(m[1]!) > 0) return serial(Number(m[3] ?? (m[2]!.length > 2 ? m[2] : 2026)), month(m[1]!), m[2]!.length > 2 ? 1 : Number(m[2]));
  m = /^(?:(\d{1,4})年)?(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t);
  if (m && (m[1] || m[3])) return serial(Number(m[1] ?? 2026), Number(m[2]), Number(m[3] ?? 1));
  return null;
}
const boxAddress = (sheet: string, b: Box) =>
  `${/[^A-Za-z0-9_]/.test(sheet) ? `'${sheet}'` : sheet}!${columnLetter(b.col)}${b.row + 1}:${columnLetter(b.col + b.cols - 1)}${b.row + b.rows}`;

export class FakeWorkbookData {
  sheets: SheetData[] = [];
  tables: TableData[] = [];
  /** `broken`: the name no longer refers to a range (its sheet was deleted, or it holds a constant). */
  names = new Map<string, { sheet: string; address: string; broken?: boolean }>();
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** Merged areas; as in Excel only the first cell keeps a value (excel.md: merged cells). */
  merges: Array<{ sheet: string; box: Box }> = [];

  /** Merges an area as a planner would (Home › Merge): the other cells lose their values. */
  merge(sheet: string, address: string): void {
    const box = parseRange(address);
    const s = this.sheet(sheet)!;
    for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.cols; c++) if (r || c) s.cells.set(key(box.col + c, box.row + r), { ...(s.cells.get(key(box.col + c, box.row + r)) ?? {}), formula: "" });
    this.merges.push({ sheet, box });
  }

  addSheet(name: string): SheetData {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    const s: SheetData = {
      name,
      cells: new Map(),
      visibility: "Visible",
      protected: false,
      validations: [],
      conditionalFormats: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      charts: [],
      pageLayout: {},
    };
    this.sheets.push(s);
    return s;
  }

  private evaluator: ((sheet: string, row: number, col: number) => unknown) | null = null;

  /** Forgets computed values: called at every sync, after the batch's writes. */
  recalculate(): void {
    this.evaluator = null;
  }

  /** What `values` shows for a cell: a formula computed, else the stored value. */
  shown(sheet: string, col: number, row: number): unknown {
    const c = this.cell(sheet, col, row);
    const f = c?.formula ?? "";
    if (!(typeof f === "string" && f.startsWith("=") && !c?.text)) return f;
    if (!calculator) return "";
    this.evaluator ??= this.calculation(calculator);
    return this.evaluator(sheet, row + 1, col + 1);
  }

  /** The calculator recalculates from its last calculation, so unchanged formulas keep their values. */
  private calculation(by: FormulaCalculator): (sheet: string, row: number, col: number) => unknown {
    return by.calculate(this.source());
  }

  private source(): Source {
    const cells: SourceCell[] = [];
    for (const s of this.sheets) {
      for (const [k, c] of s.cells) {
        const [col, row] = k.split(",").map(Number) as [number, number];
        const f = c.formula;
        if (f === "" || f === null || f === undefined) continue;
        const at = { sheet: s.name, row: row + 1, col: col + 1 };
        cells.push(typeof f === "string" && f.startsWith("=") && !c.text ? { ...at, formula: f } : { ...at, value: f as string | number | boolean });
      }
    }
    const tables = this.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet,
      headerRow: t.row + 1,
      firstRow: t.row + 2,
      lastRow: t.row + t.height,
      col: t.col + 1,
      columns: Array.from({ length: t.width }, (_, c) => String(this.cell(t.sheet, t.col + c, t.row)?.formula ?? "")),
    }));
    const names = [...this.names.entries()]
      .filter(([, n]) => !n.broken)
      .map(([name, n]) => {
        const { col, row } = parseAddress(n.address.replace(/\$/g, "").split(":")[0]!);
        return { name, sheet: n.sheet, row: row + 1, col: col + 1 };
      });
    return { cells, tables, names };
  }

  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: string, col: number, row: number): CellData | undefined {
    return this.sheet(sheet)?.cells.get(key(col, row));
  }

  /** The cell at an A1 address such as "C7" (for test assertions). */
  at(sheet: string, address: string): CellData | undefined {
    const { col, row } = parseAddress(address);
    return this.cell(sheet, col, row);
  }

  /** Sets a constant or formula as a planner would type it. */
  type(sheet: string, address: string, value: unknown): void {
    const { col, row } = parseAddress(address);
    const s = this.sheet(sheet)!;
    const c = s.cells.get(key(col, row)) ?? { formula: "" };
    // Excel refuses a keystroke into a locked cell of a protected sheet (cells start locked).
    if (s.protected && c.locked !== false) throw new Error(`The cell ${address} on protected sheet ${sheet} cannot be changed`);
    c.formula = value;
    s.cells.set(key(col, row), c);
  }

  table(name: string): TableData | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** A table's header and body as stored (formulas), for assertions. */
  tableRows(name: string): unknown[][] {
    const t = this.table(name)!;
    const rows: unknown[][] = [];
    for (let r = 0; r < t.height; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < t.width; c++) row.push(this.cell(t.sheet, t.col + c, t.row + r)?.formula ?? "");
      rows.push(row);
    }
    return rows;
  }

  /** The body of one column of a table, by header. */
  column(name: string, header: string): unknown[] {
    const [head, ...body] = this.tableRows(name);
    const i = head!.indexOf(header);
    if (i < 0) throw new Error(`no column ${header} in ${name}`);
    return body.map((r) => r[i]);
  }

  /** Whether each body cell of a column is a live formula (not text that merely starts with "="). */
  liveColumn(name: string, header: string): boolean[] {
    const t = this.table(name)!;
    const i = this.tableRows(name)[0]!.indexOf(header);
    if (i < 0) throw new Error(`no column ${header} in ${name}`);
    return Array.from({ length: t.height - 1 }, (_, r) => {
      const cell = this.cell(t.sheet, t.col + i, t.row + 1 + r);
      return typeof cell?.formula === "string" && cell.formula.startsWith("=") && !cell.text;
    });
  }

  /** Address of a table cell by header and key (first column), for assertions. */
  addressOf(name: string, keyValue: string, header: string): string {
    const t = this.table(name)!;
    const [head, ...body] = this.tableRows(name);
    const c = head!.indexOf(header);
    const r = body.findIndex((row) => row[0] === keyValue);
    if (c < 0 || r < 0) throw new Error(`no ${keyValue}/${header} in ${name}`);
    return `${columnLetter(t.col + c)}${t.row + 2 + r}`;
  }
}

class PropertyNotLoaded extends Error {}

/** Base for proxies: reads need load + sync, like Excel; isNullObject needs only a sync. */
class Proxy {
  private pending = new Set<string>();
  private loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeContext,
    private readonly fetch: (prop: string) => unknown,
  ) {
    ctx.register(this);
    this.pending.add("isNullObject");
  }

  load(props?: string | string[]): this {
    const list = Array.isArray(props) ? props : (props ?? "").split(",");
    for (const p of list.map((x) => x.trim()).filter(Boolean)) this.pending.add(p);
    this.ctx.register(this);
    return this;
  }

  /** @internal called by sync */
  resolve(): void {
    let isNull = false;
    try {
      isNull = this.fetch("isNullObject") === true;
    } catch {
      // objects without a null form
    }
    for (const p of this.pending) {
      // A null object loads nothing else: reading its properties is a PropertyNotLoaded error.
      if (isNull && p !== "isNullObject") continue;
      try {
        this.loaded.set(p, this.fetch(p));
      } catch (error) {
        if (p !== "isNullObject") throw error;
      }
    }
    this.pending.clear();
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(`PropertyNotLoaded: ${prop} was read before load() and sync()`);
    return this.loaded.get(prop) as T;
  }
}

export class FakeContext {
  syncCount = 0;
  private toResolve = new Set<Proxy>();
  private failures: string[] = [];
  readonly workbook: FakeWorkbook;

  constructor(public readonly data: FakeWorkbookData) {
    this.workbook = new FakeWorkbook(this);
  }

  register(p: Proxy): void {
    this.toResolve.add(p);
  }

  fail(message: string): void {
    this.failures.push(message);
  }

  /**
   * False once a command of this batch has failed: Excel applies the commands before a failing one
   * and none after it (excel.md: writing cells, batches), so the double's writes stop here too.
   */
  get live(): boolean {
    return this.failures.length === 0;
  }

  async sync(): Promise<void> {
    this.syncCount++;
    if (this.failures.length) {
      const message = this.failures.join("; ");
      this.failures = [];
      throw new Error(message);
    }
    await calculator?.ready();
    this.data.recalculate();
    for (const p of this.toResolve) p.resolve();
    this.toResolve.clear();
  }

  /** The context as the adapter's type. */
  get excel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeNames;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
    this.names = new FakeNames(ctx);
  }
}

class FakeWorksheets extends Proxy {
  constructor(ctx: FakeContext) {
    super(ctx, (prop) => {
      if (!prop.startsWith("items")) throw new Error(`unsupported load ${prop}`);
      return ctx.data.sheets.map((s) => ({ name: s.name, protection: { protected: s.protected } }));
    });
  }
  get items(): Array<{ name: string; protection: { protected: boolean } }> {
    return this.read("items/name");
  }
  getItem(name: string): FakeWorksheet {
    if (!this.ctx.data.sheet(name)) this.ctx.fail(`ItemNotFound: worksheet ${name}`);
    return new FakeWorksheet(this.ctx, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.data.addSheet(name);
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
    nullable = false,
  ) {
    super(ctx, (prop) => {
      const s = ctx.data.sheet(sheetName);
      if (prop === "isNullObject") return nullable && !s;
      if (!s) throw new Error(`ItemNotFound: ${sheetName}`);
      if (prop === "name") return s.name;
      throw new Error(`unsupported load ${prop}`);
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  private get data(): SheetData {
    return this.ctx.data.sheet(this.sheetName)!;
  }
  set visibility(v: string) {
    this.data.visibility = v;
  }
  set showGridlines(v: boolean) {
    this.data.showGridlines = v;
  }
  get horizontalPageBreaks() {
    const data = () => this.data;
    return {
      add: (address: string) => {
        const d = data();
        (d.pageBreaks ??= []).push(parseAddress(address.replace(/\$/g, "").split(":")[0]!).row);
      },
    };
  }
  get freezePanes() {
    const data = () => this.data;
    return {
      freezeAt: (address: string) => {
        data().frozen = address;
      },
    };
  }
  get protection() {
    const data = () => this.data;
    const ctx = this.ctx;
    const name = this.sheetName;
    return {
      // excel.md, protection: protect() fails on a protected sheet; unprotect() without the password
      // fails on a password-protected one.
      protect: () => {
        if (data().protected) return ctx.fail(`InvalidOperation: ${name} is already protected`);
        data().protected = true;
      },
      unprotect: (password?: string) => {
        if (data().password !== undefined && password !== data().password) return ctx.fail(`InvalidArgument: ${name} is protected with a password`);
        data().protected = false;
        data().password = undefined;
      },
    };
  }
  get tables() {
    return {
      add: (address: string, _hasHeaders: boolean) => {
        const b = parseRange(address);
        const t: TableData = { name: `Table${this.ctx.data.tables.length + 1}`, sheet: this.sheetName, col: b.col, row: b.row, width: b.cols, height: b.rows };
        this.ctx.data.tables.push(t);
        for (let c = 0; c < b.cols; c++) this.ctx.data.type(this.sheetName, `${columnLetter(b.col + c)}${b.row + 1}`, `Column${c + 1}`);
        return {
          set name(n: string) {
            t.name = n;
          },
        };
      },
    };
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, parseRange(address));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const s = this.data;
    const used = [...s.cells.entries()].filter(([, c]) => c.formula !== "" && c.formula !== null && c.formula !== undefined);
    if (!used.length) return new FakeRange(this.ctx, this.sheetName, null);
    const cols = used.map(([k]) => Number(k.split(",")[0]));
    const rows = used.map(([k]) => Number(k.split(",")[1]));
    const box = { col: Math.min(...cols), row: Math.min(...rows), cols: 0, rows: 0 };
    box.cols = Math.max(...cols) - box.col + 1;
    box.rows = Math.max(...rows) - box.row + 1;
    return new FakeRange(this.ctx, this.sheetName, box);
  }
  activate(): void {
    // A hidden sheet cannot be activated, nor a cell on it selected.
    if (this.data.visibility !== "Visible") return this.ctx.fail(`InvalidOperation: ${this.sheetName} is hidden`);
    this.ctx.data.activeSheet = this.sheetName;
  }
  delete(): void {
    const data = this.ctx.data;
    if (data.tables.some((t) => t.sheet === this.sheetName)) this.ctx.fail(`the double does not delete sheets holding tables (${this.sheetName})`);
    data.sheets = data.sheets.filter((s) => s.name !== this.sheetName);
    for (const [name, n] of data.names) if (n.sheet === this.sheetName) data.names.delete(name);
  }
  get charts() {
    const s = this.data;
    const ctx = this.ctx;
    return {
      add: (type: string, range: FakeRange, seriesBy: string) => {
        const chart: ChartData = { type, source: (range as unknown as { box: Box }).box, seriesBy };
        s.charts.push(chart);
        return {
          axes: {
            categoryAxis: {
              set tickLabelPosition(v: string) {
                if (!["NextToAxis", "High", "Low", "None"].includes(v)) ctx.fail(`InvalidArgument: tickLabelPosition ${v}`);
                chart.categoryLabels = v;
              },
            },
          },
          title: {
            set text(t: string) {
              chart.title = t;
            },
          },
          setPosition: (from: string, to: string) => {
            chart.position = [from, to];
          },
        };
      },
    };
  }
  get pageLayout() {
    const layout = this.data.pageLayout;
    const ctx = this.ctx;
    return {
      set orientation(v: string) {
        layout.orientation = v;
      },
      set paperSize(v: string) {
        layout.paperSize = v;
      },
      set zoom(v: unknown) {
        // excel.md, print: fit-to-width is only honoured with both values set.
        const z = v as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
        if ((z.horizontalFitToPages === undefined) !== (z.verticalFitToPages === undefined)) ctx.fail("InvalidArgument: set both horizontalFitToPages and verticalFitToPages");
        if (z.scale !== undefined && (z.scale < 10 || z.scale > 400 || z.horizontalFitToPages !== undefined)) ctx.fail("InvalidArgument: zoom scale is 10–400 and excludes fit-to-pages");
        layout.zoom = v;
      },
      set firstPageNumber(v: number) {
        layout.firstPageNumber = v;
      },
      setPrintTitleRows: (rows: string) => {
        layout.titleRows = rows;
      },
      setPrintTitleColumns: (columns: string) => {
        if (!/^\$[A-Z]+:\$[A-Z]+$/.test(columns)) ctx.fail(`InvalidArgument: print title columns ${columns}`);
        layout.titleColumns = columns;
      },
      setPrintArea: (address: string) => {
        layout.printArea = address;
      },
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(v: string) {
            layout.header = v;
          },
          set centerFooter(v: string) {
            layout.footer = v;
          },
        },
      },
    };
  }
}

class FakeRange extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
    private readonly box: Box | null,
  ) {
    super(ctx, (prop) => {
      if (prop === "isNullObject") return box === null;
      if (!box) throw new Error("null range");
      const grid = (f: (c: CellData | undefined) => unknown) =>
        Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.cols }, (_, c) => f(ctx.data.cell(sheetName, box.col + c, box.row + r))));
      switch (prop) {
        case "address":
          return boxAddress(sheetName, box);
        case "formulas":
          return grid((c) => c?.formula ?? "");
        case "values":
          return Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.cols }, (_, c) => ctx.data.shown(sheetName, box.col + c, box.row + r)));
        case "numberFormat":
          return grid((c) => c?.numberFormat ?? "General");
        case "rowIndex":
          return box.row;
        case "columnIndex":
          return box.col;
        default:
          throw new Error(`unsupported load ${prop}`);
      }
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  private each(f: (c: CellData, dc: number, dr: number) => void): void {
    if (!this.ctx.live) return;
    const box = this.box!;
    const sheet = this.ctx.data.sheet(this.sheetName)!;
    for (let r = 0; r < box.rows; r++) {
      for (let c = 0; c < box.cols; c++) {
        const k = key(box.col + c, box.row + r);
        const cell = sheet.cells.get(k) ?? { formula: "" };
        if (sheet.protected && cell.locked !== false) this.ctx.fail(`The cell ${columnLetter(box.col + c)}${box.row + r + 1} on protected sheet ${this.sheetName} cannot be changed`);
        f(cell, c, r);
        sheet.cells.set(k, cell);
      }
    }
  }
  private eachFormat(f: (c: CellData, dc: number, dr: number) => void): void {
    if (!this.ctx.live) return;
    const box = this.box!;
    const sheet = this.ctx.data.sheet(this.sheetName)!;
    if (sheet.protected) this.ctx.fail(`Formats on protected sheet ${this.sheetName} cannot be changed`);
    for (let r = 0; r < box.rows; r++) {
      for (let c = 0; c < box.cols; c++) {
        const k = key(box.col + c, box.row + r);
        const cell = sheet.cells.get(k) ?? { formula: "" };
        f(cell, c, r);
        sheet.cells.set(k, cell);
      }
    }
  }
  private checkShape(grid: unknown[][], what: string): void {
    const box = this.box!;
    if (grid.length !== box.rows || grid.some((row) => row.length !== box.cols)) {
      this.ctx.fail(`InvalidArgument: ${what} is ${grid.length}x${grid[0]?.length} for a ${box.rows}x${box.cols} range`);
    }
  }
  set formulas(grid: unknown[][]) {
    this.checkShape(grid, "formulas");
    const box = this.box!;
    const headers = this.ctx.data.tables.filter((t) => t.sheet.toLowerCase() === this.sheetName.toLowerCase());
    // excel.md, filtered tables: writing whole columns into a filtered table has misplaced data.
    const filtered = headers.find((t) => t.filter && box.rows > 1 && box.row < t.row + t.height && box.row + box.rows > t.row + 1 && box.col < t.col + t.width && box.col + box.cols > t.col);
    if (filtered) this.ctx.fail(`InvalidOperation: a block written into the filtered table ${filtered.name} would land on hidden rows`);
    this.each((cell, c, r) => {
      const v = grid[r]?.[c];
      // null leaves the cell as it is (excel.md: writing cells).
      if (v === null || v === undefined) return;
      // A table's header cells are always text in Excel ("2022" stays the header "2022").
      const header = headers.some((t) => t.row === box.row + r && box.col + c >= t.col && box.col + c < t.col + t.width);
      cell.formula = header ? String(v) : excelParse(v, cell.numberFormat);
      cell.text = typeof v === "string" && (v.startsWith("'") || header) ? true : undefined;
    });
  }
  set values(grid: unknown[][]) {
    this.formulas = grid;
  }
  set numberFormat(grid: string[][]) {
    this.checkShape(grid, "numberFormat");
    this.eachFormat((cell, c, r) => (cell.numberFormat = grid[r]?.[c]));
  }
  get format() {
    // Object-literal setters cannot be arrow functions, so they reach the range through a local.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const range = this;
    return {
      fill: {
        set color(v: string) {
          range.eachFormat((c) => (c.fill = v));
        },
        clear: () => range.eachFormat((c) => (c.fill = null)),
      },
      font: {
        set italic(v: boolean) {
          range.eachFormat((c) => (c.italic = v));
        },
        set bold(v: boolean) {
          range.eachFormat((c) => (c.bold = v));
        },
        set color(v: string) {
          range.eachFormat((c) => (c.fontColor = v));
        },
        set size(v: number) {
          range.eachFormat((c) => (c.size = v));
        },
        set name(v: string) {
          range.eachFormat((c) => (c.fontName = v));
        },
      },
      protection: {
        set locked(v: boolean) {
          range.eachFormat((c) => (c.locked = v));
        },
      },
      set wrapText(v: boolean) {
        range.eachFormat((c) => (c.wrap = v));
      },
      set horizontalAlignment(v: string) {
        range.eachFormat((c) => (c.align = v));
      },
      set verticalAlignment(v: string) {
        if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(v)) range.ctx.fail(`InvalidArgument: verticalAlignment ${v}`);
        range.eachFormat((c) => (c.valign = v));
      },
      set rowHeight(points: number) {
        const s = range.ctx.data.sheet(range.sheetName)!;
        if (s.protected) range.ctx.fail(`Row heights on protected sheet ${range.sheetName} cannot be changed`);
        for (let r = 0; r < range.box!.rows; r++) s.rowHeights.set(range.box!.row + r, points);
      },
      set columnWidth(points: number) {
        const s = range.ctx.data.sheet(range.sheetName)!;
        if (s.protected) range.ctx.fail(`Column widths on protected sheet ${range.sheetName} cannot be changed`);
        for (let c = 0; c < range.box!.cols; c++) s.columnWidths.set(range.box!.col + c, points);
      },
    };
  }
  get dataValidation() {
    const sheet = this.ctx.data.sheet(this.sheetName)!;
    const address = boxAddress(this.sheetName, this.box!);
    // excel.md, protection: no kind of write reaches a protected sheet.
    if (sheet.protected) this.ctx.fail(`Data validation on protected sheet ${this.sheetName} cannot be changed`);
    const entry = (): ValidationData => {
      let v = sheet.validations.find((x) => x.address === address);
      if (!v) sheet.validations.push((v = { address, rule: null }));
      return v;
    };
    return {
      // excel.md: clear() removes the rules of every overlapping range, not only an identical one.
      clear: () => {
        sheet.validations = sheet.validations.filter((x) => !overlaps(parseRange(x.address), this.box!));
      },
      set rule(r: unknown) {
        entry().rule = r;
      },
      set prompt(p: unknown) {
        entry().prompt = p;
      },
      set errorAlert(e: unknown) {
        entry().errorAlert = e;
      },
    };
  }
  get conditionalFormats() {
    const sheet = this.ctx.data.sheet(this.sheetName)!;
    const address = boxAddress(this.sheetName, this.box!);
    if (sheet.protected) this.ctx.fail(`Conditional formats on protected sheet ${this.sheetName} cannot be changed`);
    return {
      add: (type: string) => {
        const cf: ConditionalFormatData = { address, type };
        sheet.conditionalFormats.push(cf);
        const bar: ConditionalFormatData["dataBar"] = (cf.dataBar = type === "DataBar" ? {} : undefined);
        return {
          dataBar: {
            set lowerBoundRule(r: unknown) {
              bar!.lower = r;
            },
            set upperBoundRule(r: unknown) {
              bar!.upper = r;
            },
            positiveFormat: {
              set fillColor(c: string) {
                bar!.color = c;
              },
              set gradientFill(g: boolean) {
                bar!.gradient = g;
              },
            },
          },
          custom: {
            rule: {
              set formula(f: string) {
                cf.formula = f;
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  cf.fill = c;
                },
              },
              font: {
                set color(c: string) {
                  cf.fontColor = c;
                },
              },
            },
          },
        };
      },
      clearAll: () => {
        sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => !overlaps(parseRange(x.address), this.box!));
      },
    };
  }
  merge(_across?: boolean): void {
    if (!this.ctx.live) return;
    if (this.ctx.data.sheet(this.sheetName)!.protected) return this.ctx.fail(`Cells on protected sheet ${this.sheetName} cannot be merged`);
    this.ctx.data.merges.push({ sheet: this.sheetName, box: this.box! });
  }
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas overlapping this range. */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    return new FakeMergedAreas(this.ctx, this.sheetName, this.box!);
  }
  select(): void {
    this.ctx.data.selection = { sheet: this.sheetName, address: boxAddress(this.sheetName, this.box!) };
  }
}

class FakeMergedAreas extends Proxy {
  constructor(ctx: FakeContext, sheet: string, box: Box) {
    super(ctx, (prop) => {
      const overlaps = ctx.data.merges.filter(
        (m) => m.sheet === sheet && m.box.col < box.col + box.cols && m.box.col + m.box.cols > box.col && m.box.row < box.row + box.rows && m.box.row + m.box.rows > box.row,
      );
      if (prop === "isNullObject") return overlaps.length === 0;
      if (prop === "address") return overlaps.map((m) => boxAddress(sheet, m.box)).join(",");
      throw new Error(`unsupported load ${prop}`);
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
}

class FakeAutoFilter extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly tableName: string,
  ) {
    super(ctx, (prop) => {
      const t = ctx.data.table(tableName)!;
      if (prop === "isDataFiltered") return t.filter !== undefined;
      if (prop === "criteria") return t.filter ?? [];
      throw new Error(`unsupported load ${prop}`);
    });
  }
  get isDataFiltered(): boolean {
    return this.read("isDataFiltered");
  }
  get criteria(): unknown[] {
    return this.read("criteria");
  }
  clearCriteria(): void {
    delete this.ctx.data.table(this.tableName)!.filter;
  }
  apply(_range: unknown, columnIndex: number, criteria: unknown): void {
    const t = this.ctx.data.table(this.tableName)!;
    const list = t.filter ?? Array.from({ length: t.width }, () => ({}));
    list[columnIndex] = criteria;
    t.filter = list;
  }
}

class FakeTables {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.ctx, name, true);
  }
  getItem(name: string): FakeTable {
    if (!this.ctx.data.table(name)) this.ctx.fail(`ItemNotFound: table ${name}`);
    return new FakeTable(this.ctx, name);
  }
}

class FakeTable extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly tableName: string,
    nullable = false,
  ) {
    super(ctx, (prop) => {
      const t = ctx.data.table(tableName);
      if (prop === "isNullObject") return nullable && !t;
      if (!t) throw new Error(`ItemNotFound: ${tableName}`);
      if (prop === "name") return t.name;
      throw new Error(`unsupported load ${prop}`);
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  private get data(): TableData {
    return this.ctx.data.table(this.tableName)!;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.data.table(this.tableName)?.sheet ?? "?");
  }
  get autoFilter(): FakeAutoFilter {
    return new FakeAutoFilter(this.ctx, this.tableName);
  }
  getRange(): FakeRange {
    const t = this.data;
    return new FakeRange(this.ctx, t.sheet, { col: t.col, row: t.row, cols: t.width, rows: t.height });
  }
  get rows() {
    return {
      add: (_index: unknown, values: unknown[][]) => {
        const t = this.data;
        const s = this.ctx.data.sheet(t.sheet)!;
        // excel.md, protection: on a protected sheet a table does not grow, even over unlocked cells.
        if (s.protected) return this.ctx.fail(`InvalidOperation: table ${t.name} cannot grow on protected sheet ${t.sheet}`);
        for (const row of values) {
          if (row.length !== t.width) this.ctx.fail(`InvalidArgument: row of ${row.length} values for a table ${t.width} wide`);
          const r = t.row + t.height;
          for (let c = 0; c < t.width; c++) {
            if (s.cells.get(key(t.col + c, r))?.formula) this.ctx.fail(`rows.add would overwrite ${columnLetter(t.col + c)}${r + 1}`);
            const above = s.cells.get(key(t.col + c, r - 1));
            // Excel carries the column's format and calculated formula into the new row.
            s.cells.set(key(t.col + c, r), { ...(above ?? {}), formula: row[c] ?? "" });
          }
          t.height++;
        }
      },
    };
  }
  get columns() {
    return {
      getItem: (name: string) => {
        const t = this.data;
        const header = Array.from({ length: t.width }, (_, c) => this.ctx.data.cell(t.sheet, t.col + c, t.row)?.formula);
        const c = header.indexOf(name);
        if (c < 0) this.ctx.fail(`ItemNotFound: column ${name} of ${this.tableName}`);
        const ctx = this.ctx;
        return {
          set name(to: string) {
            // Excel.TableColumn.name: renames the header cell.
            if (c >= 0) ctx.data.type(t.sheet, `${columnLetter(t.col + c)}${t.row + 1}`, to);
          },
        };
      },
      add: (_index: unknown, _values: unknown, name: string) => {
        const t = this.data;
        if (this.ctx.data.sheet(t.sheet)!.protected) return this.ctx.fail(`InvalidOperation: table ${t.name} cannot grow on protected sheet ${t.sheet}`);
        this.ctx.data.type(t.sheet, `${columnLetter(t.col + t.width)}${t.row + 1}`, name);
        t.width++;
      },
    };
  }
}

class FakeNames extends Proxy {
  constructor(ctx: FakeContext) {
    super(ctx, (prop) =>
      [...ctx.data.names.entries()].map(([name, n]) => (prop === "items/type" ? { name, type: n.broken ? "Error" : "Range" } : { name })),
    );
  }
  /** Each item carries `type` only when "items/type" was loaded too. */
  get items(): Array<{ name: string; type?: string }> {
    const names: Array<{ name: string }> = this.read("items/name");
    let types: Array<{ name: string; type: string }> = [];
    try {
      types = this.read("items/type");
    } catch {
      // not loaded: no type
    }
    return names.map((n, i) => (types[i] ? { ...n, type: types[i]!.type } : n));
  }
  getItem(name: string) {
    if (!this.ctx.data.names.has(name)) this.ctx.fail(`ItemNotFound: name ${name}`);
    return { delete: () => void this.ctx.data.names.delete(name) };
  }
  add(name: string, range: FakeRange): void {
    if (this.ctx.data.names.has(name)) this.ctx.fail(`ItemAlreadyExists: name ${name}`);
    const r = range as unknown as { sheetName: string; box: Box };
    // A name keeps its whole range (PM_YearMarks is one row of cells), as Excel does.
    const from = `${columnLetter(r.box.col)}${r.box.row + 1}`;
    const to = `${columnLetter(r.box.col + r.box.cols - 1)}${r.box.row + r.box.rows}`;
    this.ctx.data.names.set(name, { sheet: r.sheetName, address: from === to ? from : `${from}:${to}` });
  }
  getItemOrNullObject(name: string) {
    const ctx = this.ctx;
    const item = new (class extends Proxy {
      get isNullObject(): boolean {
        return this.read("isNullObject");
      }
      getRange(): FakeRange {
        const n = ctx.data.names.get(name)!;
        // excel.md: getRange() throws when the name no longer refers to a range.
        if (n.broken) {
          ctx.fail(`InvalidOperation: the name ${name} does not refer to a range`);
          return new FakeRange(ctx, n.sheet, null);
        }
        return new FakeRange(ctx, n.sheet, parseRange(n.address));
      }
      getRangeOrNullObject(): FakeRange {
        const n = ctx.data.names.get(name)!;
        if (n.broken) return new FakeRange(ctx, n.sheet, null);
        return new FakeRange(ctx, n.sheet, parseRange(n.address));
      }
    })(ctx, (prop) => {
      if (prop === "isNullObject") return !ctx.data.names.has(name);
      throw new Error(`unsupported load ${prop}`);
    });
    return item;
  }
}

/** The Excel enums the adapter uses, with Office.js's string values. */
export function installExcelEnums(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ConditionalFormatType: { custom: "Custom", dataBar: "DataBar" },
    ConditionalFormatRuleType: { number: "Number" },
    ChartType: { barClustered: "BarClustered" },
    ChartSeriesBy: { columns: "Columns" },
    ChartAxisTickLabelPosition: { nextToAxis: "NextToAxis", high: "High", low: "Low", none: "None" },
    PageOrientation: { landscape: "Landscape" },
    PaperType: { a4: "A4" },
    DataValidationOperator: { between: "Between", greaterThanOrEqualTo: "GreaterThanOrEqualTo" },
    DataValidationAlertStyle: { stop: "Stop", warning: "Warning" },
    HorizontalAlignment: { left: "Left", right: "Right" },
    VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
  };
}

