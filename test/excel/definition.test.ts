/**
 * The plan definition (issue 15) through the Office.js adapter against the Excel double: written on
 * insert, read back into exactly the plan it came from; refused, naming cells and writing nothing,
 * when it is wrong; applied, it keeps every value entered and carries the previous final values over.
 */
import { excelPort } from "../../src/excel/port";
import { readSnapshot } from "../../src/excel/snapshot";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "./fake-excel";
import { applyDefinition, exportPlan, insertTemplate, summarizeYear } from "../../src/usecases/workbook";
import { generateReport } from "../../src/usecases/report";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { loadPlan } from "../../src/core/plan/load";
import { readDefinition } from "../../src/core/workbook/definition";
import { DH, IH, TABLES, noteHeader, yearHeader } from "../../src/core/workbook/layout";

beforeAll(installExcelEnums);

const PLAN = embeddedPlan();

async function fresh(language: "zh" | "en" = "zh") {
  const data = new FakeWorkbookData();
  data.addSheet("Sheet1");
  expect((await insertTemplate(excelPort(new FakeContext(data).excel), { language, onConflict: "ask", year: 2023 })).kind).toBe("written");
  return data;
}

const port = (data: FakeWorkbookData) => excelPort(new FakeContext(data).excel);
const sheetOf = (data: FakeWorkbookData) => data.table(TABLES.plan)!.sheet;
const cellsOf = (data: FakeWorkbookData) => JSON.stringify(data.sheets.map((s) => [s.name, [...s.cells.entries()]]));

describe("the definition written on insert", () => {
  test.each(["zh", "en"] as const)("reads back into exactly the embedded plan (%s): indicators, tasks of every kind, milestones", async (language) => {
    const data = await fresh(language);
    const snapshot = await readSnapshot(new FakeContext(data).excel as never);
    const read = readDefinition(snapshot, PLAN, language);
    expect(read.kind).toBe("ok");
    if (read.kind === "ok") expect(read.plan).toEqual(PLAN);
    // Every kind of row is there: figures, bounds, about, ranges, "a–b…以上", per year, change, milestones.
    const kinds = data.column(TABLES.plan, DH.kind);
    expect(new Set(kinds)).toEqual(new Set(language === "zh" ? ["指标", "任务", "里程碑"] : ["Indicator", "Task", "Milestone"]));
    expect(data.at(sheetOf(data), "B3")!.formula).toBe(2020);
    expect(data.names.get("PM_TargetYear")).toMatchObject({ address: expect.stringMatching(/^\$?D\$?3$/) });
  });

  test("the workbook carries the plan it follows: export gives it back as JSON the loader accepts", async () => {
    const data = await fresh();
    const { fileName, json } = await exportPlan(port(data));
    expect(fileName).toBe(`${PLAN.id}.json`);
    const loaded = loadPlan(json);
    expect(loaded.ok && loaded.plan).toEqual(PLAN);
    // Stored in PM_Meta column H in chunks short enough for Office.js writes (office-js #3256).
    const chunks = [...data.sheet("PM_Meta")!.cells.entries()].filter(([k]) => k.startsWith("7,")).map(([, c]) => String(c.formula));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(8001);
  });
});

