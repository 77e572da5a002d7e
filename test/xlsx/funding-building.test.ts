/**
 * Issue 14 end to end: the command-line report of the demo has the 教育经费 and 学校建设 sections with
 * verdicts worked out here from the demo's own figures (not from the core); an upgrade of a workbook
 * written by release 1.1.0 adds the new tables without touching anything typed; the roll-up feeds the
 * building task targets and a bad ledger row makes them 数据有误, never 已实现.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cellValue, snapshotFromWorkbook } from "../../src/xlsx/snapshot";
import { xlsxPort } from "../../src/xlsx/port";
import { DEMO_FUNDING, demoProjects } from "../../src/core/demo";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { buildReport } from "../../src/core/report/model";
import { insertTemplate } from "../../src/usecases/workbook";
import { assessYear } from "../../src/core/workbook/assess";
import { BUH, FH, IH, MH, PH, RENAMED_HEADERS, TABLES, TH } from "../../src/core/workbook/layout";
import { main } from "../../src/xlsx/cli";
import { buildFinalReport } from "../../src/core/report/final";
import { finalSheet } from "../../src/core/report/final-sheet";
import { STATUS_COLORS } from "../../src/core/calc/status";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "plan-monitor-funding-"));
const PLAN = embeddedPlan();

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellValue(v ?? null));
  });
  return out;
}

/** The rows of a report section: from its title to the next section title (一、…九、). */
function section(rows: unknown[][], title: RegExp): unknown[][] {
  const start = rows.findIndex((r) => typeof r?.[0] === "string" && title.test(r[0] as string));
  expect(start).toBeGreaterThan(0);
  const end = rows.findIndex((r, i) => i > start && typeof r?.[0] === "string" && /^[一二三四五六七八九十]、/.test(r[0] as string));
  return rows.slice(start, end < 0 ? undefined : end);
}

