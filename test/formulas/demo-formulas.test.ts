/**
 * The demo workbook's formulas, computed by a spreadsheet engine (engine.ts) with PLAN.* bound to the
 * product's custom functions, show what the report model says (issue 16): for every plan year, and
 * with a blank single-cell argument arriving as null (Excel today) and as 0 (older desktop builds).
 * A formula that reads the wrong column, year or threshold shows a value the model does not have.
 * Also: every formula computes without an engine error, and the cached results the file carries (what
 * a viewer that does not recalculate shows) equal the computed ones.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as F from "../../src/functions/functions";
import { setWorkbookPeriod } from "../../src/functions/runtime";
import { buildDemo } from "../../src/usecases/demo";
import { xlsxPort } from "../../src/xlsx/port";
import { snapshotFromWorkbook } from "../../src/xlsx/snapshot";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { buildReport, type ReportModel } from "../../src/core/report/model";
import { STATUS_LABELS } from "../../src/core/calc/status";
import { FUNDING_LABELS } from "../../src/core/calc/funding";
import { BH, BUH, FUNDING_CHECK_HEADERS, FH, IH, PH, SCHOOL_INDICATORS, SH, TABLES, TH, YEAR_NAME, planYears, yearHeader } from "../../src/core/workbook/layout";
import type { Cell, WorkbookSnapshot } from "../../src/core/workbook/model";
import { SCHOOL_STAGES } from "../../src/core/calc/projects";
import { CV_EDGE_SCHOOLS, CV_EDGE_VERDICTS, CV_EDGES, RULE_EDGE_PASSES, RULE_EDGE_SCHOOLS, TASK_ACHIEVED, TASK_VALUES, type EdgeSchool } from "../core/edge-cases";
import { FORMULA_DIALECTS, type FormulaDialect } from "../../src/core/workbook/portable";
import { WorkbookEvaluator, excelJsSource, isFormulaError, productMetadata, type FunctionMeta, type Value } from "./engine";

const PLAN = embeddedPlan();
const g = globalThis as unknown as { __displayLanguage: string };
let metadata: FunctionMeta[];

/** The demo as written in one formula dialect, read back as Excel would open it. */
interface Written {
  file: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  /** Cached results as the file stores them (`<v>` of each formula cell), by sheet name and address. */
  cached: Map<string, unknown>;
}
const written = new Map<FormulaDialect, Written>();

/** Reads the cached results from the sheet XML: exceljs drops a cached 0 or FALSE when it reads. */
async function cachedResults(buffer: ArrayBuffer): Promise<Map<string, unknown>> {
  const zip = await JSZip.loadAsync(buffer);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/^\/?(xl\/)?/, "xl/")]));
  const out = new Map<string, unknown>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const name = m[1]!.replace(/&amp;/g, "&");
    const xml = await zip.file(target.get(m[2]!)!)!.async("string");
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f>[^<]*<\/f>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
      const type = /t="(\w+)"/.exec(c[2]!)?.[1];
      const v = c[3];
      const text = v === undefined ? null : v.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
      out.set(`${name}!${c[1]}`, text === null ? null : type === "str" || type === "e" ? text : type === "b" ? text === "1" : Number(text));
    }
  }
  return out;
}

