/**
 * The demo is plainly a demo and agrees with itself (issue 9): labelled on every sheet, fictitious
 * school names, computed indicators equal to what the demo schools give, tasks equal to the
 * indicators they restate, and a plausible mid-term picture.
 */
import ExcelJS from "exceljs";
import { buildDemo } from "../../src/usecases/demo";
import { xlsxPort } from "../../src/xlsx/port";
import { demoSchools, DEMO_LABEL } from "../../src/core/demo";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { buildReport, type ReportModel } from "../../src/core/report/model";
import { snapshotFromWorkbook } from "../../src/xlsx/snapshot";
import { yearHeader } from "../../src/core/workbook/layout";
import { DH, PH, SH, TABLES, YEAR_NAME, allTables } from "../../src/core/workbook/layout";

const PLAN = embeddedPlan();
let wb: ExcelJS.Workbook;
const models = new Map<number, ReportModel>();

beforeAll(async () => {
  wb = new ExcelJS.Workbook();
  await buildDemo(xlsxPort(wb), new Date(2026, 10, 30, 8, 40));
  for (const year of [2021, 2022, 2023]) models.set(year, buildReport(PLAN, snapshotFromWorkbook(wb), year, { language: "zh", generatedAt: "" }));
}, 120_000);

/** Student-weighted CV of a per-student column of the demo schools, written out by hand. */
function weightedCv(stage: string, k: number): number {
  const rows = demoSchools().filter((s) => s[1] === stage);
  const xs = rows.map((s) => (s[5 + k] as number) / (s[2] as number));
  const ws = rows.map((s) => s[2] as number);
  const P = ws.reduce((a, b) => a + b, 0);
  const mean = xs.reduce((a, x, i) => a + x * ws[i]!, 0) / P;
  return Math.sqrt(xs.reduce((a, x, i) => a + ws[i]! * (x - mean) ** 2, 0) / P) / mean;
}

describe("the demo workbook", () => {
  test("every template sheet carries the 示例数据 label; schools are plainly fictitious", () => {
    const snapshot = snapshotFromWorkbook(wb);
    for (const table of Object.values(snapshot.tables)) {
      const ws = wb.getWorksheet(table!.sheet)!;
      const cells: string[] = [];
      ws.getRow(1).eachCell((c) => cells.push(String(c.value)));
      ws.getRow(3).eachCell((c) => cells.push(String(c.value)));
      expect([table!.name, cells.some((c) => c.includes(DEMO_LABEL.zh))]).toEqual([table!.name, true]);
    }
    const schools = snapshot.tables.schools!;
    const names = schools.values.map((r) => String(r[0]));
    expect(names.length).toBe(14);
    for (const n of names) expect(n).toMatch(/^示例(小学|初中)[甲乙丙丁戊己庚辛]$/);
    expect(TABLES.schools).toBe("PM_Schools");
  });

  test("the computed indicators of 2023 are what the demo schools give (recorded, not invented)", () => {
    const line = (id: string) => models.get(2023)!.indicators.find((l) => l.id === id)!;
    // Equipment value per student (the 6th of the seven) spreads most in both stages.
    expect(line("LOC-04-PRI").actual).toBeCloseTo(weightedCv("小学", 5), 12);
    expect(line("LOC-04-JUN").actual).toBeCloseTo(weightedCv("初中", 5), 12);
    const stage = (s: string) => models.get(2023)!.balance.find((b) => b.stage === s)!;
    expect(line("LOC-04-PRI").actual).toBe(stage("primary").max);
    expect(line("LOC-03-PRI").actual).toBe(stage("primary").classShare);
    expect(line("LOC-03-JUN").actual).toBe(stage("junior").classShare);
    expect(models.get(2023)!.recorded).toEqual([]); // nothing disagrees with the schools data
  });

  test("no figure typed into a task's years carries binary noise (0.16999999999999998 where 17 % was meant)", () => {
    const tasks = snapshotFromWorkbook(wb).tables.tasks!;
    const years = [2021, 2022, 2023, 2024, 2025].map((y) => tasks.headers.indexOf(yearHeader(y)));
    const noisy = tasks.values.flatMap((row) => years.map((c) => row[c]).filter((v) => typeof v === "number" && Number(v.toPrecision(12)) !== v));
    expect(noisy).toEqual([]);
    // T-EQU-01 (每年15%以上): 16 %, 15 %, 17 %, 16 %, 15 %.
    const equ = tasks.values.find((r) => r[0] === "T-EQU-01")!;
    expect(years.map((c) => equ[c])).toEqual([0.16, 0.15, 0.17, 0.16, 0.15]);
  });

  test("tasks that restate an indicator equal it in every year", () => {
    for (const [year, model] of models) {
      for (const task of PLAN.tasks.filter((t) => t.indicator)) {
        const t = model.tasks.find((x) => x.id === task.id)!;
        const i = model.indicators.find((x) => x.id === task.indicator)!;
        expect([year, task.id, t.actual]).toEqual([year, task.id, i.actual]);
      }
    }
  });

  test("a plausible mid-term picture in 2023: most on track or ahead, a few behind, two regressing, no bad data", () => {
    const counts = models.get(2023)!.overall;
    expect(counts.invalid + counts.noData).toBe(0);
    expect(counts.regressing).toBe(2); // LOC-09 fitness and LOC-11 exchanges
    expect(counts.behind).toBeGreaterThanOrEqual(3);
    expect(counts.behind).toBeLessThanOrEqual(5);
    expect(counts.onTrack + counts.reachedEarly).toBeGreaterThanOrEqual(15);
    expect(models.get(2023)!.problems).toEqual([]);
  });
});