describe("the demo's command-line report: 教育经费 and 学校建设", () => {
  let report: unknown[][];

  beforeAll(async () => {
    const demo = join(dir, "demo.xlsx");
    const out = join(dir, "demo-2023.xlsx");
    // In-process (test/xlsx/cli.test.ts runs the command line as a child process): a mutation run sees it.
    const now = new Date(2026, 10, 30, 8, 40);
    expect((await main(["demo", "-o", demo], { cwd: dir, now })).code).toBe(0);
    expect((await main(["report", demo, "--year", "2023", "--replace", "-o", out], { cwd: dir, now })).code).toBe(0);
    report = sheetRows((await open(out)).getWorksheet("2023年度监测报告")!);
  }, 120_000);

  test("every check of 2021–2023 with the verdict the demo's figures give, worked out here", () => {
    const rows = section(report, /^八、教育经费/).filter((r) => typeof r?.[0] === "number");
    const by = (year: number, check: string) => rows.find((r) => r[0] === year && r[2] === check)?.[3];
    const d = (year: number) => DEMO_FUNDING.find((x) => x.year === year)!;
    const growth = (a: number, b: number) => b / a - 1;
    const perStudent = (year: number) => (d(year).budget * 10000) / d(year).enrolment.reduce((s, x) => s + x, 0);
    for (const year of [2021, 2022, 2023]) {
      const [prev, cur] = [d(year - 1), d(year)];
      const verdict = (ok: boolean) => (ok ? "落实" : "未落实");
      // Appropriations are not kept apart in the demo: the budget stands for them.
      expect([year, by(year, "财政教育拨款增长高于财政经常性收入增长")]).toEqual([year, verdict(growth(prev.budget, cur.budget) > growth(prev.revenue, cur.revenue))]);
      expect([year, by(year, "生均教育经费逐年增长（各学段）")]).toEqual([year, verdict(cur.spending.every((x, k) => x > prev.spending[k]!))]);
      expect([year, by(year, "生均公用经费逐年增长（各学段）")]).toEqual([year, verdict(cur.publicFunds.every((x, k) => x > prev.publicFunds[k]!))]);
      expect([year, by(year, "教师工资逐年增长")]).toEqual([year, verdict(cur.teacherPay > prev.teacherPay)]);
      expect([year, by(year, "一般公共预算教育支出只增不减")]).toEqual([year, verdict(cur.budget >= prev.budget)]);
      expect([year, by(year, "按在校生平均的一般公共预算教育支出只增不减")]).toEqual([year, verdict(perStudent(year) >= perStudent(year - 1))]);
      expect([year, by(year, "义务教育教师平均工资不低于当地公务员")]).toEqual([year, verdict(cur.teacherPay >= cur.civilPay)]);
    }
    expect(rows.length).toBe(21);
    // The year that fails: 2022, spending per student fell (21,442.34 → 21,069.87 yuan) while the total rose.
    expect(by(2022, "按在校生平均的一般公共预算教育支出只增不减")).toBe("未落实");
    expect(rows.find((r) => r[0] === 2022 && String(r[2]).startsWith("按在校生"))![4]).toBe("生均预算支出增长 -1.74%");
    // 2023: regular revenue fell (2,290,000 → 2,250,000) while spending grew: met, both rates shown.
    expect(rows.find((r) => r[0] === 2023 && String(r[2]).startsWith("财政教育拨款"))![4]).toBe("拨款增长 +4.49%；经常性收入增长 -1.75%");
  });

  test("the roll-up against the plan's parts, the printed 58 beside the parts' 57, and the late projects", () => {
    const rows = section(report, /^九、学校建设/);
    const projects = demoProjects(PLAN);
    const part = (name: string) => rows.find((r) => r[2] === name)!;
    const inUse = (stages: string[]) => projects.filter((p) => stages.includes(p.stage) && p.state === "inUse" && p.actual !== null && p.actual <= 2023).reduce((s, p) => s + p.places, 0);
    // Part name, plan split, plan projects, plan places, ledger projects, under way (new+expansions),
    // counted against the split, places in use, late and unfinished, finished late.
    expect(part("幼儿园").slice(2, 12)).toEqual(["幼儿园", "13+1", 14, 6660, 14, "13+1", 14, inUse(["preschool"]), 1, 0]);
    expect(part("小学（部）").slice(2, 12)).toEqual(["小学（部）", "8+13", 21, 23085, 21, "8+13", 21, inUse(["primary"]), 0, 0]);
    expect(part("分项合计").slice(4, 7)).toEqual([57, 46395, 57]);
    expect(part("规划总数（原文）").slice(4, 6)).toEqual([58, 46395]);
    expect(rows.some((r) => String(r[2] ?? "").includes("总数写作58个"))).toBe(true);
    const late = projects.filter((p) => p.state === "building" && p.completion < 2023).map((p) => p.name);
    // The total row has no split to count against.
    expect(part("规划总数（原文）")[8]).toBe("—");
    expect(late.length).toBe(2);
    for (const name of late) expect(rows.some((r) => r[2] === name)).toBe(true);
  });

  test("the building task targets carry the ledger's figures: 57 of 58 projects is not reached", () => {
    const tasks = section(report, /^六、/);
    const line = (id: string) => tasks.find((r) => r[0] === id)!;
    expect(line("T-BLD-PROJ").slice(6, 8)).toEqual(["58个", 57]);
    expect(line("T-BLD-PROJ")[9]).toBe("未实现");
    expect(line("T-BLD-SEN-PLACES").slice(7)).toEqual([4700, 1, "已实现"]);
  });
});

