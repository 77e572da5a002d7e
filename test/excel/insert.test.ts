import { PROJECT_KIND_LABELS, PROJECT_STATE_LABELS, SCHOOL_STAGE_LABELS } from "../../src/core/calc/projects";
import { excelPort } from "../../src/excel/port";
import { applyOps } from "../../src/excel/apply";
import type { WriteOp } from "../../src/core/workbook/model";
import { planInsert } from "../../src/core/workbook/insert";
import { columnLetter, parseAddress } from "../../src/core/workbook/a1";
import { FakeContext, FakeWorkbookData, excelParse, installExcelEnums } from "./fake-excel";
import { addRows, insertTemplate, setProtection, summarizeYear, type InsertOutcome } from "../../src/usecases/workbook";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { BALANCE_NAMES, BH, BUH, CH, FH, IH, MH, PH, SH, TABLES, TH, allTables, noteHeader, planYears, yearHeader } from "../../src/core/workbook/layout";
import type { Plan } from "../../src/core/plan/schema";
import { readSnapshot } from "../../src/excel/snapshot";
import { yearMarks } from "../../src/core/workbook/marks";

beforeAll(installExcelEnums);

const PLAN = embeddedPlan();
const YEARS = [2021, 2022, 2023, 2024, 2025];

async function insert(data: FakeWorkbookData, onConflict: "ask" | "replace" | "keep" = "ask", plan: Plan = PLAN, language: "zh" | "en" = "zh") {
  const ctx = new FakeContext(data);
  const outcome = await insertTemplate(excelPort(ctx.excel), { language, onConflict, plan, year: 2023 });
  return { outcome, syncs: ctx.syncCount };
}

function written(outcome: InsertOutcome) {
  if (outcome.kind !== "written") throw new Error(`expected a write, got ${JSON.stringify(outcome)}`);
  return outcome.report;
}

async function freshWorkbook(language: "zh" | "en" = "zh") {
  const data = new FakeWorkbookData();
  data.addSheet("Sheet1");
  written((await insert(data, "ask", PLAN, language)).outcome);
  return data;
}

/** Fills every input and note cell of the indicator and task tables, as a planner would over five years. */
/** Types what a planner types; with protection on, only into unlocked cells (the double enforces it). */
function fillAsPlanner(data: FakeWorkbookData, _options: { protectedOk?: boolean } = {}): Map<string, unknown> {
  const typed = new Map<string, unknown>();
  const sheet = data.table(TABLES.indicators)!.sheet;
  PLAN.indicators.forEach((ind, i) => {
    for (const y of YEARS) {
      const value = ind.unit === "percent" ? Math.round((0.5 + i / 100 + (y - 2020) / 1000) * 10000) / 10000 : 10 + i + (y - 2020) / 10;
      const address = data.addressOf(TABLES.indicators, ind.id, yearHeader(y));
      data.type(sheet, address, value);
      typed.set(`${sheet}!${address}`, value);
      const noteAddress = data.addressOf(TABLES.indicators, ind.id, noteHeader(y));
      const note = `${y} 年数据来源：教育事业统计 ${ind.id}`;
      data.type(sheet, noteAddress, note);
      typed.set(`${sheet}!${noteAddress}`, note);
    }
  });
  const taskSheet = data.table(TABLES.tasks)!.sheet;
  PLAN.tasks.forEach((task, i) => {
    const address = data.addressOf(TABLES.tasks, task.id, yearHeader(2022));
    data.type(taskSheet, address, i + 1);
    typed.set(`${taskSheet}!${address}`, i + 1);
  });
  // Every other kind of cell a planner can set: the monitoring year, a band, a school's inputs.
  const set = (where: string, address: string, value: unknown) => {
    data.type(where, address, value);
    typed.set(`${where}!${address}`, value);
  };
  set(sheet, "B3", 2024);
  // The title-area inputs of other sheets: the schools data's year and the plan's own name.
  for (const [name, value] of [
    ["PM_SchoolYear", 2022],
    ["PM_PlanName", "常州市武进区“十四五”教育发展规划（修订）"],
  ] as const) {
    const at = data.names.get(name)!;
    set(at.sheet, at.address, value);
  }
  set(taskSheet, data.addressOf(TABLES.tasks, "T-VOC-04", TH.band), 0.1);
  const schools = data.table(TABLES.schools)!;
  const cell = (c: number) => `${String.fromCharCode(65 + schools.col + c)}${schools.row + 2}`;
  set(schools.sheet, cell(0), "示例小学甲");
  set(schools.sheet, cell(1), "小学");
  set(schools.sheet, cell(2), 1200);
  set(schools.sheet, cell(3), 27);
  return typed;
}

function expectAllSurvive(data: FakeWorkbookData, typed: Map<string, unknown>) {
  for (const [where, value] of typed) {
    const [sheet, address] = where.split("!");
    expect([where, data.at(sheet!, address!)?.formula]).toEqual([where, value]);
  }
}