beforeAll(async () => {
  g.__displayLanguage = "zh-CN";
  setWorkbookPeriod(PLAN.period);
  metadata = await productMetadata();
  for (const dialect of FORMULA_DIALECTS) {
    const wb = new ExcelJS.Workbook();
    await buildDemo(xlsxPort(wb), new Date(2026, 10, 30, 8, 40), dialect);
    // Evaluate what the file holds, as Excel would open it.
    const buffer = (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer;
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(buffer);
    written.set(dialect, { file, cached: await cachedResults(buffer), snapshot: snapshotFromWorkbook(file) });
  }
}, 240_000);

afterAll(() => {
  g.__displayLanguage = "en-US";
  setWorkbookPeriod(null);
});

/** The PLAN.* dialect evaluates with the add-in's functions; the portable one with none (any PLAN.* call fails). */
function evaluator(blankScalar: null | 0, dialect: FormulaDialect) {
  const withAddIn = dialect === "plan";
  return new WorkbookEvaluator(excelJsSource(written.get(dialect)!.file), {
    implementations: withAddIn ? (F as unknown as Record<string, (...a: unknown[]) => unknown>) : {},
    metadata: withAddIn ? metadata : [],
    blankScalar,
  });
}

/** Reads a table's cells by row key and header, as shown. */
function table(ev: WorkbookEvaluator, name: string, keyHeader: string) {
  const t = ev.tables.get(name.toLowerCase());
  if (!t) throw new Error(`no table ${name}`);
  const colOf = (h: string) => {
    const i = t.columns.indexOf(h);
    if (i < 0) throw new Error(`${name} has no column ${h}`);
    return t.col + i;
  };
  const rows = new Map<string, number>();
  for (let r = t.firstRow; r <= t.lastRow; r++) rows.set(String(ev.valueAt(t.sheet, r, colOf(keyHeader))), r);
  return {
    keys: [...rows.keys()],
    shown(key: string | number, header: string): Value {
      const r = rows.get(String(key));
      if (r === undefined) throw new Error(`${name} has no row ${key}`);
      return ev.valueAt(t.sheet, r, colOf(header));
    },
  };
}

/** What a number column shows, as the model's number or null ("", "—" and errors show no number). */
function shownNumber(v: Value): number | null {
  if (typeof v === "number") return v;
  if (v === null || v === "" || v === "—" || isFormulaError(v)) return null;
  throw new Error(`a number column shows ${JSON.stringify(v)}`);
}

/** The deepest nesting of parentheses in a formula, outside its strings. */
function depth(formula: string): number {
  let d = 0;
  let most = 0;
  let quoted = false;
  for (const ch of formula) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") most = Math.max(most, ++d);
    else if (!quoted && ch === ")") d--;
  }
  return most;
}

const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));

const YEARS = planYears(PLAN).filter((y) => y > PLAN.period.baseYear);