describe("upgrading a workbook written by release 1.1.0", () => {
  test("adds the funding, project, roll-up and plan definition tables; every value typed before is unchanged", async () => {
    const wb = await open(join(ROOT, "test/fixtures/release-1.1.0-demo.xlsx"));
    const before = snapshotFromWorkbook(wb);
    expect(before.meta?.version).toBe("1.1.0");
    expect(before.tables.funding).toBeUndefined();
    const outcome = await insertTemplate(xlsxPort(wb), { language: "zh", onConflict: "ask", plan: PLAN });
    expect(outcome).toMatchObject({ kind: "written", report: { createdTables: [TABLES.funding, TABLES.projects, TABLES.build, TABLES.plan], conflicts: [] } });
    const after = snapshotFromWorkbook(wb);
    expect(after.meta?.version).toBe(PLAN.version);
    // Every input and note a planner could type, in every table the old release had, is as it was.
    for (const key of ["indicators", "tasks", "milestones", "schools"] as const) {
      const old = before.tables[key]!;
      const now = after.tables[key]!;
      old.formulas.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (typeof cell === "string" && cell.startsWith("=")) return; // live cells are rewritten
          const value = now.formulas[r]![now.headers.indexOf(old.headers[c]!)];
          // A blank baseline takes the plan's, where the template now has one (T-TEA-06, T-TEA-08:
          // chapter 1's 28 % and 64 %, domain notes §7a.5); nothing typed is touched.
          const id = String(old.formulas[r]![0]);
          // The template's own "%" label on INT-02 says more exactly what it is (a cohort ratio, §7a.8).
          if (key === "indicators" && id === "INT-02" && old.headers[c] === IH.unit) {
            expect([cell, value]).toEqual(["%", "%（巩固率）"]);
            return;
          }
          if (key === "tasks" && old.headers[c] === TH.baseline && (cell === null || cell === "") && ["T-TEA-06", "T-TEA-08"].includes(id)) {
            expect([id, value]).toEqual([id, id === "T-TEA-06" ? 0.28 : 0.64]);
            return;
          }
          expect([key, r, old.headers[c], value]).toEqual([key, r, old.headers[c], cell]);
        }),
      );
    }
    expect(after.year).toBe(before.year);
    // The building tasks keep their typed yearly figures while the new ledger is empty.
    const a = assessYear(PLAN, after, 2023);
    const tasks = after.tables.tasks!;
    const typed = tasks.values[tasks.values.findIndex((r) => r[0] === "T-BLD-PROJ")]!;
    const y = (h: string) => typed[tasks.headers.indexOf(h)];
    expect(a.tasks.find((t) => t.id === "T-BLD-PROJ")!.actual).toBe(Number(y("2021")) + Number(y("2022")) + Number(y("2023")));
    expect(after.tables.tasks!.formulas[0]![tasks.headers.indexOf(TH.achieved)]).toContain(TABLES.build);
    // The old release wrote the balance table's per-row formulas as text; the upgrade makes them live again.
    const balance = wb.getWorksheet(after.tables.balance!.sheet)!;
    expect(balance.getCell("B4").formula).toMatch(/^_xldudf_PLAN_DIFFCOEF\(/);
  });
});

