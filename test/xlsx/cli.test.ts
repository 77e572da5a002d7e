/**
 * The command line end to end: `npm run demo` writes a demo workbook, `npm run report` adds a
 * report sheet to a copy; both read back with exceljs.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellValue } from "../../src/xlsx/snapshot";
import { demoIndicatorValue } from "../../src/core/demo";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { buildReport } from "../../src/core/report/model";
import { snapshotFromWorkbook } from "../../src/xlsx/snapshot";
import { STATUS_LABELS as statusLabels } from "../../src/core/calc/status";
import { BASIS_LABELS, basisFromText } from "../../src/core/calc/achieved";
import { IH, MH, TH, noteHeader } from "../../src/core/workbook/layout";
import { main } from "../../src/xlsx/cli";
import { expectSchemaValid } from "./schema";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "plan-monitor-cli-"));
const run = (...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, "scripts/cli.mjs"), ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    // A merged range's value stands in its first cell; exceljs repeats it in the others, which hold none.
    out[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map((v, c) => {
      const cell = row.getCell(c + 1);
      return cell.isMerged && cell.master.address !== cell.address ? undefined : cellValue(v ?? null);
    });
  });
  return out;
}

const inputSheets = (wb: ExcelJS.Workbook) =>
  JSON.stringify(wb.worksheets.filter((ws) => !/年度监测报告$/.test(ws.name)).map((ws) => [ws.name, rows(ws)]));

describe("npm run demo / npm run report", () => {
  const demo = join(dir, "demo.xlsx");
  const out = join(dir, "demo-2022.xlsx");
  let demoBook: ExcelJS.Workbook;
  let outBook: ExcelJS.Workbook;

  beforeAll(async () => {
    expect(run("demo", "-o", demo)).toContain("示例工作簿已写入");
    expect(run("report", demo, "--year", "2022", "-o", out)).toContain("2022年度监测报告");
    [demoBook, outBook] = await Promise.all([open(demo), open(out)]);
  }, 120_000);

  test("the demo, its reports in both languages and the final evaluation pass the ECMA-376 schema check (shared/tools/ooxml)", () => {
    // Data validations once carried errorStyle="error", a value the standard does not have: Excel
    // offers to repair such a file and drops the validations.
    const en = join(dir, "demo-en.xlsx");
    run("report", out, "--final", "--lang", "en", "-o", en);
    expectSchemaValid([demo, out, en]);
  }, 360_000);

  test("the demo holds the template tables, labelled illustrative data and the 2023 report", () => {
    expect(demoBook.worksheets.map((ws) => ws.name)).toEqual(["规划指标", "任务目标", "里程碑", "学校数据", "均衡分析", "规划矛盾", "教育经费", "建设项目", "学校建设", "规划定义", "PM_Meta", "2023年度监测报告", "2021-2025终期评估"]);
    const indicators = demoBook.getWorksheet("规划指标")!;
    expect(String(indicators.getCell("D3").value)).toContain("示例数据");
    expect(Object.keys((indicators as unknown as { tables: object }).tables)).toEqual(["PM_Indicators"]);
    // Live columns are formulas of built-in functions (the command line's default), written for the
    // row: INT-01 keeps 100 % (a gross ratio, so up to 150 % is read); I6 is its band, T6 its actual.
    expect(indicators.getCell("X6").value).toEqual({
      result: "符合预期", // INT-01 held at 100 % in 2023: on track, never reached early (§7a.2)
      formula:
        'IF(NOT(OR(I6="",AND(ISNUMBER(I6),I6>=0,I6<1))),"数据有误",IF(AND(T6<>"",OR(NOT(ISNUMBER(T6)),T6<0,T6>1.5)),"数据有误",' +
        'IF(T6="","无数据",IF(T6>=1-1E-9*MAX(ABS(T6),1),IF(PM_Year>=2025,"已实现","符合预期"),IF(PM_Year>=2025,"未实现","倒退")))))',
    });
    expect(demoBook.getWorksheet("PM_Meta")!.state).toBe("veryHidden");
  });

  test("the plan definition's unit column offers the units and measure words, and lets another word stand after a warning", async () => {
    const zip = await JSZip.loadAsync(readFileSync(demo));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const index = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === "规划定义");
    const xml = await zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.async("string");
    const units = [...xml.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)].filter((m) => m[2]!.includes("万元"));
    expect(units.length).toBe(1);
    expect(units[0]![1]).toMatch(/type="list"/);
    expect(units[0]![1]).toMatch(/errorStyle="warning"/);
    expect(units[0]![2]).toMatch(/<formula1>&quot;%,比值（N:1）,年,系数,个数,人数,金额,面积,[^&]*平方米[^&]*&quot;<\/formula1>/);
  });

  test("the report sheet prints, row by row, the model of the same workbook", () => {
    const plan = embeddedPlan();
    const g = rows(outBook.getWorksheet("2022年度监测报告")!);
    expect(g[0]![0]).toBe("常州市武进区“十四五”教育发展规划 2022年度规划实施监测报告");
    const model = buildReport(plan, snapshotFromWorkbook(demoBook), 2022, { language: "zh", generatedAt: "" });
    plan.indicators.forEach((ind, i) => {
      const row = g.find((r) => r?.[0] === ind.id)!;
      const line = model.indicators.find((l) => l.id === ind.id)!;
      expect([ind.id, row[6], row[11]]).toEqual([ind.id, demoIndicatorValue(plan, i, 2022), statusLabels[line.status].zh]);
    });
  });

  test("every column of every indicator, task and milestone row, run in-process and as a child process alike", async () => {
    const plan = embeddedPlan();
    const inProcess = join(dir, "demo-2022-in-process.xlsx");
    expect((await main(["report", demo, "--year", "2022", "-o", inProcess], { cwd: dir, now: new Date(2026, 10, 30, 8, 40) })).code).toBe(0);
    const child = rows(outBook.getWorksheet("2022年度监测报告")!);
    const inner = rows((await open(inProcess)).getWorksheet("2022年度监测报告")!);
    // The same sheet but for the time it was generated (the grey line below the print area).
    const tool = inner.findIndex((r) => String(r?.[0] ?? "").startsWith("生成时间："));
    expect(inner.filter((_, i) => i !== tool)).toEqual(child.filter((_, i) => i !== tool));
    expect(inner[tool]![0]).toContain("生成时间：2026-11-30 08:40");

    // Expected cells: the planner's own table cells for what the report repeats, the elapsed share
    // (2022 − 2020) / 5 = 0.4 by hand, and the model of the same workbook for the computed figures.
    const snapshot = snapshotFromWorkbook(demoBook);
    const model = buildReport(plan, snapshot, 2022, { language: "zh", generatedAt: "" });
    const table = (key: "indicators" | "tasks" | "milestones") => {
      const t = snapshot.tables[key]!;
      return (id: string, header: string) => t.values.find((r) => r[0] === id)![t.headers.indexOf(header)] ?? "";
    };
    // A blank cell reads as a hole in exceljs's row array.
    const cells = (row: unknown[], n: number) => Array.from({ length: n }, (_, i) => row[i] ?? "");
    const ind = table("indicators");
    for (const line of model.indicators) {
      const row = child.find((r) => r?.[0] === line.id && r[11] !== undefined)!;
      const gap = line.gap === null ? "" : line.unit === "percent" ? Number((line.gap * 100).toPrecision(12)) : line.gap;
      expect(cells(row, 13)).toEqual([
        line.id,
        ind(line.id, "组别 Group"),
        ind(line.id, IH.name),
        ind(line.id, "学段 Stage"),
        ind(line.id, IH.baseline),
        ind(line.id, IH.target),
        ind(line.id, "2022"),
        line.expected ?? "",
        line.completion ?? "",
        0.4,
        gap,
        statusLabels[line.status].zh,
        ind(line.id, noteHeader(2022)),
      ]);
    }
    const task = table("tasks");
    const firstTask = child.findIndex((r) => r?.[0] === plan.tasks[0]!.id && r[9] !== undefined);
    expect(firstTask).toBeGreaterThan(0);
    for (const line of model.tasks) {
      const row = child.slice(firstTask).find((r) => r?.[0] === line.id)!;
      const basis = basisFromText(task(line.id, TH.basis)) ?? "latest";
      // The target as the planner's sheet has it, in the report's one percent style ("94 %" → "94%").
      const target = String(task(line.id, TH.target)).replace(/(\d) +%/g, "$1%");
      expect(cells(row, 10)).toEqual([line.id, BASIS_LABELS[basis].zh, task(line.id, TH.name), "", "", "", target, line.actual ?? "", line.completion ?? "", statusLabels[line.status].zh]);
    }
    const milestone = table("milestones");
    for (const line of model.milestones) {
      const row = child.slice(firstTask).find((r) => r?.[0] === line.id)!;
      // As it stood in 2022: done later reads 进行中, done by then shows its year (§7a.7).
      const doneBy = milestone(line.id, MH.state) === "已完成" && (milestone(line.id, MH.doneYear) as number) <= 2022;
      const state = milestone(line.id, MH.state) === "已完成" && !doneBy ? "进行中" : milestone(line.id, MH.state);
      expect(cells(row, 10)).toEqual([line.id, "", milestone(line.id, MH.name), "", "", "", milestone(line.id, MH.plannedYear), state, doneBy ? milestone(line.id, MH.doneYear) : "", statusLabels[line.status].zh]);
    }
  }, 120_000);

  test("completion is drawn as in-cell data bars; print setup is A4 landscape, one page wide", () => {
    const ws = outBook.getWorksheet("2022年度监测报告")!;
    const bars = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> }).conditionalFormattings.filter(
      (c) => c.rules[0]!.type === "dataBar",
    );
    // Completion of the 23 indicators, after the overview, summary and data problems (no "reached early"
    // line in 2022: the levels held then are on track, §7a.2); the table goes on over a second page,
    // under its heading again (one row more in the range, a text cell the bar leaves alone).
    expect(bars.map((b) => b.ref)).toContain("I24:I47");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, printTitlesRow: "1:2" });
    expect(ws.headerFooter.oddFooter).toContain("&P");
  });

  test("the input sheets and the existing 2023 report are copied intact, its chart too; the 2022 report gets its own", async () => {
    expect(inputSheets(outBook)).toBe(inputSheets(demoBook));
    expect(JSON.stringify(rows(outBook.getWorksheet("2023年度监测报告")!))).toBe(JSON.stringify(rows(demoBook.getWorksheet("2023年度监测报告")!)));
    // exceljs drops the charts it reads: the ones this tool wrote are carried over, so the copy is no standalone report.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const charts = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
    expect(charts.map((c) => /'(\d{4}年度监测报告)'!/.exec(c)![1]).sort()).toEqual(["2022年度监测报告", "2023年度监测报告"]);
  });

  test("adding a report leaves the others printing as they did: absolute print areas, print titles, page numbering, every manual page break", async () => {
    const xml = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const workbook = await zip.file("xl/workbook.xml")!.async("string");
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/^\/?(xl\/)?/, "xl/")]));
      const breaks = new Map<string, string[]>();
      const pages = new Map<string, string[]>();
      for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
        const sheet = await zip.file(target.get(m[2]!)!)!.async("string");
        breaks.set(m[1]!, [...sheet.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((b) => b[1]!));
        // Numbered from 1 within the sheet, and the footer that counts its pages.
        pages.set(m[1]!, [/firstPageNumber="(\d+)"/.exec(sheet)?.[1] ?? "", /useFirstPageNumber="(\d+)"/.exec(sheet)?.[1] ?? "", /<oddFooter>([^<]*)<\/oddFooter>/.exec(sheet)?.[1] ?? ""]);
      }
      const areas = [...workbook.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)<\/definedName>/g)].map((m) => m[1]!);
      const titles = [...workbook.matchAll(/<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)<\/definedName>/g)].map((m) => m[1]!);
      return { breaks, areas, titles, pages };
    };
    const before = await xml(demo);
    const after = await xml(out);
    expect(before.breaks.get("2023年度监测报告")!.length).toBeGreaterThan(3);
    for (const sheet of ["2023年度监测报告", "2021-2025终期评估"]) {
      expect([sheet, after.breaks.get(sheet)]).toEqual([sheet, before.breaks.get(sheet)]);
      expect([sheet, after.pages.get(sheet)]).toEqual([sheet, before.pages.get(sheet)]);
      expect(before.pages.get(sheet)!.slice(0, 2)).toEqual(["1", "1"]);
      expect(before.pages.get(sheet)![2]).toMatch(/共 \d+ 页/);
    }
    // Every print title the workbook had is still there (the input sheets' header rows and ID columns too).
    for (const t of before.titles) expect(after.titles).toContain(t);
    expect(after.areas).toHaveLength(before.areas.length + 1);
    for (const a of after.areas) expect(a).toMatch(/!\$A\$1:\$M\$\d+$/);
  });

  test("an existing year's report is only replaced with --replace", () => {
    let failed: { status?: number; stderr?: string } | null = null;
    try {
      run("report", demo, "--year", "2023", "-o", join(dir, "x.xlsx"));
    } catch (e) {
      failed = e as { status?: number; stderr?: string };
    }
    expect(failed?.status).toBe(1);
    expect(failed?.stderr).toContain("--replace");
    expect(failed?.stderr).not.toContain("    at ");
    expect(run("report", demo, "--year", "2023", "--replace", "-o", join(dir, "y.xlsx"))).toContain("2023年度监测报告");
  }, 120_000);

  test("a missing file is one bilingual line and exit 1, never a stack trace", () => {
    try {
      run("report", join(dir, "nope.xlsx"));
      throw new Error("should fail");
    } catch (e) {
      const err = e as { status?: number; stderr?: string };
      expect(err.status).toBe(1);
      expect(err.stderr).toMatch(/^找不到文件 .*nope\.xlsx.* \/ file not found: .*nope\.xlsx/);
      expect(err.stderr).not.toContain("    at ");
    }
  }, 120_000);

  test("relative paths start from the folder the user ran it in (npm's INIT_CWD), also through npx's bin", () => {
    const out = execFileSync(join(ROOT, "scripts/cli.mjs"), ["report", "demo.xlsx", "--year", "2021", "-o", "rel-2021.xlsx"], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: dir },
      encoding: "utf8",
    });
    expect(out).toContain(join(dir, "rel-2021.xlsx"));
    expect(existsSync(join(dir, "rel-2021.xlsx"))).toBe(true);
    // Started from another folder than the project's, the command line still compiles and runs.
    expect(execFileSync(process.execPath, [join(ROOT, "scripts/cli.mjs"), "--help"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })).toContain("plan-monitor template");
  }, 120_000);

  test("template with a new period: one question naming every row on the old years; --move-periods moves them all, --keep-periods refuses each", async () => {
    const book = await open(demo);
    const definition = book.worksheets.find((ws) => ws.name === "规划定义")!;
    definition.getCell("B3").value = 2025;
    definition.getCell("D3").value = 2030;
    const moving = join(dir, "moving.xlsx");
    await book.xlsx.writeFile(moving);
    const asked = await main(["template", moving, "-o", join(dir, "moved-0.xlsx")], { cwd: dir });
    expect(asked.code).toBe(1);
    expect(asked.lines[0]).toMatch(/^规划期已由 2021–2025 改为 2026–2030：有 64 行.*加 --move-periods.* \/ The plan period changed from 2021–2025 to 2026–2030: 64 /);
    expect(asked.lines).toContain(`规划定义!K${6 + embeddedPlan().indicators.length + embeddedPlan().tasks.findIndex((t) => t.id === "T-BLD-PROJ")} T-BLD-PROJ: 2021–2023 → 2026–2028`);
    expect(existsSync(join(dir, "moved-0.xlsx"))).toBe(false);
    const kept = await main(["template", moving, "--keep-periods", "-o", join(dir, "moved-1.xlsx")], { cwd: dir });
    expect([kept.code, kept.lines[0]]).toEqual([1, expect.stringMatching(/^规划定义有 \d+ 处问题/)]);
    const moved = await main(["template", moving, "--move-periods", "--replace", "-o", join(dir, "moved-2.xlsx")], { cwd: dir });
    expect(moved.code).toBe(0);
    expect(moved.lines).toContain("64 行任务或里程碑的期间已改为新规划期 / 64 task or milestone row(s) moved to the new period");
    const after = snapshotFromWorkbook(await open(join(dir, "moved-2.xlsx")));
    expect(after.tables.tasks!.headers).toContain("2030");
  }, 120_000);
});