describe.each([
  ["PLAN.*", "a blank argument as null (Excel today)", "plan", null],
  ["PLAN.*", "a blank argument as 0 (older desktop builds)", "plan", 0],
  ["built-in functions only", "no add-in", "portable", null],
] as const)("the demo workbook's formulas (%s), %s", (_dialectLabel, _label, dialect, blankScalar) => {
  let ev: WorkbookEvaluator;
  let file: ExcelJS.Workbook;
  let cached: Map<string, unknown>;
  let snapshot: WorkbookSnapshot;
  const models = new Map<number, ReportModel>();
  const mismatches: string[] = [];

  beforeAll(() => {
    ({ file, cached, snapshot } = written.get(dialect)!);
    ev = evaluator(blankScalar, dialect);
    for (const year of YEARS) models.set(year, buildReport(PLAN, snapshot, year, { language: "zh", generatedAt: "" }));
  });

  const atYear = (year: number) => {
    const n = ev.name(YEAR_NAME);
    ev.set(n.sheet, n.row, n.col, year);
    return models.get(year)!;
  };
  const check = (what: string, shown: unknown, expected: unknown, same: boolean) => {
    if (!same) mismatches.push(`${what}: the sheet shows ${JSON.stringify(shown)}, the report model says ${JSON.stringify(expected)}`);
  };

  test.each(YEARS)("%i: indicators — actual, expected, completion, gap and status", (year) => {
    mismatches.length = 0;
    const model = atYear(year);
    const sheet = table(ev, TABLES.indicators, IH.id);
    expect(model.indicators.length).toBe(PLAN.indicators.length);
    for (const row of model.indicators) {
      for (const [header, value] of [
        [IH.actual, row.actual],
        [IH.expected, row.expected],
        [IH.completion, row.completion],
        [IH.gap, row.gap],
      ] as const) {
        const shown = shownNumber(sheet.shown(row.id, header));
        check(`${year} ${row.id} ${header}`, shown, value, near(shown, value));
      }
      const status = sheet.shown(row.id, IH.status);
      check(`${year} ${row.id} status`, status, STATUS_LABELS[row.status].zh, status === STATUS_LABELS[row.status].zh);
    }
    expect(ev.failures).toEqual([]);
    expect(mismatches).toEqual([]);
  });

  test.each(YEARS)("%i: tasks — achieved, completion and status; milestones' status", (year) => {
    mismatches.length = 0;
    const model = atYear(year);
    const tasks = table(ev, TABLES.tasks, TH.id);
    expect(model.tasks.length).toBe(PLAN.tasks.length);
    for (const row of model.tasks) {
      const achieved = shownNumber(tasks.shown(row.id, TH.achieved));
      check(`${year} ${row.id} achieved`, achieved, row.actual, near(achieved, row.actual));
      const rate = shownNumber(tasks.shown(row.id, TH.rate));
      check(`${year} ${row.id} completion`, rate, row.completion, near(rate, row.completion));
      const status = tasks.shown(row.id, TH.status);
      check(`${year} ${row.id} status`, status, STATUS_LABELS[row.status].zh, status === STATUS_LABELS[row.status].zh);
    }
    const milestones = table(ev, TABLES.milestones, "ID");
    expect(model.milestones.length).toBeGreaterThan(0);
    for (const row of model.milestones) {
      const status = milestones.shown(row.id, "状态 Status");
      check(`${year} ${row.id} status`, status, STATUS_LABELS[row.status].zh, status === STATUS_LABELS[row.status].zh);
    }
    expect(ev.failures).toEqual([]);
    expect(mismatches).toEqual([]);
  });

  test("balance: every difference coefficient, both thresholds, the named results and each school's 2017 rule", () => {
    mismatches.length = 0;
    const model = atYear(2023);
    const balance = table(ev, TABLES.balance, BH.indicator);
    const [primary, junior] = model.balance;
    expect([primary!.stage, junior!.stage]).toEqual(["primary", "junior"]);
    const label = (ok: boolean | null) => (ok === null ? "" : ok ? "达标" : "未达标");
    primary!.rows.forEach((row, i) => {
      const key = balance.keys[i]!;
      for (const [stage, cv, national, planned, line] of [
        ["primary", BH.primaryCv, BH.primaryNational, BH.primaryPlan, primary!.rows[i]!],
        ["junior", BH.juniorCv, BH.juniorNational, BH.juniorPlan, junior!.rows[i]!],
      ] as const) {
        const shown = shownNumber(balance.shown(key, cv));
        check(`${key} ${stage} CV`, shown, line.cv, near(shown, line.cv));
        check(`${key} ${stage} national`, balance.shown(key, national), label(line.national), balance.shown(key, national) === label(line.national));
        check(`${key} ${stage} plan`, balance.shown(key, planned), label(line.plan), balance.shown(key, planned) === label(line.plan));
      }
      void row;
    });
    for (const [name, value] of [
      ["PM_CV_Max_Primary", primary!.max],
      ["PM_CV_Max_Junior", junior!.max],
      ["PM_CV_Mean_Primary", primary!.mean],
      ["PM_CV_Mean_Junior", junior!.mean],
      ["PM_ClassShare_Primary", primary!.classShare],
      ["PM_ClassShare_Junior", junior!.classShare],
    ] as const) {
      const n = ev.name(name);
      const shown = shownNumber(ev.valueAt(n.sheet, n.row, n.col));
      check(name, shown, value, near(shown, value));
    }
    const schools = table(ev, TABLES.schools, SH.school);
    const failing = new Set([...primary!.failing, ...junior!.failing].map((f) => f.school));
    expect(failing.size).toBeGreaterThan(0);
    expect(schools.keys.length).toBe(primary!.schools + junior!.schools);
    for (const school of schools.keys) {
      const shown = schools.shown(school, SH.balance);
      const expected = failing.has(school) ? "未达标 Not met" : "达标 Met";
      check(`${school} 2017 rule`, shown, expected, shown === expected);
    }
    expect(ev.failures).toEqual([]);
    expect(mismatches).toEqual([]);
  });

  test.each(YEARS)("%i: funding — every check of every year so far", (year) => {
    mismatches.length = 0;
    const model = atYear(year);
    const funding = table(ev, TABLES.funding, FH.year);
    expect(model.funding!.checks.length).toBeGreaterThan(0);
    for (const c of model.funding!.checks) {
      const shown = funding.shown(c.year, FUNDING_CHECK_HEADERS[c.check]);
      const expected = c.verdict === "noData" ? [FUNDING_LABELS.noData.zh, ""] : [FUNDING_LABELS[c.verdict].zh];
      check(`${c.year} ${c.check}`, shown, expected[0], expected.includes(shown as string));
    }
    expect(ev.failures).toEqual([]);
    expect(mismatches).toEqual([]);
  });

  test.each(YEARS)("%i: building — the roll-up of every part and the total", (year) => {
    mismatches.length = 0;
    const model = atYear(year);
    const build = table(ev, TABLES.build, BUH.id);
    const { parts, sum, total } = model.building!.rollup;
    for (const part of [...parts, sum, total]) {
      for (const [header, value] of [
        [BUH.ledgerNew, part.ledger.newSchools],
        [BUH.ledgerExpanded, part.ledger.expanded],
        [BUH.ledgerProjects, part.ledger.projects],
        [BUH.ledgerPlaces, part.ledger.places],
        [BUH.underWay, part.underWay],
        [BUH.delivered, part.delivered],
        [BUH.late, part.late],
        [BUH.underWayNew, part.underWayNew],
        [BUH.underWayExpanded, part.underWayExpanded],
        [BUH.counted, part.counted],
        [BUH.finishedLate, part.finishedLate],
      ] as const) {
        const shown = shownNumber(build.shown(part.id, header));
        check(`${year} ${part.id} ${header}`, shown, value, shown === value);
      }
    }
    expect(ev.failures).toEqual([]);
    expect(mismatches).toEqual([]);
  });

  test("every formula computes, and the cached results in the file equal the computed values", () => {
    const n = ev.name(YEAR_NAME);
    const savedYear = file.getWorksheet(n.sheet)!.getCell(n.row, n.col).value as number;
    ev.set(n.sheet, n.row, n.col, savedYear);
    const differ: string[] = [];
    const tooLong: string[] = [];
    let formulas = 0;
    file.eachSheet((ws) =>
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = cell.value as { formula?: string; result?: unknown } | null;
          if (!v || typeof v !== "object" || !("formula" in v)) return;
          formulas++;
          // Excel's limits on a formula as the file stores it: 8,192 characters [MS-OI29500 2.1.1085],
          // 64 levels of nested functions (parentheses counted: an upper bound on the functions).
          if (v.formula!.length > 8192 || depth(v.formula!) > 64) tooLong.push(`${ws.name}!${cell.address}: ${v.formula!.length} characters, depth ${depth(v.formula!)}`);
          const computed = ev.valueAt(ws.name, r, c);
          expect(cached.has(`${ws.name}!${cell.address}`)).toBe(true);
          const raw = cached.get(`${ws.name}!${cell.address}`);
          const stored = raw === "" ? null : raw; // an empty text result shows as a blank
          const shown = isFormulaError(computed) ? computed.error : computed === "" ? null : computed;
          const same = typeof shown === "number" && typeof stored === "number" ? near(shown, stored) : shown === stored;
          if (!same) differ.push(`${ws.name}!${cell.address}: computed ${JSON.stringify(shown)}, cached ${JSON.stringify(stored)} (=${v.formula!.slice(0, 80)})`);
        }),
      ),
    );
    expect(formulas).toBeGreaterThan(500);
    expect(tooLong).toEqual([]);
    expect(ev.failures).toEqual([]);
    expect(differ).toEqual([]);
  });
});