describe("upgrading a workbook written by release 1.2 (template 1.2.0) to template 1.3.0", () => {
  test("adds the four milestones, the year marks and chapter 1's baselines; every value typed before is unchanged; the verdicts follow §7a", async () => {
    const wb = await open(join(ROOT, "test/fixtures/release-1.2.0-demo.xlsx"));
    const before = snapshotFromWorkbook(wb);
    expect(before.meta?.version).toBe("1.2.0");
    expect(before.names).not.toContain("PM_YearMarks");
    const outcome = await insertTemplate(xlsxPort(wb), { language: "zh", onConflict: "ask", plan: PLAN });
    expect(outcome).toMatchObject({ kind: "written", report: { createdTables: [], conflicts: [] } });
    const after = snapshotFromWorkbook(wb);
    expect(after.meta?.version).toBe("1.3.0");
    let moved = 0;
    for (const key of ["indicators", "tasks", "milestones", "schools", "funding", "projects"] as const) {
      const old = before.tables[key]!;
      const now = after.tables[key]!;
      const id = (t: typeof old, r: number) => String(t.formulas[r]![0]);
      old.formulas.forEach((row, r) => {
        // Rows are matched by their key; new template rows may stand between them.
        const match = now.formulas.findIndex((x) => String(x[0]) === id(old, r));
        expect([key, id(old, r), match >= 0]).toEqual([key, id(old, r), true]);
        row.forEach((cell, c) => {
          if (typeof cell === "string" && cell.startsWith("=")) return; // live cells are rewritten
          const header = RENAMED_HEADERS[old.headers[c]!] ?? old.headers[c]!;
          let value = now.formulas[match]![now.headers.indexOf(header)];
          // The ledger's one completion year is the planned one, except for a finished project: there it
          // was the year it was finished, and it moves to the actual column (nothing is lost or invented).
          if (key === "projects" && header === PH.completion && ["已竣工", "已交付使用"].includes(String(row[old.headers.indexOf(PH.state)]))) {
            expect(["", null]).toContain(value);
            value = now.formulas[match]![now.headers.indexOf(PH.actualYear)];
            moved++;
          }
          if (key === "tasks" && old.headers[c] === TH.baseline && (cell === null || cell === "") && ["T-TEA-06", "T-TEA-08"].includes(id(old, r))) return;
          if (key === "indicators" && id(old, r) === "INT-02" && header === IH.unit) {
            expect([cell, value]).toEqual(["%", "%（巩固率）"]);
            return;
          }
          expect([key, id(old, r), old.headers[c], value]).toEqual([key, id(old, r), old.headers[c], cell]);
        });
      });
    }
    // The demo of release 1.2 has 57 projects, 55 of them finished; their years moved, and the report says how many.
    expect(moved).toBe(55);
    expect(outcome.kind === "written" && outcome.report.movedYears).toBe(55);
    expect(after.tables.projects!.headers).not.toContain("竣工年度 Completion year");
    // The two still under construction keep their year as the planned one and are late.
    expect(assessYear(PLAN, after, 2023).building!.late.map((p) => p.planned)).toEqual([2022, 2022]);
    // The four qualitative targets the plan text has, added with their lines; the section labels as printed.
    const milestones = after.tables.milestones!;
    const ids = milestones.values.map((r) => r[milestones.headers.indexOf(MH.id)]);
    for (const m of ["M-CMP-ADMISSION", "M-VOC-HIGHER", "M-TEA-PAY-REFORM", "M-ICT-TEACHING-MODEL"]) expect(ids).toContain(m);
    expect(after.names).toContain("PM_YearMarks");
    // Chapter 1's baselines in the blank cells: 28 % and 64 %.
    const tasks = after.tables.tasks!;
    const baseline = (id: string) => tasks.values.find((r) => r[0] === id)![tasks.headers.indexOf(TH.baseline)];
    expect([baseline("T-TEA-06"), baseline("T-TEA-08")]).toEqual([0.28, 0.64]);
    // §7a on the upgraded figures: maintain targets held, duties every year on track, nothing reached early from a blank year.
    const a2023 = assessYear(PLAN, after, 2023);
    expect(a2023.indicators.filter((r) => ["INT-01", "INT-02"].includes(r.id)).map((r) => r.status)).toEqual(["onTrack", "onTrack"]);
    expect(a2023.tasks.filter((t) => ["T-EQU-01", "T-EQU-02"].includes(t.id)).map((t) => t.status)).toEqual(["onTrack", "onTrack"]);
  });
});