describe("the building programme follows its tasks in the definition", () => {
  // The programme reads the ledger into tasks; without one of them it has nothing to feed.
  // A row deleted with the rows that link to it (a part's task links to the programme's total).
  const without = (snapshot: Awaited<ReturnType<typeof readSnapshot>>, id: string) => {
    const t = snapshot.tables.plan!;
    const link = t.headers.indexOf(DH.link);
    const keep = t.formulas.map((row) => row[0] !== id && row[link] !== id);
    return { ...snapshot, tables: { ...snapshot.tables, plan: { ...t, formulas: t.formulas.filter((_, i) => keep[i]), values: t.values.filter((_, i) => keep[i]) } } };
  };

  test("every task it names still defined: the programme stays; one deleted (the whole or a part's): it goes", async () => {
    const building = PLAN.building!;
    const snapshot = await readSnapshot(new FakeContext(await fresh()).excel as never);
    const all = readDefinition(snapshot, PLAN, "zh");
    expect(all.kind === "ok" && all.plan.building).toEqual(building);
    const partTask = building.parts.map((p) => p.placesTask ?? p.projectsTask).find((t) => t !== undefined);
    for (const id of [building.projectsTask, building.placesTask, partTask!]) {
      const read = readDefinition(without(snapshot, id), PLAN, "zh");
      expect([id, read.kind, read.kind === "ok" ? read.plan.building : "refused"]).toEqual([id, "ok", undefined]);
    }
  });

  test("a plan without a building programme gets no project ledger and no building table", async () => {
    const data = new FakeWorkbookData();
    const plan = { ...PLAN, building: undefined };
    expect((await insertTemplate(excelPort(new FakeContext(data).excel), { language: "zh", onConflict: "ask", plan, year: 2023 })).kind).toBe("written");
    expect(data.tables.map((t) => t.name)).toEqual([TABLES.indicators, TABLES.tasks, TABLES.milestones, TABLES.schools, TABLES.balance, TABLES.contradictions, TABLES.funding, TABLES.plan]);
    expect(data.sheets.map((s) => s.name)).not.toContain("建设项目");
  });
});

describe("numbers typed into a percent row of the definition", () => {
  test("94 is points (94 %), 0.94 a fraction; up to 1.5 reads as a fraction (150 %), above it as points", async () => {
    const data = await fresh();
    const sheet = sheetOf(data);
    // Indicators that rise from their baseline to a share (direction higher).
    const typed: Array<[string, number, number]> = [
      ["INT-04", 94, 0.94],
      ["LOC-03-PRI", 0.94, 0.94],
      ["LOC-03-JUN", 1.5, 1.5],
      ["LOC-07", 150, 1.5],
      // Not a percent row: a number is itself.
      ["INT-05-PRI", 16.5, 16.5],
    ];
    for (const [id, value] of typed) data.type(sheet, data.addressOf(TABLES.plan, id, DH.target), value);
    const read = readDefinition(await readSnapshot(new FakeContext(data).excel as never), PLAN, "zh");
    expect(read.kind === "ok" ? "ok" : JSON.stringify(read)).toBe("ok");
    if (read.kind !== "ok") return;
    const target = (id: string) => read.plan.indicators.find((i) => i.id === id)!.target.value;
    expect(typed.map(([id]) => [id, target(id)])).toEqual(typed.map(([id, , v]) => [id, v]));
  });

  test("text in a percent row (the column is formatted as text) is points; a bare fraction below 1.5 is refused as ambiguous", async () => {
    const data = await fresh();
    const sheet = sheetOf(data);
    const at = (id: string) => data.addressOf(TABLES.plan, id, DH.target);
    const read = async (typed: Array<[string, string]>) => {
      for (const [id, text] of typed) data.type(sheet, at(id), text);
      return readDefinition(await readSnapshot(new FakeContext(data).excel as never), PLAN, "zh");
    };
    // "94" and "94%" are 94 %.
    const ok = await read([
      ["INT-04", "94"],
      ["LOC-03-PRI", "94%"],
    ]);
    expect(ok.kind === "ok" ? ["INT-04", "LOC-03-PRI"].map((id) => ok.plan.indicators.find((i) => i.id === id)!.target.value) : ok).toEqual([0.94, 0.94]);
    // "0.94" alone would be 0.94 %: too easily meant as 94 %, so the cell is named with both readings.
    const bad = await read([["INT-04", "0.94"]]);
    expect(bad.kind).toBe("invalid");
    if (bad.kind !== "invalid") return;
    expect(bad.problems.map((p) => [p.address, p.message.zh])).toEqual([[at("INT-04"), `${sheet}!${at("INT-04")}：百分比行中的“0.94”会被读作 0.94%。如指 94%，请填写“94”或“94%”。`]]);
  });
});