describe.each(FORMULA_DIALECTS)("the sheet's own formulas (%s) at the edges that decide a verdict (values worked out by hand)", (dialect) => {
  let ev: WorkbookEvaluator;
  let snapshot: WorkbookSnapshot;
  beforeAll(() => {
    snapshot = written.get(dialect)!.snapshot;
    ev = evaluator(null, dialect);
  });

  /** Replaces the demo's schools by these rows (inputs only; the live columns compute). */
  function setSchools(rows: EdgeSchool[]) {
    const t = ev.tables.get(TABLES.schools.toLowerCase())!;
    const inputs = [SH.school, SH.stage, SH.enrolment, SH.classes, SH.standardClasses, ...SCHOOL_INDICATORS.map((i) => i.raw)];
    for (let r = t.firstRow; r <= t.lastRow; r++) {
      const row = rows[r - t.firstRow];
      const values = row ? [row[0], row[1], row[2], 10, 10, ...row[3]] : inputs.map(() => null);
      inputs.forEach((h, i) => ev.set(t.sheet, r, t.col + t.columns.indexOf(h), values[i] ?? null));
    }
  }

  test("balance sheet: 0.50 and 0.45 meet the national rule, 0.455 does not; 0.40 and 0.35 miss the plan's strict bounds", () => {
    // CV = |x₁−x₂|/(x₁+x₂) for two schools of equal enrolment (test/core/edge-cases.ts).
    setSchools(CV_EDGE_SCHOOLS);
    const balance = table(ev, TABLES.balance, BH.indicator);
    const column = (h: string) => balance.keys.slice(0, 7).map((k) => balance.shown(k, h));
    const label = (pass: boolean[]) => pass.map((p) => (p ? "达标" : "未达标"));
    expect(column(BH.primaryCv).map((v) => Number((v as number).toFixed(12)))).toEqual(CV_EDGES.primary);
    expect(column(BH.primaryNational)).toEqual(label(CV_EDGE_VERDICTS.primary.national));
    expect(column(BH.primaryPlan)).toEqual(label(CV_EDGE_VERDICTS.primary.plan));
    expect(column(BH.juniorCv).map((v) => Number((v as number).toFixed(12)))).toEqual(CV_EDGES.junior);
    expect(column(BH.juniorNational)).toEqual(label(CV_EDGE_VERDICTS.junior.national));
    expect(column(BH.juniorPlan)).toEqual(label(CV_EDGE_VERDICTS.junior.plan));
    expect(ev.failures).toEqual([]);
  });

  test("schools sheet: exactly at the standard and exactly at 85 % pass the 2017 rule; 84.99 % fails", () => {
    setSchools(RULE_EDGE_SCHOOLS);
    const schools = table(ev, TABLES.schools, SH.school);
    expect(RULE_EDGE_SCHOOLS.map(([s]) => schools.shown(s, SH.balance))).toEqual(RULE_EDGE_PASSES.map((p) => (p ? "达标 Met" : "未达标 Not met")));
    expect(ev.failures).toEqual([]);
  });

  test("with no project in the ledger, a building task shows its own yearly cell, not the roll-up's zero", () => {
    // The building task's formula reads the roll-up only once the ledger has a project (layout.ts, ledgerFed).
    const projects = ev.tables.get(TABLES.projects.toLowerCase())!;
    const names = projects.col + projects.columns.indexOf(PH.name);
    const saved: Array<[number, Value]> = [];
    for (let r = projects.firstRow; r <= projects.lastRow; r++) saved.push([r, ev.valueAt(projects.sheet, r, names)]);
    const tasks = ev.tables.get(TABLES.tasks.toLowerCase())!;
    const sheet = table(ev, TABLES.tasks, TH.id);
    const id = PLAN.building!.projectsTask;
    const row = tasks.firstRow + sheet.keys.indexOf(id);
    const col = (h: string) => tasks.col + tasks.columns.indexOf(h);
    const typed = YEARS.map((y) => ev.valueAt(tasks.sheet, row, col(String(y))));
    try {
      const n = ev.name(YEAR_NAME);
      ev.set(n.sheet, n.row, n.col, 2023);
      // With the ledger as the demo has it: the roll-up's projects under way.
      const rolled = table(ev, TABLES.build, BUH.id).shown("BLD-TOTAL", BUH.underWay);
      expect(rolled as number).toBeGreaterThan(0);
      expect(sheet.shown(id, TH.achieved)).toBe(rolled);
      for (const [r] of saved) ev.set(projects.sheet, r, names, null);
      for (const y of YEARS) ev.set(tasks.sheet, row, col(String(y)), y === 2023 ? 17 : null);
      // 17 typed in 2023 and nothing else: 17 whether the task counts cumulatively or the latest year.
      expect(sheet.shown(id, TH.achieved)).toBe(17);
      expect(ev.failures).toEqual([]);
    } finally {
      for (const [r, v] of saved) ev.set(projects.sheet, r, names, v);
      YEARS.forEach((y, i) => ev.set(tasks.sheet, row, col(String(y)), typed[i]!));
    }
  });

  test("ledger and roll-up formulas: planned and actual years apart, counted against the split (§7a.4, §9; by hand)", () => {
    // Kindergartens (plan: 13 new + 1 expansion): three new schools, no expansion; one primary expansion.
    //   幼A new, started 2021, due 2022, in use 2023  → 2023: under way, in use (450), finished late
    //   幼B new, started 2022, due 2022, under construction → 2023: under way, late
    //   幼C new, started 2021, due 2023, completed 2023 (not in use) → under way, on time, no places
    //   小A expansion, started 2022, due 2024, not started → not under way, not late
    const ledger: Array<[string, string, string, number, number, number, number | null, string]> = [
      ["幼A", "学前", "新建", 450, 2021, 2022, 2023, "已交付使用"],
      ["幼B", "学前", "新建", 300, 2022, 2022, null, "在建"],
      ["幼C", "学前", "新建", 200, 2021, 2023, 2023, "已竣工"],
      ["小A", "小学", "改扩建", 900, 2022, 2024, null, "未开工"],
    ];
    const headers = [PH.name, PH.stage, PH.kind, PH.places, PH.start, PH.completion, PH.actualYear, PH.state];
    const t = ev.tables.get(TABLES.projects.toLowerCase())!;
    const saved: Array<[number, number, Value]> = [];
    for (let r = t.firstRow; r <= t.lastRow; r++) {
      headers.forEach((h, i) => {
        const c = t.col + t.columns.indexOf(h);
        saved.push([r, c, ev.valueAt(t.sheet, r, c)]);
        ev.set(t.sheet, r, c, ledger[r - t.firstRow]?.[i] ?? null);
      });
    }
    const n = ev.name(YEAR_NAME);
    const year = ev.valueAt(n.sheet, n.row, n.col);
    try {
      ev.set(n.sheet, n.row, n.col, 2023);
      const rows = table(ev, TABLES.projects, PH.name);
      expect(["幼A", "幼B", "幼C", "小A"].map((k) => rows.shown(k, PH.late))).toEqual(["逾期完成 Finished late", "逾期 Late", "", ""]);
      const build = table(ev, TABLES.build, BUH.id);
      const figures = (id: string) => [BUH.underWay, BUH.underWayNew, BUH.underWayExpanded, BUH.counted, BUH.delivered, BUH.late, BUH.finishedLate].map((h) => build.shown(id, h));
      // Kindergartens: 3 under way, all new; counted min(3,13) + min(0,1) = 3; 450 places; 1 late; 1 finished late.
      expect(figures("BLD-KG")).toEqual([3, 3, 0, 3, 450, 1, 1]);
      expect(figures("BLD-PRI")).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(figures("BLD-SUM")).toEqual([3, 3, 0, 3, 450, 1, 1]);
      expect(figures("BLD-TOTAL")).toEqual([3, 3, 0, 3, 450, 1, 1]);
      // 2025: the primary expansion, due 2024 and not started, is late as well.
      ev.set(n.sheet, n.row, n.col, 2025);
      expect(["幼A", "幼B", "幼C", "小A"].map((k) => rows.shown(k, PH.late))).toEqual(["逾期完成 Finished late", "逾期 Late", "", "逾期 Late"]);
      // Fifteen new kindergartens under way against the plan's 13 new + 1 expansion count 13.
      for (let k = 0; k < 15; k++) {
        const r = t.firstRow + k;
        ev.set(t.sheet, r, t.col + t.columns.indexOf(PH.name), `幼${k}`);
        ev.set(t.sheet, r, t.col + t.columns.indexOf(PH.stage), "学前");
        ev.set(t.sheet, r, t.col + t.columns.indexOf(PH.kind), k % 2 ? "New" : "新建");
        ev.set(t.sheet, r, t.col + t.columns.indexOf(PH.start), 2021);
        ev.set(t.sheet, r, t.col + t.columns.indexOf(PH.state), "在建");
      }
      expect([build.shown("BLD-KG", BUH.underWayNew), build.shown("BLD-KG", BUH.counted), build.shown("BLD-SUM", BUH.counted), build.shown("BLD-TOTAL", BUH.counted)]).toEqual([15, 13, 13, 15]);
      // The kindergartens' projects task shows the count against the split.
      expect(table(ev, TABLES.tasks, TH.id).shown("T-BLD-KG-PROJ", TH.achieved)).toBe(13);
      expect(ev.failures).toEqual([]);
    } finally {
      for (const [r, c, v] of saved) ev.set(t.sheet, r, c, v);
      ev.set(n.sheet, n.row, n.col, year);
    }
  });

  test("a retention rate of 102 % (pupils moving in) is read, not rejected: held, on the sheet as in the model (§7a.8)", () => {
    const t = ev.tables.get(TABLES.indicators.toLowerCase())!;
    const sheet = table(ev, TABLES.indicators, IH.id);
    const r = t.firstRow + sheet.keys.indexOf("INT-02");
    const c = t.col + t.columns.indexOf(yearHeader(2023));
    const before = ev.valueAt(t.sheet, r, c);
    const n = ev.name(YEAR_NAME);
    const year = ev.valueAt(n.sheet, n.row, n.col);
    try {
      ev.set(n.sheet, n.row, n.col, 2023);
      ev.set(t.sheet, r, c, 1.02);
      expect(sheet.shown("INT-02", IH.unit)).toBe("%（巩固率）");
      // 100 → 100 maintained; 102 % holds it: 符合预期 before the target year (§7a.2).
      expect(sheet.shown("INT-02", IH.status)).toBe("符合预期");
      const edited: WorkbookSnapshot = structuredClone(snapshot);
      const rows = edited.tables.indicators!;
      const k = rows.values.findIndex((v) => v[rows.headers.indexOf(IH.id)] === "INT-02");
      rows.values[k]![rows.headers.indexOf(yearHeader(2023))] = 1.02;
      rows.formulas[k]![rows.headers.indexOf(yearHeader(2023))] = 1.02;
      const model = buildReport(PLAN, edited, 2023, { language: "zh", generatedAt: "" });
      expect(model.indicators.find((l) => l.id === "INT-02")!.status).toBe("onTrack");
      expect(ev.failures).toEqual([]);
    } finally {
      ev.set(t.sheet, r, c, before);
      ev.set(n.sheet, n.row, n.col, year);
    }
  });

  test.each(TASK_ACHIEVED)("tasks sheet in %i: achieved is cumulative %d, latest %d", (year, cumulative, latest) => {
    const tasks = ev.tables.get(TABLES.tasks.toLowerCase())!;
    const n = ev.name(YEAR_NAME);
    ev.set(n.sheet, n.row, n.col, year);
    const sheet = table(ev, TABLES.tasks, TH.id);
    const rowOf = (id: string) => tasks.firstRow + sheet.keys.indexOf(id);
    const col = (h: string) => tasks.col + tasks.columns.indexOf(h);
    for (const [id, basis] of [
      ["T-PRE-02", "累计"],
      ["T-PRE-03", "最新"],
    ] as const) {
      ev.set(tasks.sheet, rowOf(id), col(TH.link), null);
      ev.set(tasks.sheet, rowOf(id), col(TH.basis), basis);
      for (const y of YEARS) ev.set(tasks.sheet, rowOf(id), col(String(y)), TASK_VALUES[y]!);
    }
    expect([sheet.shown("T-PRE-02", TH.achieved), sheet.shown("T-PRE-03", TH.achieved)]).toEqual([cumulative, latest]);
    expect(ev.failures).toEqual([]);
  });

  test("a value the data check rejects shows no verdict and no figure on the sheet, as in the report (both hosts)", () => {
    // Typed past the validation (pasted): an actual as text, a band as text, a band of 150 %. The data
    // check names each cell; the report calls the row 数据有误 with no completion and no gap, and the
    // sheet's status, completion and gap columns must say the same (they read "0.95" as 95 % before).
    const year = 2023;
    const cases = [
      { id: "LOC-01", header: String(year), value: "0.95" }, // 2023's actual, as text (target 94 %: would read as reached)
      { id: "INT-06", header: IH.band, value: "10%" },
      { id: "LOC-09", header: IH.band, value: 1.5 },
    ];
    const n = ev.name(YEAR_NAME);
    ev.set(n.sheet, n.row, n.col, year);
    const t = ev.tables.get(TABLES.indicators.toLowerCase())!;
    const sheet = table(ev, TABLES.indicators, IH.id);
    const edited: WorkbookSnapshot = structuredClone(snapshot);
    const snap = edited.tables.indicators!;
    const saved: Array<() => void> = [];
    for (const c of cases) {
      const r = sheet.keys.indexOf(c.id);
      const col = t.columns.indexOf(c.header);
      expect(r >= 0 && col >= 0).toBe(true);
      const before = ev.valueAt(t.sheet, t.firstRow + r, t.col + col);
      saved.push(() => ev.set(t.sheet, t.firstRow + r, t.col + col, before));
      ev.set(t.sheet, t.firstRow + r, t.col + col, c.value);
      const sr = snap.values.findIndex((row) => row[snap.headers.indexOf(IH.id)] === c.id);
      snap.values[sr]![snap.headers.indexOf(c.header)] = c.value;
      snap.formulas[sr]![snap.headers.indexOf(c.header)] = c.value;
    }
    try {
      const model = buildReport(PLAN, edited, year, { language: "zh", generatedAt: "" });
      for (const c of cases) {
        const row = model.indicators.find((i) => i.id === c.id)!;
        // By hand: each row is 数据有误 with no gap (blank on the sheet) and, in the report, no completion.
        expect([row.status, row.completion, row.gap]).toEqual(["invalid", null, null]);
        expect([sheet.shown(c.id, IH.status), sheet.shown(c.id, IH.gap)]).toEqual(["数据有误", ""]);
      }
      // With a rejected actual the completion column shows "—". PLAN.PROGRESS takes no band: with a
      // readable actual it still shows the share of the way (INT-06: 2023's 11.87 from 11.65 towards
      // 12 = 0.22 / 0.35); the portable column reads the band as the report does, so "—" there too.
      expect(sheet.shown("LOC-01", IH.completion)).toBe("—");
      if (dialect === "plan") expect(sheet.shown("INT-06", IH.completion)).toBeCloseTo(0.22 / 0.35, 12);
      else expect(sheet.shown("INT-06", IH.completion)).toBe("—");
      expect(ev.failures).toEqual([]);
    } finally {
      for (const restore of saved) restore();
    }
  });

  test("a task value the data check rejects: no achieved, no completion, 数据有误 — but only up to the monitoring year, as in the report", () => {
    // T-TEA-07 (studios, cumulative, 30 左右 by 2025; demo 6, 12, 19, 22, 25 a year: by hand 6+6+7+3+3).
    // Monitoring 2023: 2022's "6" typed as text makes the row 数据有误 (the sheet summed it before);
    // 2025's "3" typed as text is after the year and changes nothing: achieved 6 + 6 + 7 = 19, on the
    // straight path from 0 to 30 at 18 by 2023, so 符合预期 (src/core/demo.ts taskValues: 6, 6, 7, 3, 3).
    const year = 2023;
    const n = ev.name(YEAR_NAME);
    ev.set(n.sheet, n.row, n.col, year);
    const t = ev.tables.get(TABLES.tasks.toLowerCase())!;
    const sheet = table(ev, TABLES.tasks, TH.id);
    const r = t.firstRow + sheet.keys.indexOf("T-TEA-07");
    const col = (h: string) => t.col + t.columns.indexOf(h);
    const snap = (edits: Array<[number, Cell]>) => {
      const copy: WorkbookSnapshot = structuredClone(snapshot);
      const st = copy.tables.tasks!;
      const sr = st.values.findIndex((row) => row[st.headers.indexOf(TH.id)] === "T-TEA-07");
      for (const [y, v] of edits) st.values[sr]![st.headers.indexOf(String(y))] = st.formulas[sr]![st.headers.indexOf(String(y))] = v;
      return buildReport(PLAN, copy, year, { language: "zh", generatedAt: "" }).tasks.find((x) => x.id === "T-TEA-07")!;
    };
    const before = [2022, 2025].map((y) => ev.valueAt(t.sheet, r, col(String(y))));
    try {
      ev.set(t.sheet, r, col("2025"), "3");
      const later = snap([[2025, "3"]]);
      expect([later.actual, later.status]).toEqual([19, "onTrack"]);
      expect([sheet.shown("T-TEA-07", TH.achieved), sheet.shown("T-TEA-07", TH.status)]).toEqual([19, STATUS_LABELS[later.status].zh]);
      ev.set(t.sheet, r, col("2022"), "6");
      const rejected = snap([[2025, "3"], [2022, "6"]]);
      expect([rejected.actual, rejected.completion, rejected.status]).toEqual([null, null, "invalid"]);
      expect([sheet.shown("T-TEA-07", TH.achieved), sheet.shown("T-TEA-07", TH.rate), sheet.shown("T-TEA-07", TH.status)]).toEqual(["", "", "数据有误"]);
      expect(ev.failures).toEqual([]);
    } finally {
      [2022, 2025].forEach((y, i) => ev.set(t.sheet, r, col(String(y)), before[i] as Cell));
    }
  });

  test("funding: every growth column shows (this year − last) ÷ last of the figure beside it, blank in the first year or beside a blank", () => {
    // Worked from the sheet's own figures (the demo's funding rows), not from the product's growth.
    const t = ev.tables.get(TABLES.funding.toLowerCase())!;
    const at = (r: number, h: string) => ev.valueAt(t.sheet, r, t.col + t.columns.indexOf(h));
    const pairs: Array<[string, string]> = [
      [FH.appropriationGrowth, FH.compared],
      [FH.revenueGrowth, FH.revenue],
      [FH.budgetGrowth, FH.budget],
      [FH.perStudentGrowth, FH.perStudent],
      ...SCHOOL_STAGES.map((s): [string, string] => [FH.spendingGrowth(s), FH.spending(s)]),
      ...SCHOOL_STAGES.map((s): [string, string] => [FH.publicFundsGrowth(s), FH.publicFunds(s)]),
      [FH.teacherPayGrowth, FH.teacherPay],
    ];
    let numbers = 0;
    for (const [growth, of] of pairs) {
      for (let r = t.firstRow; r <= t.lastRow; r++) {
        const now = at(r, of);
        const before = r > t.firstRow ? at(r - 1, of) : null;
        const shown = at(r, growth);
        if (typeof now === "number" && typeof before === "number" && before !== 0) {
          numbers++;
          expect([growth, r, shown]).toEqual([growth, r, expect.closeTo((now - before) / before, 12)]);
        } else if (r === t.firstRow || now === null || now === "") {
          expect([growth, r, shown]).toEqual([growth, r, ""]);
        }
      }
    }
    expect(numbers).toBeGreaterThanOrEqual(pairs.length * 4); // five years after the base year, most with figures
    expect(ev.failures).toEqual([]);
  });
});