describe("the report's overview (综述)", () => {
  test("states the model's facts in a bureau's words: counts, reached early, worst misses with gaps, school equity", () => {
    const model = models.get(2023)!;
    const [first, ...rest] = model.summary;
    const c = model.overall;
    expect(first).toBe(
      // 18 items in 23 rows, as the plan counts them (§7a.8).
      `2023年为规划实施的监测年度，时间进度 60%。18 项主要指标（23 行）中，已实现（含提前实现）${c.reachedEarly + c.reached} 项、符合预期 ${c.onTrack} 项、滞后 ${c.behind} 项、倒退 ${c.regressing} 项、未实现 ${c.missed} 项。`,
    );
    const all = rest.join("");
    for (const l of model.indicators.filter((x) => x.status === "reachedEarly").slice(0, 5)) expect(all).toContain(l.name);
    // The worst miss first, with its gap in words (个百分点 for a percent).
    const worst = model.misses[0]!;
    expect(all).toContain(`需重点关注的是：${worst.name}（倒退，尚差`);
    expect(all).toMatch(/个百分点/);
    expect(all).toContain("小学七项校际差异系数最大为 0.406，均达到国家标准，未全部达到规划目标（低于0.40）；1 所学校未达到 2017 年校级标准。");
    expect(all).toContain("初中七项校际差异系数最大为 0.334，均达到国家标准，均达到规划目标（低于0.35）；全部 6 所学校均达到 2017 年校级标准。");
  });
  test("in English for an English report", () => {
    const en = buildReport(PLAN, snapshotFromWorkbook(wb), 2023, { language: "en", generatedAt: "" });
    expect(en.summary[0]).toMatch(/^2023 is the monitoring year, 60% of the plan period elapsed\. Of 18 main indicators \(23 rows\), /);
    // The names are the workbook's own (a Chinese template here); the sentences around them are English.
    let text = en.summary.join(" ");
    for (const l of [...en.indicators, ...en.tasks]) text = text.split(l.name).join("NAME");
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(text).toContain("Needing most attention: NAME (Regressing, 8.43 pp to go)");
  });
});

describe("rows the command line adds take the table's formats and validation (issue 13)", () => {
  test("every demo school row and project row is formatted and validated like the first", () => {
    const snapshot = snapshotFromWorkbook(wb);
    for (const key of ["schools", "projects"] as const) {
      const t = snapshot.tables[key]!;
      const ws = wb.getWorksheet(t.sheet)!;
      const first = t.row + 2;
      const last = t.row + 1 + t.values.length;
      expect(last - first).toBeGreaterThan(10);
      for (let c = t.col + 1; c <= t.col + t.headers.length; c++) {
        const look = (r: number) => {
          const { numFmt, fill, dataValidation: rule } = ws.getCell(r, c);
          return [numFmt, fill, (rule as { type?: string } | undefined)?.type];
        };
        expect([key, c, ...look(last)]).toEqual([key, c, ...look(first)]);
      }
    }
  });
});

/** Excel's default for a cell with no protection element is locked. */
const isLocked = (cell: ExcelJS.Cell) => cell.protection?.locked !== false;

describe("cell protection as the file stores it", () => {
  const TYPED_KEYS: Partial<Record<string, string>> = { schools: SH.school, projects: PH.name, plan: DH.id };
  let saved: ExcelJS.Workbook;
  beforeAll(async () => {
    saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
  });

  test("every cell a planner fills (inputs, notes, names of schools and projects, the monitoring year) is unlocked; keys, labels, figures of the plan and formulas are locked", () => {
    const wrong: string[] = [];
    for (const spec of allTables(PLAN)) {
      const snapshot = snapshotFromWorkbook(saved).tables[spec.key]!;
      const ws = saved.getWorksheet(snapshot.sheet)!;
      for (const column of spec.columns) {
        const c = snapshot.headers.indexOf(column.header);
        if (c < 0) continue;
        // Keys the planner types: a school added, a project added, a definition row's ID.
        const editable = column.role === "input" || column.role === "note" || TYPED_KEYS[spec.key] === column.header;
        for (let r = 0; r < snapshot.values.length; r++) {
          const locked = isLocked(ws.getCell(snapshot.row + r + 2, snapshot.col + c + 1));
          if (locked === editable) wrong.push(`${snapshot.sheet} ${column.header} row ${r + 1}: ${locked ? "locked" : "unlocked"}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    const year = saved.definedNames.getRanges(YEAR_NAME).ranges[0]!;
    const [sheet, address] = year.replace(/\$/g, "").split("!") as [string, string];
    expect(isLocked(saved.getWorksheet(sheet.replace(/^'|'$/g, ""))!.getCell(address))).toBe(false);
  });
});

describe("a Chinese workbook shows no English-only text", () => {
  // Latin words with no Chinese beside them; IDs (INT-01, T-BLD-PROJ, PM_Year), units and numbers aside.
  const englishOnly = (text: string) =>
    !/[\u3400-\u9fff]/.test(text) &&
    /[A-Za-z]{3,}/.test(text.replace(/\b[A-Z][A-Z0-9]*(?:[-_][A-Za-z0-9]+)+\b/g, "").replace(/\b(?:PLAN|CV|ID|m2|m²)\b/g, ""));

  test("the mid-term report and the final evaluation, every cell", () => {
    const found: string[] = [];
    for (const name of ["2023年度监测报告", "2021-2025终期评估"]) {
      const ws = wb.getWorksheet(name)!;
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = cell.value;
          if (typeof v === "string" && englishOnly(v)) found.push(`${name}!R${r}C${c}: ${v}`);
        }),
      );
    }
    expect(found).toEqual([]);
  });
});