describe("a bad definition is refused, naming each cell; nothing is written", () => {
  test("duplicate ID, text where a target belongs, target year before base year, unknown unit", async () => {
    const data = await fresh();
    const sheet = sheetOf(data);
    const at = (id: string, h: string) => data.addressOf(TABLES.plan, id, h);
    data.type(sheet, at("LOC-02", DH.id), "LOC-01"); // a second LOC-01
    data.type(sheet, at("LOC-10", DH.target), "大幅提高");
    data.type(sheet, at("LOC-11", DH.unit), "百分点");
    data.type(sheet, "D3", 2019);
    const before = cellsOf(data);
    const ctx = new FakeContext(data);
    const outcome = await applyDefinition(excelPort(ctx.excel), { language: "zh", onConflict: "replace" });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    const where = outcome.problems.map((p) => `${p.sheet}!${p.address}`);
    expect(where).toEqual(expect.arrayContaining([`${sheet}!D3`, `${sheet}!${at("LOC-10", DH.target)}`, `${sheet}!${at("LOC-11", DH.unit)}`]));
    const text = (address: string) => outcome.problems.find((p) => p.address === address)!.message;
    expect(text("D3").zh).toContain("目标年 2019 不晚于基期年 2020");
    expect(text(at("LOC-10", DH.target)).zh).toContain("“大幅提高”不是数值");
    expect(text(at("LOC-10", DH.target)).en).toContain('"大幅提高" is no figure');
    expect(text(at("LOC-11", DH.unit)).en).toContain('the unit "百分点" is not known');
    expect(outcome.message.zh).toContain("未做任何修改");
    expect(ctx.syncCount).toBe(2); // read only
    expect(cellsOf(data)).toBe(before);
  });

  test("a duplicate ID alone is named at the second row's ID cell (the loader's check, mapped to its cell)", async () => {
    const data = await fresh();
    const sheet = sheetOf(data);
    const address = data.addressOf(TABLES.plan, "LOC-02", DH.id);
    data.type(sheet, address, "LOC-01");
    const outcome = await applyDefinition(port(data), { language: "zh", onConflict: "replace" });
    expect(outcome).toMatchObject({ kind: "invalid", problems: [expect.objectContaining({ sheet, address, message: expect.objectContaining({ zh: expect.stringContaining("LOC-01") }) })] });
  });
});