describe("the ledger feeds the building targets, and a bad row is invalid data", () => {
  async function demoWith(change: (wb: ExcelJS.Workbook) => void) {
    const { buildDemo } = await import("../../src/usecases/demo");
    const wb = new ExcelJS.Workbook();
    await buildDemo(xlsxPort(wb), new Date(2026, 10, 30));
    change(wb);
    return snapshotFromWorkbook(wb);
  }

  /** The demo's project ledger (header row 3, projects from row 4) and a column by its header (1-based). */
  function ledger(wb: ExcelJS.Workbook) {
    const ws = wb.getWorksheet("建设项目")!;
    const head = ws.getRow(3).values as unknown[];
    return { ws, col: (h: string) => head.indexOf(h) };
  }

  test("a project's stage typed as free text: the data check names the cell, the building targets are 数据有误", async () => {
    let address = "";
    const snapshot = await demoWith((wb) => {
      const ws = wb.getWorksheet("建设项目")!;
      address = `B4`;
      ws.getCell(address).value = "幼儿";
    });
    const model = buildReport(PLAN, snapshot, 2023, { language: "zh", generatedAt: "" });
    expect(model.problems).toContainEqual(expect.objectContaining({ sheet: "建设项目", address, message: expect.stringContaining("幼儿") }));
    for (const id of ["T-BLD-PROJ", "T-BLD-KG-PROJ", "T-BLD-SEN-PLACES"]) expect([id, model.tasks.find((t) => t.id === id)!.status]).toEqual([id, "invalid"]);
    expect(model.building!.problems.length).toBeGreaterThan(0);
  });

  test("a kindergarten delivered in 2024 against the 2023 deadline: 未实现 in 2023, 逾期实现 from 2024 and in the final evaluation (§7a.4)", async () => {
    // Every kindergarten project in use by 2023 but one, which is recorded as completed in 2024.
    let late = "";
    const snapshot = await demoWith((wb) => {
      const { ws, col } = ledger(wb);
      for (let r = 4; r <= ws.rowCount; r++) {
        if (ws.getCell(r, col(PH.stage)).value !== "学前") continue;
        ws.getCell(r, col(PH.state)).value = "已交付使用";
        // Due 2023 (the planned year kept), put in use in 2023 — but one only in 2024.
        ws.getCell(r, col(PH.completion)).value = 2023;
        ws.getCell(r, col(PH.actualYear)).value = late ? 2023 : 2024;
        if (!late) late = String(ws.getCell(r, col(PH.name)).value);
      }
    });
    // The ledger itself says so: in its due year 2023 the kindergarten is not late yet (only the demo's
    // junior-secondary project is); in 2024 it is finished late.
    const kgLate = (year: number) => assessYear(PLAN, snapshot, year).building!.late.filter((p) => p.stage === "preschool").map((p) => p.name);
    expect([kgLate(2023), kgLate(2024)]).toEqual([[], []]);
    expect(assessYear(PLAN, snapshot, 2024).building!.finishedLate.map((p) => p.name)).toEqual([late]);
    expect(late).not.toBe("");
    const status = (year: number) => assessYear(PLAN, snapshot, year).tasks.find((t) => t.id === "T-BLD-KG-PLACES")!;
    // The part's 6,660 places are all in use only from 2024.
    expect([status(2023).status, status(2024).status, status(2025).status]).toEqual(["missed", "reachedLate", "reachedLate"]);
    expect(status(2024).actual).toBe(6660);
    const final = buildFinalReport(PLAN, snapshot, { language: "zh", generatedAt: "" });
    const line = final.tasks.find((l) => l.row.id === "T-BLD-KG-PLACES")!;
    expect([line.row.status, line.row.firstReached]).toEqual(["reachedLate", 2024]);
    expect(final.taskCounts.reachedLate).toBeGreaterThanOrEqual(1);
    expect(finalSheet(final).blocks.some((b) => b.values[0]?.[0] === "逾期实现" && b.fill === STATUS_COLORS.reachedLate.fill)).toBe(true);
  });

  test("a kindergarten entered twice: named as a duplicate, and the building targets are 数据有误, never reached on the copy (§7a.7)", async () => {
    let copy = "";
    const snapshot = await demoWith((wb) => {
      const { ws, col } = ledger(wb);
      const kg = [...Array(ws.rowCount).keys()].map((i) => i + 4).filter((r) => ws.getCell(r, col(PH.stage)).value === "学前");
      // The second kindergarten row becomes a copy of the first, name and all.
      for (const h of [PH.name, PH.kind, PH.places, PH.start, PH.completion, PH.state]) ws.getCell(kg[1]!, col(h)).value = ws.getCell(kg[0]!, col(h)).value;
      copy = ws.getCell(kg[1]!, col(PH.name)).address;
    });
    const model = buildReport(PLAN, snapshot, 2025, { language: "zh", generatedAt: "" });
    expect(model.problems).toContainEqual(expect.objectContaining({ sheet: "建设项目", address: copy, message: expect.stringContaining("像是重复录入") }));
    for (const id of ["T-BLD-KG-PROJ", "T-BLD-KG-PLACES", "T-BLD-PROJ"]) expect([id, model.tasks.find((t) => t.id === id)!.status]).toEqual([id, "invalid"]);
  });

  test("a project finished (in use) later than the monitoring year does not count as delivered", async () => {
    const snapshot = await demoWith(() => undefined);
    const table = snapshot.tables.projects!;
    const col = (h: string) => table.headers.indexOf(h);
    const a2022 = assessYear(PLAN, snapshot, 2022);
    // By hand from the ledger: places of projects in use whose completion year is 2022 or earlier.
    const inUse2022 = table.values.filter((r) => r[col(PH.state)] === "已交付使用" && (r[col(PH.completion)] as number) <= 2022).reduce((s, r) => s + (r[col(PH.places)] as number), 0);
    expect(a2022.tasks.find((t) => t.id === "T-BLD-PLACES")!.actual).toBe(inUse2022);
    expect(a2022.building!.rollup.total.delivered).toBe(inUse2022);
    expect(snapshot.tables.build!.headers).toContain(BUH.delivered);
    expect(snapshot.tables.funding!.headers).toContain(FH.budget);
  });
});