describe("insert into an empty workbook", () => {
  let data: FakeWorkbookData;
  let syncs: number;
  beforeAll(async () => {
    data = new FakeWorkbookData();
    data.addSheet("Sheet1");
    const result = await insert(data);
    written(result.outcome);
    syncs = result.syncs;
  });

  test("three round trips: find, read, write", () => expect(syncs).toBe(3));

  test("every table exists, found by name, on its own sheet", () => {
    expect(data.tables.map((t) => [t.name, t.sheet])).toEqual([
      [TABLES.indicators, "规划指标"],
      [TABLES.tasks, "任务目标"],
      [TABLES.milestones, "里程碑"],
      [TABLES.schools, "学校数据"],
      [TABLES.balance, "均衡分析"],
      [TABLES.contradictions, "规划矛盾"],
      [TABLES.funding, "教育经费"],
      [TABLES.projects, "建设项目"],
      [TABLES.build, "学校建设"],
      [TABLES.plan, "规划定义"],
    ]);
  });

  test("the indicator table holds every row with its figures as the plan prints them", () => {
    expect(data.column(TABLES.indicators, IH.id)).toEqual(PLAN.indicators.map((i) => i.id));
    const baseline = data.column(TABLES.indicators, IH.baseline);
    const target = data.column(TABLES.indicators, IH.target);
    const row = (id: string) => PLAN.indicators.findIndex((i) => i.id === id);
    expect(baseline[row("LOC-01")]).toBe(0.9252); // 92.52% as an Excel percentage
    expect(baseline[row("INT-05-PRI")]).toBe(19.62); // shown as 19.62:1
    expect(target[row("INT-05-PRI")]).toBe(17);
    expect(baseline[row("LOC-04-PRI")]).toBe("＜0.42"); // a bound keeps its comparator
    expect(target[row("LOC-04-JUN")]).toBe("＜0.35");
    expect(data.column(TABLES.indicators, IH.direction)[row("INT-05-PRI")]).toBe("越低越好");
    expect(data.column(TABLES.indicators, IH.stage)[row("INT-05-SEN")]).toBe("高中");
  });

  test("input columns are blank, live columns hold PLAN.* formulas in every row", () => {
    for (const y of YEARS) expect(new Set(data.column(TABLES.indicators, yearHeader(y)))).toEqual(new Set([""]));
    const status = data.column(TABLES.indicators, IH.status);
    expect(new Set(status).size).toBe(1);
    // Where blank means "none" the reference is wrapped: a blank cell never arrives as 0 (issue 10).
    const opt = (h: string) => `IF([@[${h}]]="","",[@[${h}]])`;
    expect(status[0]).toBe(
      `=PLAN.STATUS(${opt(IH.baseline)},[@[本年实际 Actual]],[@[目标值 Target]],PM_Year,2020,2025,,${opt(IH.direction)},${opt(IH.band)},${opt(IH.unit)})`,
    );
    expect(data.column(TABLES.indicators, IH.expected)[0]).toBe(`=IFNA(PLAN.EXPECTED(${opt(IH.baseline)},[@[目标值 Target]],PM_Year,2020,2025),"—")`);
    // The unit goes to GAP and PROGRESS too: a value STATUS calls Invalid data shows no figure (#N/A → blank / —).
    expect(data.column(TABLES.indicators, IH.gap)[0]).toBe(
      `=IF([@[本年实际 Actual]]="","",IFNA(PLAN.GAP([@[本年实际 Actual]],[@[目标值 Target]],${opt(IH.direction)},${opt(IH.baseline)},${opt(IH.band)},${opt(IH.unit)}),""))`,
    );
    expect(data.column(TABLES.indicators, IH.completion)[0]).toBe(
      `=IF([@[本年实际 Actual]]="","",IFNA(PLAN.PROGRESS(${opt(IH.baseline)},[@[本年实际 Actual]],[@[目标值 Target]],${opt(IH.unit)}),"—"))`,
    );
    expect(data.column(TABLES.indicators, IH.actual)[0]).toBe(
      '=IF(CHOOSE(PM_Year-2020,[@[2021]],[@[2022]],[@[2023]],[@[2024]],[@[2025]])="","",CHOOSE(PM_Year-2020,[@[2021]],[@[2022]],[@[2023]],[@[2024]],[@[2025]]))',
    );
  });

  test("every live cell of every table is a formula, never text (the balance rows once went in as text)", () => {
    for (const spec of allTables(PLAN)) {
      for (const column of spec.columns.filter((c) => c.role === "formula")) {
        const cells = data.column(spec.name, column.header);
        data.liveColumn(spec.name, column.header).forEach((live, r) => {
          // Per-row formulas may leave a cell blank (the class-share row has no national check).
          if (cells[r] === "" && !column.formula) return;
          expect([spec.name, column.header, r, live]).toEqual([spec.name, column.header, r, true]);
        });
      }
    }
    expect(data.column(TABLES.balance, BH.primaryCv)[0]).toMatch(/^=PLAN\.DIFFCOEF\(/);
    expect(data.column(TABLES.build, BUH.delivered)[0]).toMatch(/^=SUM\(SUMIFS\(PM_Projects/);
  });

  test("number formats follow each row's unit; input and computed cells look different", () => {
    const sheet = "规划指标";
    const fmt = (id: string, header: string) => data.at(sheet, data.addressOf(TABLES.indicators, id, header))!;
    expect(fmt("LOC-01", IH.baseline).numberFormat).toBe("0.00%");
    expect(fmt("LOC-01", yearHeader(2023)).numberFormat).toBe("0.00%");
    expect(fmt("INT-05-PRI", yearHeader(2023)).numberFormat).toBe('0.00":1"');
    expect(fmt("LOC-04-PRI", IH.expected).numberFormat).toBe("0.000");
    expect(fmt("INT-06", IH.gap).numberFormat).toBe("0.00");
    expect(fmt("LOC-01", IH.completion).numberFormat).toBe("0.0%");
    expect(fmt("LOC-01", yearHeader(2023))).toMatchObject({ fill: "#FFF2CC", locked: false });
    expect(fmt("LOC-01", noteHeader(2023))).toMatchObject({ fill: "#FFF2CC", locked: false });
    expect(fmt("LOC-01", IH.status)).toMatchObject({ fill: "#E7EEF7", italic: true, locked: true });
    expect(fmt("LOC-01", IH.baseline)).toMatchObject({ fill: null, locked: true });
  });

  test("validation rules with prompts and alerts in the workbook's language", () => {
    const s = data.sheet("规划指标")!;
    const year2023 = s.validations.find((v) => v.address === "'规划指标'!N6:N28")!;
    expect(year2023.rule).toEqual({ custom: { formula: '=OR(ISBLANK(N6),AND(ISNUMBER(N6),N6>=0,OR(LEFT($E6,1)<>"%",N6<=IF($E6="%",1,1.5))))' } });
    expect(year2023.prompt).toMatchObject({ showPrompt: true, message: expect.stringContaining("2023 年实际值") });
    expect(year2023.errorAlert).toMatchObject({ showAlert: true, style: "Stop", message: expect.stringContaining("92.52%") });
    expect(s.validations.find((v) => v.address === "'规划指标'!F6:F28")!.rule).toEqual({
      list: { inCellDropDown: true, source: "越高越好,越低越好,保持,控制上限" },
    });
    const schools = data.sheet("学校数据")!;
    expect(schools.validations.find((v) => v.address === "'学校数据'!B4:B4")!.rule).toEqual({ list: { inCellDropDown: true, source: "小学,初中" } });
    expect(schools.validations.find((v) => v.address === "'学校数据'!C4:C4")!.rule).toEqual({ wholeNumber: { formula1: 1, operator: "GreaterThanOrEqualTo" } });
    expect(schools.validations.find((v) => v.address === "'学校数据'!E4:E4")!.rule).toEqual({
      custom: { formula: "=OR(ISBLANK(E4),AND(ISNUMBER(E4),E4>=0,E4=INT(E4),E4<=N($D4)))" },
    });
  });

  test("the status column colours itself for each status, in both languages", () => {
    const cfs = data.sheet("规划指标")!.conditionalFormats;
    expect(cfs.map((c) => c.formula)).toEqual([
      '=OR($X6="提前实现",$X6="Reached early")',
      '=OR($X6="已实现",$X6="Reached")',
      '=OR($X6="逾期实现",$X6="Reached late")',
      '=OR($X6="符合预期",$X6="On track")',
      '=OR($X6="滞后",$X6="Behind")',
      '=OR($X6="倒退",$X6="Regressing")',
      '=OR($X6="未实现",$X6="Missed")',
      '=OR($X6="无数据",$X6="No data")',
      '=OR($X6="数据有误",$X6="Invalid data")',
    ]);
    // Every status has its own fill (issue 13: 倒退 and 未达标 were both red).
    expect(new Set(cfs.map((c) => c.fill)).size).toBe(9);
    expect(new Set(cfs.map((c) => c.address))).toEqual(new Set(["'规划指标'!X6:X28"]));
  });

  test("the task and milestone sheets' status columns colour themselves the same way, over their own rows", () => {
    for (const [name, header] of [[TABLES.tasks, TH.status], [TABLES.milestones, MH.status]] as const) {
      const t = data.table(name)!;
      const col = columnLetter(t.col + data.tableRows(name)[0]!.indexOf(header));
      const first = t.row + 2;
      const last = t.row + t.height;
      const cfs = data.sheet(t.sheet)!.conditionalFormats;
      expect([name, cfs.length]).toEqual([name, 9]);
      expect(cfs[0]!.formula).toBe(`=OR($${col}${first}="提前实现",$${col}${first}="Reached early")`);
      expect(new Set(cfs.map((c) => c.address))).toEqual(new Set([`'${t.sheet}'!${col}${first}:${col}${last}`]));
    }
  });

  test("each funding check colours itself for each verdict, in both languages", () => {
    const cfs = data.sheet("教育经费")!.conditionalFormats;
    const t = data.table(TABLES.funding)!;
    const head = data.tableRows(TABLES.funding)[0]!;
    const first = columnLetter(t.col + head.indexOf("三个增长：拨款高于收入 Appropriations outgrow revenue"));
    const row = t.row + 2;
    expect(cfs.filter((c) => c.address.includes(`!${first}${row}:`)).map((c) => [c.formula, c.fill, c.fontColor])).toEqual([
      [`=OR($${first}${row}="落实",$${first}${row}="Met")`, "#C6EFCE", "#006100"],
      [`=OR($${first}${row}="未落实",$${first}${row}="Not met")`, "#FFC7CE", "#9C0006"],
      [`=OR($${first}${row}="无数据",$${first}${row}="No data")`, "#EDEDED", "#595959"],
      [`=OR($${first}${row}="数据有误",$${first}${row}="Invalid data")`, "#F4B084", "#7F2704"],
    ]);
    // Seven checks, four verdicts each, nothing else on the sheet.
    expect(cfs.length).toBe(28);
    expect(new Set(cfs.map((c) => c.address)).size).toBe(7);
    // Each over the whole body: from the first data row to the last (the header row is t.row, 0-based).
    expect(new Set(cfs.map((c) => /!\$?[A-Z]+\$?(\d+):\$?[A-Z]+\$?(\d+)$/.exec(c.address)!.slice(1).map(Number).join("-")))).toEqual(new Set([`${t.row + 2}-${t.row + t.height}`]));
    expect(t.height - 1).toBeGreaterThan(1);
  });

  test("the monitoring year is a named input cell; balance results are named for indicator cells", () => {
    expect(data.names.get("PM_Year")).toEqual({ sheet: "规划指标", address: "B3" });
    expect(data.at("规划指标", "B3")).toMatchObject({ formula: 2023, locked: false });
    // The line under it points at the plan's contradictions, in the warning's brown.
    expect(data.at("规划指标", "A4")).toMatchObject({ formula: expect.stringContaining(`${PLAN.contradictions.length}`), fontColor: "#9C5700" });
    expect(data.at("规划指标", "B4")?.formula ?? "").toBe(""); // nothing beside the line
    expect(data.names.get(BALANCE_NAMES.maxPrimary)).toEqual({ sheet: "均衡分析", address: "B11" });
    expect(data.at("均衡分析", "B11")!.formula).toBe("=MAX(B4:B10)");
    expect(data.at("均衡分析", "E12")!.formula).toBe("=AVERAGE(E4:E10)");
  });

  test("the balance table: enrolment-weighted CVs per stage against national and plan thresholds", () => {
    const [head, first] = data.tableRows(TABLES.balance);
    expect(head).toEqual(["指标 Indicator", "小学差异系数 Primary CV", "小学 ≤0.50 National", "小学 规划目标 Plan target", "初中差异系数 Junior CV", "初中 ≤0.45 National", "初中 规划目标 Plan target"]);
    // No array evaluation (issue 10): the function filters by the stage column itself.
    expect(first![1]).toBe('=PLAN.DIFFCOEF(PM_Schools[每百生高学历教师 Per 100: degree teachers],PM_Schools[在校生数 Enrolment],PM_Schools[学段 Stage],"小学")');
    expect(first![3]).toContain("<0.4,"); // the plan's own ＜0.40
    expect(first![6]).toContain("<0.35,");
    expect(first![5]).toContain("<=0.45,");
  });

  test("schools: one row per school and stage, per-student values and the 2017 rule by formula", () => {
    const [head, row] = data.tableRows(TABLES.schools);
    expect(head!.slice(0, 5)).toEqual([SH.school, SH.stage, SH.enrolment, SH.classes, SH.standardClasses]);
    expect(row![head!.indexOf(SH.balance)]).toBe(
      '=IF(COUNT([@[每百生高学历教师 Per 100: degree teachers]:[每百生多媒体教室 Per 100: multimedia rooms]])<7,"",IF(PLAN.BALANCE([@[每百生高学历教师 Per 100: degree teachers]:[每百生多媒体教室 Per 100: multimedia rooms]],[@[学段 Stage]]),"达标 Met","未达标 Not met"))',
    );
  });

  test("task targets with their printed target, numeric target and input columns", () => {
    const ids = data.column(TABLES.tasks, TH.id);
    expect(ids).toEqual(PLAN.tasks.map((t) => t.id));
    const i = ids.indexOf("T-BLD-PROJ");
    expect(data.column(TABLES.tasks, TH.target)[i]).toBe("58个");
    expect(data.column(TABLES.tasks, TH.targetValue)[i]).toBe(58);
    expect(data.column(TABLES.tasks, TH.basis)[i]).toBe("累计 Cumulative");
    expect(data.column(TABLES.tasks, TH.period)[i]).toBe("2021–2023");
  });

  test("the building roll-up's second line names the plan's contradiction about its totals (58 projects vs 57)", () => {
    const sheet = data.table(TABLES.build)!.sheet;
    const summary = PLAN.contradictions.find((c) => c.id === "C-BUILD-PROJECTS")!.summary.zh;
    expect(data.at(sheet, "A2")!.formula).toBe(`台账按学段、类型汇总，与规划分项对照（至监测年度）。注意：${summary}`);
  });

  test("contradictions are visible: their own sheet and a line on the indicator sheet", () => {
    expect(data.column(TABLES.contradictions, "ID")).toEqual(PLAN.contradictions.map((c) => c.id));
    expect(data.at("规划指标", "A4")!.formula).toContain("9 处不一致");
    // The contradictions sheet's own note does not send the reader to itself (issue 9).
    expect(data.at("规划矛盾", "A2")!.formula).toBe("规划文本内部有 9 处不一致，逐条列于下表，并注明原文所在行，供评估时说明采用的口径。");
  });

  test("milestones: a state chosen from a list, the year done, and a live verdict", () => {
    expect(data.column(TABLES.milestones, "ID")).toEqual(PLAN.milestones.map((m) => m.id));
    expect(data.column(TABLES.milestones, MH.plannedYear)[0]).toBe(2025);
    const s = data.sheet("里程碑")!;
    expect(s.validations.find((v) => v.address.endsWith("!E4:E17"))!.rule).toEqual({ list: { inCellDropDown: true, source: "未开始,进行中,已完成" } });
    expect(data.column(TABLES.milestones, MH.status)[0]).toBe(
      '=PLAN.MILESTONE(IF([@[进展 State]]="","",[@[进展 State]]),[@[计划年度 Planned year]],PM_Year,IF([@[完成年度 Year done]]="","",[@[完成年度 Year done]]),2020)',
    );
  });

  test("the project ledger: stage, kind and state each chosen from its own list", () => {
    const sheet = data.table(TABLES.projects)!.sheet;
    const lists = data.sheet(sheet)!.validations.flatMap((v) => {
      const rule = v.rule as { list?: { source: string } };
      return rule.list ? [rule.list.source] : [];
    });
    const source = (labels: Record<string, { zh: string }>) => Object.values(labels).map((l) => l.zh).join(",");
    expect(lists.sort()).toEqual([source(SCHOOL_STAGE_LABELS), source(PROJECT_KIND_LABELS), source(PROJECT_STATE_LABELS)].sort());
    expect(source(PROJECT_STATE_LABELS)).toBe("未开工,在建,已竣工,已交付使用");
  });

  test("the template's identity, version and IDs are stored in a very hidden sheet", () => {
    const meta = data.sheet("PM_Meta")!;
    expect(meta.visibility).toBe("VeryHidden");
    expect(data.at("PM_Meta", "B1")!.formula).toBe(PLAN.id);
    expect(data.at("PM_Meta", "B2")!.formula).toBe(PLAN.version);
    expect(data.at("PM_Meta", "D1")!.formula).toBe("INT-01");
  });

  // Written down from one insert, then checked column by column against what a planner expects (not
  // derived from the layout code, so a changed format shows): counts whole with separators, money
  // with two decimals, years without separators, per-student values and growth rates as the domain
  // notes print them, coefficients to three places; yellow unlocked cells are the planner's to type
  // (inputs, notes, the names of schools and projects, a definition's ID), blue italic ones computed.
  test("every column of every table: its number format, and whether the planner types in it (in), the add-in computes it (calc) or the plan fills it (-)", () => {
    const look = (name: string) => {
      const t = data.table(name)!;
      return Array.from({ length: t.width }, (_, c) => {
        const cell = data.cell(t.sheet, t.col + c, t.row + 1)!;
        const kind =
          cell.locked === false && cell.fill === "#FFF2CC" && !cell.italic
            ? "in"
            : cell.locked !== false && cell.fill === "#E7EEF7" && cell.italic
              ? "calc"
              : cell.locked !== false && !cell.fill && !cell.italic
                ? "-"
                : JSON.stringify(cell);
        return `${cell.numberFormat ?? "General"} ${kind}`;
      }).join(" · ");
    };
    const expected: Array<[string, string]> = [
        [TABLES.indicators, "General - · General - · General - · General - · General - · General - · 0.00% - · 0.00% - · 0% in · 0.00% in · General in · 0.00% in · General in · 0.00% in · General in · 0.00% in · General in · 0.00% in · General in · 0.00% calc · 0.00% calc · 0.0% calc · 0.00% calc · General calc"],
        [TABLES.tasks, "General - · General - · General - · General - · 0.00% - · General - · General - · General - · 0.00% - · General - · 0% in · 0.00% in · 0.00% in · 0.00% in · 0.00% in · 0.00% in · General in · 0.00% calc · 0.0% calc · General calc"],
        [TABLES.milestones, "General - · General - · General - · 0 - · General in · 0 in · General in · General calc"],
        [TABLES.schools, "General in · General in · #,##0 in · #,##0 in · #,##0 in · #,##0 in · #,##0 in · #,##0 in · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0 in · 0.00 calc · 0.00 calc · 0.00 calc · 0.00 calc · 0.00 calc · 0.00 calc · 0.00 calc · General calc"],
        [TABLES.balance, "General - · 0.000 calc · General calc · General calc · 0.000 calc · General calc · General calc"],
        [TABLES.contradictions, "General - · General - · General - · General - · General -"],
        [TABLES.funding, "0 - · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0 in · #,##0 in · #,##0 in · #,##0 in · #,##0 in · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0.00 in · #,##0 in · #,##0 in · General in · #,##0.00 calc · #,##0.00 calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · 0.00% calc · General calc · General calc · General calc · General calc · General calc · General calc · General calc"],
        [TABLES.projects, "General in · General in · General in · #,##0 in · 0 in · 0 in · 0 in · General in · #,##0.00 in · #,##0.00 in · General in · General calc"],
        [TABLES.build, "General - · General - · #,##0 - · #,##0 - · #,##0 - · #,##0 - · #,##0 calc · #,##0 calc · #,##0 calc · #,##0 calc · #,##0 calc · #,##0 calc · #,##0 calc · #,##0 calc · #,##0 calc · #,##0 calc · #,##0 calc · General - · General -"],
        [TABLES.plan, "General in · General in · General in · General in · General in · General in · General in · General in · @ in · @ in · @ in · 0 in · General in · General in · General in"],
    ];
    for (const [name, columns] of expected) expect([name, look(name)]).toEqual([name, columns]);
    expect(data.tables.length).toBe(expected.length);
  });
});

describe("re-insert and upgrade lose nothing", () => {
  test("a planner's own rows are formatted by the unit they typed: a percent as one, a unit the template does not know as General", async () => {
    const data = await freshWorkbook();
    const t = data.table(TABLES.indicators)!;
    const rows: Array<[string, string]> = [["OWN-01", "%"], ["OWN-02", "倍"]];
    rows.forEach(([id, unit], i) => {
      data.type("规划指标", `A${t.row + t.height + 1 + i}`, id);
      data.type("规划指标", `E${t.row + t.height + 1 + i}`, unit);
    });
    t.height += rows.length;
    expect(data.at("规划指标", data.addressOf(TABLES.indicators, "OWN-01", IH.unit))!.formula).toBe("%");
    written((await insert(data, "ask")).outcome);
    const format = (id: string) => data.at("规划指标", data.addressOf(TABLES.indicators, id, yearHeader(2023)))?.numberFormat;
    expect([format("OWN-01"), format("OWN-02")]).toEqual(["0.00%", "General"]);
  });

  test("re-inserting over a workbook full of planner values keeps every one of them", async () => {
    const data = await freshWorkbook();
    const typed = fillAsPlanner(data);
    // The planner also adds an indicator of their own and a column of their own.
    const t = data.table(TABLES.indicators)!;
    const own = t.row + t.height;
    data.type("规划指标", `A${own + 1}`, "OWN-01");
    data.type("规划指标", `C${own + 1}`, "自定义指标：课后服务覆盖率");
    data.type("规划指标", `E${own + 1}`, "%");
    data.type("规划指标", `M${own + 1}`, 0.87);
    t.height++;
    data.type("规划指标", `X${t.row + 1}`, "科室备注 Our remarks");
    data.type("规划指标", `X${t.row + 2}`, "由基教科核对");
    t.width++;
    typed.set(`规划指标!M${own + 1}`, 0.87);
    typed.set(`规划指标!X${t.row + 2}`, "由基教科核对");

    const { outcome, syncs } = await insert(data);
    const report = written(outcome);
    expect(syncs).toBe(3);
    expectAllSurvive(data, typed);
    expect(report.conflicts).toEqual([]);
    expect(report.addedRows).toEqual([]);
    expect(report.createdTables).toEqual([]);
    // 23 indicators × 5 years × (value + note), the planner's own row, one year per task, the band of
    // T-VOC-04 and those prefilled on the other six 左右 tasks, the school's name, stage, enrolment and
    // classes. The plan definition's cells are the planner's too, its IDs included.
    const definition = data.tableRows(TABLES.plan).slice(1).reduce((n, row) => n + row.filter((c) => c !== "" && c !== null).length, 0);
    expect(report.preservedInputs).toBe(23 * 5 * 2 + 1 + PLAN.tasks.length + 7 + 4 + definition);
    // The planner's own row got the live formulas too.
    expect(data.column(TABLES.indicators, IH.status)[23]).toMatch(/^=PLAN.STATUS/);
    expect(data.tables.length).toBe(10);
  });

  test("an upgrade's new row leaves a column the planner added, and the note cells, blank", async () => {
    const data = await freshWorkbook();
    const t = data.table(TABLES.indicators)!;
    data.sheet(t.sheet)!.protected = false;
    // The planner's own column at the table's right edge, with a value in the first row.
    const own = String.fromCharCode(65 + t.col + t.width);
    data.type(t.sheet, `${own}${t.row + 1}`, "责任科室");
    data.type(t.sheet, `${own}${t.row + 2}`, "计财科");
    t.width++;
    const next: Plan = JSON.parse(JSON.stringify(PLAN));
    next.version = "9.0.0";
    next.indicators.push({ ...JSON.parse(JSON.stringify(PLAN.indicators.find((i) => i.id === "LOC-11")!)), id: "LOC-13", item: 13, names: { zh: "新增指标", en: "New indicator" } });
    written((await insert(data, "keep", next)).outcome);
    const ids = data.column(TABLES.indicators, IH.id);
    const row = ids.indexOf("LOC-13");
    expect(row).toBe(ids.length - 1);
    expect(data.column(TABLES.indicators, "责任科室")).toEqual(["计财科", ...ids.slice(1).map(() => "")]);
    for (const y of planYears(PLAN)) expect([y, data.column(TABLES.indicators, noteHeader(y))[row]]).toEqual([y, ""]);
    expect(data.column(TABLES.indicators, IH.target)[row]).toBe(data.column(TABLES.indicators, IH.target)[ids.indexOf("LOC-11")]);
  });

  test("an upgrade adds new rows, and asks before replacing a changed figure", async () => {
    const data = await freshWorkbook();
    const typed = fillAsPlanner(data);
    const next: Plan = JSON.parse(JSON.stringify(PLAN));
    next.version = "9.0.0";
    next.indicators.push({
      ...JSON.parse(JSON.stringify(PLAN.indicators.find((i) => i.id === "LOC-11")!)),
      id: "LOC-13",
      item: 13,
      names: { zh: "新增指标", en: "New indicator" },
    });
    next.indicators.find((i) => i.id === "LOC-10")!.target = { value: 0.9, comparator: "=", text: "90" };
    const before = JSON.stringify(data.sheets.map((s) => [...s.cells.entries()]));

    const asked = await insert(data, "ask", next);
    expect(asked.outcome.kind).toBe("confirm");
    expect(asked.syncs).toBe(2); // read only
    expect(JSON.stringify(data.sheets.map((s) => [...s.cells.entries()]))).toBe(before); // nothing written
    if (asked.outcome.kind !== "confirm") return;
    expect(asked.outcome.report.conflicts).toEqual([
      expect.objectContaining({ table: TABLES.indicators, key: "LOC-10", header: IH.target, workbook: 0.85, template: 0.9, address: data.addressOf(TABLES.indicators, "LOC-10", IH.target) }),
    ]);

    const kept = written((await insert(data, "keep", next)).outcome);
    expect(kept.resolution).toBe("keep");
    expect(kept.upgradedFrom).toBe(`${PLAN.id} ${PLAN.version}`);
    expect(kept.addedRows).toEqual([
      { table: TABLES.indicators, keys: ["LOC-13"] },
      { table: TABLES.plan, keys: ["LOC-13"] },
    ]);
    expect(data.column(TABLES.indicators, IH.target)[data.column(TABLES.indicators, IH.id).indexOf("LOC-10")]).toBe(0.85);
    expect(data.column(TABLES.indicators, IH.id).at(-1)).toBe("LOC-13");
    expect(data.column(TABLES.indicators, IH.status).at(-1)).toMatch(/^=PLAN.STATUS/);
    expectAllSurvive(data, typed);
    expect(data.at("PM_Meta", "B2")!.formula).toBe("9.0.0");

    const replaced = written((await insert(data, "replace", next)).outcome);
    expect(replaced.resolution).toBe("replace");
    expect(data.column(TABLES.indicators, IH.target)[data.column(TABLES.indicators, IH.id).indexOf("LOC-10")]).toBe(0.9);
    expectAllSurvive(data, typed);
  });

  test("an upgrade that changes a target printed as text asks first, as for a number (sixth sample, seed 20261206)", async () => {
    const data = await freshWorkbook();
    const next: Plan = JSON.parse(JSON.stringify(PLAN));
    next.version = "9.0.0";
    next.indicators.find((i) => i.id === "LOC-04-PRI")!.target = { value: 0.38, comparator: "<", text: "＜0.38" };
    const asked = await insert(data, "ask", next);
    expect(asked.outcome.kind === "confirm" ? asked.outcome.report.conflicts.map((c) => [c.key, c.header, c.workbook, c.template]) : asked.outcome.kind).toEqual([["LOC-04-PRI", IH.target, "＜0.40", "＜0.38"]]);
  });

  test("a template ID typed into a second row: that row is the planner's own, no conflict, its figures kept", async () => {
    const data = await freshWorkbook();
    const sheet = data.table(TABLES.indicators)!.sheet;
    // LOC-02's row retyped as a second LOC-01 (target 100 % against LOC-01's 94 %).
    const target = data.addressOf(TABLES.indicators, "LOC-02", IH.target);
    data.type(sheet, data.addressOf(TABLES.indicators, "LOC-02", IH.id), "LOC-01");
    const again = await insert(data, "ask");
    expect(again.outcome.kind).toBe("written");
    expect(data.at(sheet, target)!.formula).toBe(1);
  });

  test("a value typed over a computed cell is a conflict, never silently overwritten", async () => {
    const data = await freshWorkbook();
    const address = data.addressOf(TABLES.indicators, "INT-03", IH.status);
    data.type("规划指标", address, "已达标（人工判断）");
    const asked = await insert(data, "ask");
    expect(asked.outcome.kind).toBe("confirm");
    written((await insert(data, "keep")).outcome);
    expect(data.at("规划指标", address)!.formula).toBe("已达标（人工判断）");
  });

  test("a target cell equal to the template's but for spaces is no conflict; a cleared one is filled again without asking", async () => {
    // Third mutation sample (seed 20261203): figure cells compared as the planner reads them.
    const data = await freshWorkbook();
    const spaced = data.addressOf(TABLES.indicators, "LOC-04-PRI", IH.target);
    const cleared = data.addressOf(TABLES.indicators, "LOC-10", IH.target);
    const template = data.at("规划指标", cleared)!.formula;
    data.type("规划指标", spaced, "＜0.40 ");
    data.type("规划指标", cleared, null);
    expect(written((await insert(data, "ask")).outcome).conflicts).toEqual([]);
    expect(data.at("规划指标", spaced)!.formula).toBe("＜0.40 ");
    expect(data.at("规划指标", cleared)!.formula).toBe(template);
  });

  test("headers of an earlier version are renamed in place: no second column, the planner's values kept", async () => {
    // Earlier versions called these columns "预期值 Expected" and "完成度 Completion" (layout.ts RENAMED_HEADERS).
    const data = await freshWorkbook();
    const typed = fillAsPlanner(data);
    const t = data.table(TABLES.indicators)!;
    const header = (c: number) => data.at(t.sheet, `${String.fromCharCode(65 + t.col + c)}${t.row + 1}`)?.formula;
    const headers = () => Array.from({ length: t.width }, (_, c) => header(c));
    const original = headers();
    const col = (h: string) => original.indexOf(h);
    // As an earlier version wrote them (the double's keystrokes respect protection; a version's own header does not need them to).
    data.sheet(t.sheet)!.protected = false;
    for (const [old, now] of [["预期值 Expected", IH.expected], ["完成度 Completion", IH.completion]] as const) {
      data.type(t.sheet, `${String.fromCharCode(65 + t.col + col(now))}${t.row + 1}`, old);
    }
    const width = t.width;
    written((await insert(data, "ask")).outcome);
    expect([t.width, headers()]).toEqual([width, original]);
    expect(data.column(TABLES.indicators, IH.expected)[0]).toMatch(/^=IFNA\(PLAN\.EXPECTED\(/);
    expectAllSurvive(data, typed);
  });

  test("a row the planner deleted is reported, not restored, on a re-insert of the same version", async () => {
    const data = await freshWorkbook();
    // Delete LOC-12 (the last row) as Excel would: the table shrinks.
    const t = data.table(TABLES.indicators)!;
    const last = t.row + t.height - 1;
    for (let c = 0; c < t.width; c++) data.sheet("规划指标")!.cells.delete(`${t.col + c},${last}`);
    t.height--;
    const report = written((await insert(data)).outcome);
    expect(report.notRestored).toEqual(["LOC-12"]);
    expect(data.column(TABLES.indicators, IH.id)).not.toContain("LOC-12");
  });

  test("a table without its ID column is refused with a message naming it; nothing is written", async () => {
    const data = await freshWorkbook();
    const t = data.table(TABLES.indicators)!;
    data.type("规划指标", `A${t.row + 1}`, "编号");
    const before = JSON.stringify(data.sheets.map((s) => [...s.cells.entries()]));
    const { outcome, syncs } = await insert(data);
    expect(outcome).toMatchObject({ kind: "error", message: { zh: expect.stringContaining("缺少列“ID”"), en: expect.stringContaining('has no column "ID"') } });
    expect(syncs).toBe(2);
    expect(JSON.stringify(data.sheets.map((s) => [...s.cells.entries()]))).toBe(before);
  });

  test("a sheet name already taken by the planner is left alone", async () => {
    const data = new FakeWorkbookData();
    data.addSheet("规划指标");
    data.type("规划指标", "A1", "我的草稿");
    written((await insert(data)).outcome);
    expect(data.at("规划指标", "A1")!.formula).toBe("我的草稿");
    expect(data.table(TABLES.indicators)!.sheet).toBe("规划指标 (2)");
  });

  test("the next free number, whatever the case of the names taken (Excel's sheet names ignore case)", async () => {
    const data = new FakeWorkbookData();
    for (const name of ["indicators", "INDICATORS (2)", "task TARGETS"]) data.addSheet(name);
    written((await insert(data, "ask", PLAN, "en")).outcome);
    expect(data.table(TABLES.indicators)!.sheet).toBe("Indicators (3)");
    expect(data.table(TABLES.tasks)!.sheet).toBe("Task targets (2)");
    expect(data.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["indicators", "INDICATORS (2)", "task TARGETS"]));
  });

  test("sheets the add-in protected are unprotected for the write and protected again", async () => {
    const data = await freshWorkbook();
    await setProtection(excelPort(new FakeContext(data).excel), true);
    const typed = fillAsPlanner(data, { protectedOk: true });
    const ctx = new FakeContext(data);
    written(await insertTemplate(excelPort(ctx.excel), { language: "zh", onConflict: "ask", plan: PLAN, year: 2023 }));
    expect(ctx.syncCount).toBe(2 + 3); // read; then unprotect, write, protect as three batches
    expectAllSurvive(data, typed);
    const templateSheets = new Set(data.tables.map((t) => t.sheet));
    expect(templateSheets.size).toBe(10);
    expect(data.sheets.filter((s) => templateSheets.has(s.name)).every((s) => s.protected)).toBe(true);
  });

  test("a sheet someone else protected (here with a password) is left alone, with a message, and nothing written", async () => {
    const data = await freshWorkbook();
    const sheet = data.sheet("任务目标")!;
    sheet.protected = true;
    sheet.password = "secret";
    data.type("规划指标", data.addressOf(TABLES.indicators, "LOC-01", IH.status), ""); // a change an insert would repair
    const before = JSON.stringify(data.sheets.map((s) => [...s.cells.entries()]));
    const outcome = (await insert(data)).outcome;
    expect(outcome).toMatchObject({ kind: "error", message: { zh: expect.stringContaining("工作表“任务目标”已被保护"), en: expect.stringContaining('The sheet "任务目标" is protected') } });
    expect(JSON.stringify(data.sheets.map((s) => [...s.cells.entries()]))).toBe(before);
    expect(sheet).toMatchObject({ protected: true, password: "secret" });
  });

  test("a write that fails inside a protected batch leaves the sheet protected", async () => {
    const data = await freshWorkbook();
    await setProtection(excelPort(new FakeContext(data).excel), true);
    const ctx = new FakeContext(data);
    const ops: WriteOp[] = [
      { op: "unprotect", sheet: "规划指标" },
      { op: "setCells", sheet: "规划指标", address: "A1", formulas: [["x"]] },
      { op: "setCells", sheet: "No such sheet", address: "A1", formulas: [["y"]] },
      { op: "protect", sheet: "规划指标" },
    ];
    await expect(applyOps(ctx.excel, ops)).rejects.toThrow(/No such sheet/);
    expect(data.sheet("规划指标")!.protected).toBe(true);
  });

  test("with protection on, a school (or an indicator, a task) is added through the add-in", async () => {
    const data = await freshWorkbook();
    await setProtection(excelPort(new FakeContext(data).excel), true);
    const before = data.tableRows(TABLES.schools).length;
    // Excel: typing below a table on a protected sheet does not extend it; the double refuses too.
    expect(await addRows(excelPort(new FakeContext(data).excel), "schools", 2)).toEqual({ kind: "added", table: TABLES.schools, count: 2 });
    const rows = data.tableRows(TABLES.schools);
    expect(rows.length).toBe(before + 2);
    expect(rows.at(-1)!.at(-1)).toMatch(/^=IF\(COUNT/); // the 2017 rule's formula came with the row
    expect(data.sheet("学校数据")!.protected).toBe(true);
    // The planner then names the school and types its inputs; the computed cells stay out of reach.
    const schools = data.table(TABLES.schools)!;
    const last = schools.row + schools.height; // 1-based row of the last body row
    const at = (c: number) => `${String.fromCharCode(65 + schools.col + c)}${last}`;
    data.type("学校数据", at(0), "新建实验小学");
    data.type("学校数据", at(1), "小学");
    data.type("学校数据", at(2), 900);
    expect(data.column(TABLES.schools, SH.school).at(-1)).toBe("新建实验小学");
    expect(() => data.type("学校数据", at(schools.width - 1), "达标")).toThrow(/protected sheet/);
    expect(await addRows(excelPort(new FakeContext(data).excel), "tasks", 1)).toMatchObject({ kind: "added" });
    expect(data.column(TABLES.tasks, TH.status).at(-1)).toMatch(/^=PLAN.STATUS/);
    // A building project (issue 14): the row comes with its late-mark formula; the sheet stays protected.
    const projects = data.tableRows(TABLES.projects).length;
    expect(await addRows(excelPort(new FakeContext(data).excel), "projects", 1)).toEqual({ kind: "added", table: TABLES.projects, count: 1 });
    expect(data.tableRows(TABLES.projects).length).toBe(projects + 1);
    expect(data.column(TABLES.projects, PH.late).at(-1)).toMatch(/^=IF\(OR\(/);
    expect(data.sheet("建设项目")!.protected).toBe(true);
    const ledger = data.table(TABLES.projects)!;
    data.type("建设项目", `A${ledger.row + ledger.height}`, "湖塘实验小学扩建");
    expect(data.column(TABLES.projects, PH.name).at(-1)).toBe("湖塘实验小学扩建");
    expect(() => data.type("建设项目", `${String.fromCharCode(65 + ledger.width - 1)}${ledger.row + ledger.height}`, "逾期")).toThrow(/protected sheet/);
    // A definition row's ID is the planner's too; the ID of an indicator row comes from the plan.
    const definition = data.table(TABLES.plan)!;
    data.type(definition.sheet, `A${definition.row + 2}`, "LOC-99");
    expect(() => data.type("规划指标", "A6", "INT-99")).toThrow(/protected sheet/);
  });

  test("an English workbook keeps English labels on re-insert from a Chinese Office", async () => {
    const data = await freshWorkbook("en");
    expect(data.table(TABLES.indicators)!.sheet).toBe("Indicators");
    expect(data.column(TABLES.indicators, IH.direction)[4]).toBe("Lower is better");
    const report = written((await insert(data, "ask", PLAN, "zh")).outcome);
    expect(report.conflicts).toEqual([]);
    expect(data.tables.length).toBe(10);
    expect(data.column(TABLES.indicators, IH.direction)[4]).toBe("Lower is better");
  });
});

/** The cell writes a re-insert plans over a filled-in workbook, and whether one touches a cell (0-based). */
async function reinsertWrites() {
  const data = await freshWorkbook();
  fillAsPlanner(data);
  const snapshot = await excelPort(new FakeContext(data).excel).read();
  const result = planInsert(PLAN, snapshot, { language: "zh", onConflict: "ask", year: 2023 });
  if (result.kind !== "write") throw new Error(result.kind);
  const writes = result.ops.filter((o): o is Extract<WriteOp, { op: "setCells" }> => o.op === "setCells");
  const touched = (sheet: string, col: number, row: number) =>
    writes.some((w) => {
      if (w.sheet !== sheet) return false;
      const [from, to = from] = w.address.split(":").map((a) => parseAddress(a));
      return col >= from!.col && col <= to!.col && row >= from!.row && row <= to!.row;
    });
  return { data, writes, touched };
}

describe("a re-insert leaves the planner's columns alone", () => {
  // Not even the same value back: a write could turn text typed with an apostrophe into a number,
  // or overwrite what a colleague typed between the read and the write.
  test("no write touches a body cell of an input, note or typed-key column; computed columns are rewritten", async () => {
    const { data, touched } = await reinsertWrites();
    const planners = new Map<string, string[]>([
      [TABLES.indicators, [IH.band, ...YEARS.flatMap((y) => [yearHeader(y), noteHeader(y)])]],
      [TABLES.schools, [SH.school, SH.stage, SH.enrolment, SH.classes]],
      [TABLES.milestones, [MH.state, MH.doneYear, MH.note]],
      [TABLES.projects, [PH.name, PH.state, PH.note]],
    ]);
    for (const [name, headers] of planners) {
      const t = data.table(name)!;
      const head = data.tableRows(name)[0]!;
      for (const h of headers) {
        const c = t.col + head.indexOf(h);
        expect(head).toContain(h);
        for (let r = t.row + 1; r < t.row + t.height; r++) expect([name, h, r, touched(t.sheet, c, r)]).toEqual([name, h, r, false]);
      }
    }
    // The status column is computed: rewritten whole, so a formula lost to an edit comes back.
    const t = data.table(TABLES.indicators)!;
    const status = t.col + data.tableRows(TABLES.indicators)[0]!.indexOf(IH.status);
    expect(touched(t.sheet, status, t.row + 1)).toBe(true);
  });
});

describe("a re-insert and the template's key and label columns", () => {
  test("key columns (balance indicator, contradiction ID, funding year, programme part) are not rewritten, and no write leaves a cell undefined", async () => {
    const { data, writes, touched } = await reinsertWrites();
    // Office.js reads null or undefined in a 2D write as "leave this cell": every cell we write is meant.
    for (const w of writes) for (const row of w.formulas) for (const c of row) expect([w.sheet, w.address, c === undefined]).toEqual([w.sheet, w.address, false]);
    const keys: Array<[string, string]> = [
      [TABLES.balance, BH.indicator],
      [TABLES.contradictions, "ID"],
      [TABLES.funding, FH.year],
      [TABLES.build, BUH.id],
    ];
    for (const [name, header] of keys) {
      const t = data.table(name)!;
      const c = t.col + data.tableRows(name)[0]!.indexOf(header);
      expect([name, c >= t.col]).toEqual([name, true]);
      for (let r = t.row + 1; r < t.row + t.height; r++) expect([name, header, r, touched(t.sheet, c, r)]).toEqual([name, header, r, false]);
    }
  });

  test("a label the planner cleared comes back from the template (a contradiction's summary, the programme's task ID); one they retyped stays", async () => {
    const data = await freshWorkbook();
    const first = PLAN.contradictions[0]!;
    const summary = data.addressOf(TABLES.contradictions, first.id, CH.summary);
    const contradictions = data.table(TABLES.contradictions)!.sheet;
    const projects = data.addressOf(TABLES.build, "BLD-TOTAL", BUH.projectsTask);
    const build = data.table(TABLES.build)!.sheet;
    for (const name of [contradictions, build]) data.sheet(name)!.protected = false;
    data.type(contradictions, summary, "");
    data.type(build, projects, "");
    const second = data.addressOf(TABLES.contradictions, PLAN.contradictions[1]!.id, CH.summary);
    data.type(contradictions, second, "我们的说明");
    written((await insert(data, "replace")).outcome);
    expect(data.at(contradictions, summary)!.formula).toBe(first.summary.zh);
    expect(data.at(build, projects)!.formula).toBe(PLAN.building!.projectsTask);
    expect(data.at(contradictions, second)!.formula).toBe("我们的说明");
  });
});

describe("text stays text in Excel (issue 10)", () => {
  test("targets as printed, periods and the template version are written so Excel keeps them as text", async () => {
    const data = new FakeWorkbookData();
    await insertTemplate(excelPort(new FakeContext(data).excel), { language: "zh", onConflict: "ask", year: 2023 });
    const target = (id: string) => data.at("任务目标", data.addressOf(TABLES.tasks, id, TH.target))!.formula;
    // The double parses text as Excel does ("94 %" → 0.94); the add-in writes these with Excel's text prefix.
    expect(target("T-PRE-01")).toBe("94 %");
    expect(target("T-SEN-01")).toBe("100%");
    expect(target("T-BLD-KG-PROJ")).toBe("14");
    expect(data.at("任务目标", data.addressOf(TABLES.tasks, "T-LLL-02", TH.period))!.formula).toBe("2025");
    expect(data.at("PM_Meta", "B2")!.formula).toBe(PLAN.version);
    // What a planner types is parsed as Excel parses it.
    expect(excelParse("94 %")).toBe(0.94);
    expect(excelParse("'94 %")).toBe("94 %");
    expect(excelParse("2025", "@")).toBe("2025");
  });
});

describe("broken names (issue 10)", () => {
  test("PM_Year redefined as a constant or pointing at a deleted sheet: actions still read; re-insert repairs it", async () => {
    const data = await freshWorkbook();
    data.type("规划指标", "B3", 2024);
    data.names.set("PM_Year", { sheet: "Deleted", address: "B3", broken: true });
    // Reading no longer fails: getRangeOrNullObject, and the year is simply unknown.
    const summary = await summarizeYear(excelPort(new FakeContext(data).excel), 2023);
    expect(summary.kind).toBe("summary");
    written((await insert(data)).outcome);
    expect(data.names.get("PM_Year")).toEqual({ sheet: "规划指标", address: "B3" });
    expect(data.at("规划指标", "B3")!.formula).toBe(2024); // the planner's year is kept
  });

  test("a deleted PM_Year is added again on re-insert", async () => {
    const data = await freshWorkbook();
    data.names.delete("PM_Year");
    written((await insert(data)).outcome);
    expect(data.names.get("PM_Year")).toEqual({ sheet: "规划指标", address: "B3" });
  });
});

describe("filtered tables (issue 10)", () => {
  test("re-insert clears a table's filter for its whole-column writes and restores it, in the same round trip", async () => {
    const data = await freshWorkbook();
    const typed = fillAsPlanner(data);
    const criteria = Array.from({ length: data.table(TABLES.indicators)!.width }, () => ({}));
    criteria[1] = { filterOn: "Values", values: ["国际通用类指标"] };
    data.table(TABLES.indicators)!.filter = criteria;
    const ctx = new FakeContext(data);
    written(await insertTemplate(excelPort(ctx.excel), { language: "zh", onConflict: "ask", plan: PLAN, year: 2023 }));
    expect(ctx.syncCount).toBe(3);
    expectAllSurvive(data, typed);
    expect(data.table(TABLES.indicators)!.filter![1]).toEqual({ filterOn: "Values", values: ["国际通用类指标"] });
  });

  test("the double refuses a block written into a filtered table, as Excel has misplaced one", async () => {
    const data = await freshWorkbook();
    data.table(TABLES.indicators)!.filter = [{ filterOn: "Values", values: ["x"] }];
    const ctx = new FakeContext(data);
    const t = data.table(TABLES.indicators)!;
    await expect(applyOps(ctx.excel, [{ op: "setCells", sheet: t.sheet, address: `A${t.row + 2}:A${t.row + 3}`, formulas: [["a"], ["b"]] }])).rejects.toThrow(/filtered table/);
  });
});

describe("the double is as strict as Excel (excel.md)", () => {
  test("a failing command rejects the sync: the commands before it applied, the ones after it not", async () => {
    const data = await freshWorkbook();
    const ctx = new FakeContext(data);
    await expect(
      applyOps(ctx.excel, [
        { op: "setCells", sheet: "规划指标", address: "Z1", formulas: [["before"]] },
        { op: "setCells", sheet: "No such sheet", address: "A1", formulas: [["x"]] },
        { op: "setCells", sheet: "规划指标", address: "Z2", formulas: [["after"]] },
      ]),
    ).rejects.toThrow(/No such sheet/);
    expect(data.at("规划指标", "Z1")!.formula).toBe("before");
    expect(data.at("规划指标", "Z2")?.formula ?? "").toBe("");
  });

  test("validation cleared over a range removes every overlapping rule; a hidden sheet cannot be selected", async () => {
    const data = await freshWorkbook();
    const s = data.sheet("规划指标")!;
    const before = s.validations.length;
    await applyOps(new FakeContext(data).excel, [{ op: "validation", sheet: "规划指标", address: "N7", rule: { kind: "whole", min: 0 }, prompt: "p", error: "e", title: "t" }]);
    // The year column's rule (N6:N28) overlapped N7 and is gone; only N7's own rule remains there.
    // (N4 above the table is the 2023 mark cell's own rule, which N7's does not overlap.)
    expect(s.validations.filter((v) => v.address.includes("!N")).map((v) => v.address)).toEqual(["'规划指标'!N4:N4", "'规划指标'!N7:N7"]);
    expect(s.validations.length).toBe(before);
    await expect(applyOps(new FakeContext(data).excel, [{ op: "select", sheet: "PM_Meta", address: "A1" }])).rejects.toThrow(/hidden/);
  });
});

describe("year marks: one cell per year above the indicator table (§7a.6)", () => {
  test("insert names J4:R4, gives each year cell a list and a prompt, labels the row; a mark set there reaches every report", async () => {
    const data = new FakeWorkbookData();
    data.addSheet("Sheet1");
    written((await insert(data)).outcome);
    expect(data.names.get("PM_YearMarks")).toMatchObject({ sheet: "规划指标", address: "J4:R4" });
    const s = data.sheet("规划指标")!;
    for (const cell of ["J4", "L4", "N4", "P4", "R4"]) {
      const v = s.validations.find((x) => x.address.endsWith(`!${cell}:${cell}`))!;
      expect([cell, v.rule]).toEqual([cell, { list: { inCellDropDown: true, source: "实际,预计,初步" } }]);
    }
    // The note columns between the years take no mark.
    expect(s.validations.some((x) => x.address.endsWith("!K4:K4"))).toBe(false);
    expect(data.at("规划指标", "I4")!.formula).toBe("数据性质 →");
    // The planner marks 2025 as estimated: the snapshot, the data check and the final evaluation follow.
    data.at("规划指标", "R4")!.formula = "预计";
    const snapshot = await readSnapshot(new FakeContext(data).excel as never);
    expect(snapshot.yearMarks).toMatchObject({ sheet: "规划指标", col: 9, row: 3 });
    expect([...yearMarks(snapshot)]).toEqual([[2025, "estimate"]]);
    // Insert again: the name and the mark stay, nothing is added twice.
    written((await insert(data)).outcome);
    expect(data.at("规划指标", "R4")!.formula).toBe("预计");
    expect([...yearMarks(await readSnapshot(new FakeContext(data).excel as never))]).toEqual([[2025, "estimate"]]);
  });
});