describe("applying an edited definition", () => {
  test("keeps every value entered; a changed target and a new indicator arrive, with live formulas", async () => {
    const data = await fresh();
    const ind = data.table(TABLES.indicators)!.sheet;
    const typed = new Map<string, unknown>();
    PLAN.indicators.forEach((i, k) => {
      for (const y of [2021, 2022, 2023]) {
        const address = data.addressOf(TABLES.indicators, i.id, yearHeader(y));
        const value = i.unit === "percent" ? 0.5 + k / 100 : 10 + k;
        data.type(ind, address, value);
        typed.set(address, value);
      }
      const note = data.addressOf(TABLES.indicators, i.id, noteHeader(2022));
      data.type(ind, note, `说明 ${i.id}`);
      typed.set(note, `说明 ${i.id}`);
    });
    const sheet = sheetOf(data);
    data.type(sheet, data.addressOf(TABLES.plan, "LOC-10", DH.target), "88");
    const t = data.table(TABLES.plan)!;
    const row = t.row + t.height + 1;
    const values = ["NEW-99", "指标", "地方发展性指标", "课后服务覆盖率", "After-school coverage", "", "%", "越高越好", "80", "98", "", 1, ""];
    values.forEach((v, c) => data.type(sheet, `${String.fromCharCode(65 + c)}${row}`, v));
    t.height++;

    const asked = await applyDefinition(port(data), { language: "zh", onConflict: "ask" });
    expect(asked.kind).toBe("confirm"); // LOC-10's target differs from the table's: asked first
    const outcome = await applyDefinition(port(data), { language: "zh", onConflict: "replace" });
    expect(outcome.kind).toBe("written");
    if (outcome.kind !== "written") return;
    expect(outcome.report.addedRows).toEqual([{ table: TABLES.indicators, keys: ["NEW-99"] }]);
    for (const [address, value] of typed) expect([address, data.at(ind, address)!.formula]).toEqual([address, value]);
    const ids = data.column(TABLES.indicators, IH.id);
    expect(data.column(TABLES.indicators, IH.target)[ids.indexOf("LOC-10")]).toBe(0.88);
    expect(data.column(TABLES.indicators, IH.status)[ids.indexOf("NEW-99")]).toMatch(/^=PLAN\.STATUS\(/);
    // The plan every action follows now is the applied one.
    const summary = await summarizeYear(port(data), 2023);
    expect(summary.kind === "summary" && summary.summary.counts.noData).toBe(1); // NEW-99: no value yet
  });

  test("a new period in the same workbook: blank baselines take the previous final values, marked; new year columns; the year moves in", async () => {
    const data = await fresh();
    const ind = data.table(TABLES.indicators)!.sheet;
    data.type(ind, data.addressOf(TABLES.indicators, "LOC-01", yearHeader(2025)), 0.951);
    const sheet = sheetOf(data);
    data.type(sheet, "B3", 2025);
    data.type(sheet, "D3", 2030);
    const baseline = data.addressOf(TABLES.plan, "LOC-01", DH.baseline);
    data.type(sheet, baseline, "");
    data.type(sheet, data.addressOf(TABLES.plan, "LOC-01", DH.target), "97"); // the new plan's target
    // The old plan's tasks and milestones, dated 2021–2025, are not part of the new one: cleared from the definition.
    const ids = data.column(TABLES.plan, DH.id) as string[];
    const kinds = data.column(TABLES.plan, DH.kind);
    const t = data.table(TABLES.plan)!;
    const planHeaders = data.tableRows(TABLES.plan)[0]!;
    ids.forEach((_, i) => {
      if (kinds[i] === "指标") return;
      for (const h of [DH.id, DH.kind, DH.name]) data.type(sheet, `${String.fromCharCode(65 + t.col + planHeaders.indexOf(h))}${t.row + 2 + i}`, "");
    });
    const outcome = await applyDefinition(port(data), { language: "zh", onConflict: "replace" });
    if (outcome.kind === "invalid") throw new Error(outcome.problems.map((p) => p.message.en).join("\n"));
    expect(outcome.kind).toBe("written");
    if (outcome.kind !== "written") return;
    expect(outcome.carried).toEqual([expect.objectContaining({ id: "LOC-01", value: 0.951, address: baseline, from: 2025 })]);
    expect(data.at(sheet, baseline)!.formula).toBe("95.1");
    expect(data.at(sheet, baseline)!.fill).toBe("#FFEB9C");
    expect(data.column(TABLES.plan, DH.note)[data.column(TABLES.plan, DH.id).indexOf("LOC-01")]).toBe("沿用上期 2025 年终值，可修改");
    const headers = data.tableRows(TABLES.indicators)[0]!;
    for (const y of [2026, 2030]) expect(headers).toContain(yearHeader(y));
    expect(data.at(ind, "B3")!.formula).toBe(2026);
    expect(data.column(TABLES.indicators, IH.baseline)[data.column(TABLES.indicators, IH.id).indexOf("LOC-01")]).toBe(0.951);
    // Reports follow the new period.
    const report = await generateReport(port(data), { language: "zh", year: 2026 });
    expect(report).toMatchObject({ kind: "written", sheet: "2026年度监测报告" });
  });
});

describe("moving a workbook to a new period in place", () => {
  test("rows on the old period's years are offered the new one in one step: kept, each is refused as before; moved, the definition and the tables follow", async () => {
    const data = await fresh();
    const sheet = sheetOf(data);
    data.type(sheet, "B3", 2025);
    data.type(sheet, "D3", 2030);
    const period = data.addressOf(TABLES.plan, "T-BLD-PROJ", DH.period);
    const before = data.at(sheet, period)!.formula;
    const asked = await applyDefinition(port(data), { language: "zh", onConflict: "replace" });
    expect(asked.kind).toBe("movePeriods");
    if (asked.kind !== "movePeriods") return;
    // All 50 tasks and 14 milestones are dated 2021–2025. By hand: 2021–2023 → 2026–2028 (with the start),
    // 2021–2025 → 2026–2030, 2025 (the old target year) → 2030.
    expect(asked.moves).toHaveLength(64);
    const to = new Map(asked.moves.map((m) => [m.id, m.to]));
    expect([to.get("T-BLD-PROJ"), to.get("T-PRE-01"), to.get(PLAN.tasks.find((t) => t.period.from === 2025)!.id), to.get(PLAN.milestones[0]!.id)]).toEqual(["2026–2028", "2026–2030", "2030", "2030"]);
    expect(asked.moves.find((m) => m.id === "T-BLD-PROJ")).toEqual({ id: "T-BLD-PROJ", sheet, address: period, from: "2021–2023", to: "2026–2028" });
    expect(asked.message.zh).toMatch(/^规划期已由 2021–2025 改为 2026–2030：有 64 行任务或里程碑的期间沿用旧规划期（T-PRE-01 2021–2025 → 2026–2030；/);
    // Asking wrote nothing.
    expect(data.at(sheet, period)!.formula).toBe(before);
    expect(data.tableRows(TABLES.indicators)[0]).toContain(yearHeader(2021));
    // Kept: each row is refused at its period cell, as before the question existed.
    const kept = await applyDefinition(port(data), { language: "zh", onConflict: "replace", movePeriods: false });
    expect(kept.kind === "invalid" && kept.problems.find((p) => p.address === period)?.message.zh).toBe(`${sheet}!${period}：期间“2021–2023”超出规划期 2026–2030。`);
    // Moved: one apply, the definition's period cells rewritten, the tables on the new years.
    const moved = await applyDefinition(port(data), { language: "zh", onConflict: "replace", movePeriods: true });
    if (moved.kind === "invalid") throw new Error(moved.problems.map((p) => p.message.en).join("\n"));
    expect(moved.kind).toBe("written");
    if (moved.kind !== "written") return;
    expect(moved.moves).toHaveLength(64);
    expect(moved.plan.tasks.find((t) => t.id === "T-BLD-PROJ")!.period).toEqual({ from: 2026, to: 2028 });
    expect(moved.plan.milestones.every((m) => m.plannedYear === 2030)).toBe(true);
    expect(data.at(sheet, period)!.formula).toBe("2026–2028");
    for (const y of [2026, 2030]) expect(data.tableRows(TABLES.tasks)[0]).toContain(yearHeader(y));
    // Applied again, nothing more to move and nothing asked.
    expect((await applyDefinition(port(data), { language: "zh", onConflict: "replace" })).kind).toBe("written");
  });
});

describe("a defined name the definition relies on, deleted (§7a.7)", () => {
  test("PM_BaseYear deleted: apply names the missing name, not a blank year; insert restores it and apply then works", async () => {
    const data = await fresh();
    data.names.delete("PM_BaseYear");
    const refused = await applyDefinition(port(data), { language: "zh", onConflict: "replace" });
    expect(refused.kind).toBe("invalid");
    const problems = refused.kind === "invalid" ? refused.problems : [];
    expect(problems.map((p) => [p.address, p.message.zh])).toEqual([[
      "B3",
      `工作簿中找不到名称 PM_BaseYear（应指向 ${sheetOf(data)}!B3），可能已被删除。请点击“插入模板”恢复该名称（已填写的内容不会改变），再应用规划定义。`,
    ]]);
    expect(problems[0]!.message.en).toContain("has no name PM_BaseYear");
    const before = data.at(sheetOf(data), "B3")!.formula;
    expect((await insertTemplate(port(data), { language: "zh", onConflict: "ask" })).kind).toBe("written");
    expect(data.names.get("PM_BaseYear")).toMatchObject({ sheet: sheetOf(data), address: expect.stringMatching(/^\$?B\$?3$/) });
    expect(data.at(sheetOf(data), "B3")!.formula).toBe(before);
    expect((await applyDefinition(port(data), { language: "zh", onConflict: "replace" })).kind).toBe("written");
  });

  test("PM_SchoolYear and a balance name deleted while their tables stand: insert restores both", async () => {
    const data = await fresh();
    const balanceName = [...data.names.keys()].find((n) => n.startsWith("PM_") && n.includes("Primary"))!;
    expect(balanceName).toBeDefined();
    const kept = { school: data.names.get("PM_SchoolYear"), balance: data.names.get(balanceName) };
    data.names.delete("PM_SchoolYear");
    data.names.delete(balanceName);
    expect((await insertTemplate(port(data), { language: "zh", onConflict: "ask" })).kind).toBe("written");
    expect([data.names.get("PM_SchoolYear"), data.names.get(balanceName)]).toEqual([kept.school, kept.balance]);
  });
});
