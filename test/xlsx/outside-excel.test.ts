/**
 * Files written outside Excel: every PLAN formula stored the way Excel stores add-in functions
 * (_xldudf_PLAN_…), every formula cell with a cached result computed by the core, and — where
 * LibreOffice is installed — the live columns readable in LibreOffice, not errors. The portable
 * dialect (the command line's default) is recalculated by LibreOffice from scratch and must come to
 * the core's results in every formula cell.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { main } from "../../src/xlsx/cli";
import { embeddedPlan } from "../../src/core/plan/embedded";
import ExcelJS from "exceljs";
import { YEAR_NAME } from "../../src/core/workbook/layout";
import { resultOps } from "../../src/core/workbook/results";
import { xlsxPort } from "../../src/xlsx/port";
import { snapshotFromWorkbook } from "../../src/xlsx/snapshot";

const dir = mkdtempSync(join(tmpdir(), "plan-monitor-outside-"));
const demo = join(dir, "demo.xlsx");
const portable = join(dir, "portable.xlsx");
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

beforeAll(async () => {
  expect((await main(["demo", "--formulas", "plan", "-o", demo], { cwd: dir, now: new Date(2026, 10, 30, 8, 40) })).code).toBe(0);
  expect((await main(["demo", "-o", portable], { cwd: dir, now: new Date(2026, 10, 30, 8, 40) })).code).toBe(0);
}, 120_000);

describe("the demo workbook as a file", () => {
  test("the command line writes built-in functions only unless asked for PLAN.*", async () => {
    const calls = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
      const xml = (await Promise.all(sheets.map((n) => zip.file(n)!.async("string")))).join("");
      return { formulas: [...xml.matchAll(/<f[ >]/g)].length, plan: [...xml.matchAll(/PLAN/g)].length };
    };
    const [withAddIn, builtIn] = [await calls(demo), await calls(portable)];
    expect(withAddIn.plan).toBeGreaterThan(100);
    expect(builtIn).toEqual({ formulas: expect.any(Number), plan: 0 });
    expect(builtIn.formulas).toBeGreaterThan(500);
  });

  test("no formula begins with a bare PLAN., and every formula cell carries a cached value", async () => {
    const zip = await JSZip.loadAsync(readFileSync(demo));
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(5);
    let formulas = 0;
    let plan = 0;
    for (const name of sheets) {
      const xml = await zip.file(name)!.async("string");
      for (const m of xml.matchAll(/<c [^>]*>(.*?)<\/c>/g)) {
        const f = /<f[^>]*>(.*?)<\/f>/.exec(m[1]!);
        if (!f) continue;
        formulas++;
        expect([name, f[1]]).not.toEqual([name, expect.stringMatching(/(^|[^_A-Za-z])PLAN\./)]);
        if (f[1]!.includes("_xldudf_PLAN_")) plan++;
        expect([name, f[1]!.slice(0, 40), /<v>/.test(m[1]!) || /<is>/.test(m[1]!)]).toEqual([name, f[1]!.slice(0, 40), true]);
      }
    }
    expect(formulas).toBeGreaterThan(200);
    expect(plan).toBeGreaterThan(100);
  });

  const lo = SOFFICE ? test : test.skip;
  if (!SOFFICE) console.warn("LibreOffice (soffice) is not installed: the LibreOffice rendering test is skipped");
  lo("LibreOffice (headless, CSV of every sheet) shows every cell's value, never an error, and the live columns' values", () => {
    const out = join(dir, "csv");
    // Token 12 = -1: one CSV per sheet, named <file>-<sheet>.csv (LibreOffice 7.2 and later).
    execFileSync(SOFFICE!, ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, demo], {
      stdio: "ignore",
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    const files = new Map(readdirSync(out).filter((f) => f.endsWith(".csv")).map((f) => [f.replace(/^demo-|\.csv$/g, ""), readFileSync(join(out, f), "utf8")]));
    // Every sheet the demo has, the hidden PM_Meta and both report sheets included.
    expect([...files.keys()].sort()).toEqual(
      ["规划指标", "任务目标", "里程碑", "学校数据", "均衡分析", "规划矛盾", "教育经费", "建设项目", "学校建设", "规划定义", "PM_Meta", "2023年度监测报告", "2021-2025终期评估"].sort(),
    );
    for (const [sheet, csv] of files) {
      const errors = csv.split("\n").flatMap((l, i) => l.split(",").flatMap((c, j) => (/^"?(#NAME\?|#VALUE!|#REF!|#N\/A|#DIV\/0!|#NUM!|Err:\d+)/.test(c) ? [`${i + 1}:${j + 1} ${c}`] : [])));
      expect([sheet, errors]).toEqual([sheet, []]);
    }
    const rows = (sheet: string) => files.get(sheet)!.split("\n").map((l) => l.split(","));
    const indicators = rows("规划指标");
    const header = indicators.find((r) => r[0] === "ID")!;
    const status = header.indexOf("状态 Status");
    const labels = new Set(["提前实现", "已实现", "符合预期", "滞后", "倒退", "未实现", "无数据", "数据有误"]);
    const ids = embeddedPlan().indicators.map((i) => i.id);
    for (const id of ids) {
      const row = indicators.find((r) => r[0] === id)!;
      expect([id, labels.has(row[status]!)]).toEqual([id, true]);
    }
    // The 2017 rule per school: the demo has schools on both sides of it (demo.ts).
    const schools = rows("学校数据");
    const rule = schools.find((r) => r[0] === "学校 School")!.indexOf("校级达标 Meets 2017 rule");
    const shown = schools.slice(schools.findIndex((r) => r[0] === "学校 School") + 1).filter((r) => r[0]).map((r) => r[rule]);
    expect(shown.length).toBe(14);
    expect(new Set(shown)).toEqual(new Set(["达标 Met", "未达标 Not met"]));
  }, 180_000);

  /**
   * The portable workbook in three monitoring years, its cached results removed, recalculated by
   * LibreOffice on load (OOXMLRecalcMode "always", set in a profile of its own) and saved: every
   * formula cell LibreOffice computed equals the result the core wrote for it, and none is an error.
   */
  lo("LibreOffice recalculates the portable workbook to the core's results in every formula cell, in every year", async () => {
    const profile = join(dir, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(
      join(profile, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
        `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n`,
    );
    const plan = embeddedPlan();
    const years = [2021, 2023, 2025];
    const expected = new Map<number, Map<string, Cached>>();
    const inputs: string[] = [];
    for (const year of years) {
      // The core's results for the year, as the command line writes them.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(portable);
      const name = (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model.find((n) => n.name === YEAR_NAME)!;
      const [sheet, address] = name.ranges[0]!.replace(/\$/g, "").split("!");
      wb.getWorksheet(sheet!.replace(/^'|'$/g, ""))!.getCell(address!).value = year;
      await xlsxPort(wb).apply(resultOps(plan, snapshotFromWorkbook(wb), "zh"));
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      expected.set(year, await cachedResults(buffer));
      // The same file with no cached result: whatever LibreOffice shows, it computed.
      const zip = await JSZip.loadAsync(buffer);
      for (const n of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
        const xml = await zip.file(n)!.async("string");
        zip.file(n, xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, "$1"));
      }
      const input = join(dir, `portable-${year}.xlsx`);
      writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
      inputs.push(input);
    }
    const out = join(dir, "recalculated");
    execFileSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", out, ...inputs], { stdio: "ignore", timeout: 300_000, env: { ...process.env, HOME: dir } });
    for (const year of years) {
      const computed = await cachedResults(readFileSync(join(out, `portable-${year}.xlsx`)));
      const want = expected.get(year)!;
      expect(want.size).toBeGreaterThan(500);
      const differ: string[] = [];
      for (const [cell, value] of want) {
        const got = computed.get(cell);
        const [a, b] = [value === "" ? null : value, got === "" || got === undefined ? null : got];
        const same = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : a === b;
        if (!same || (typeof b === "string" && b.startsWith("#"))) differ.push(`${year} ${cell}: the core ${JSON.stringify(a)}, LibreOffice ${JSON.stringify(b)}`);
      }
      expect(differ).toEqual([]);
    }
  }, 400_000);
});

type Cached = string | number | boolean | null;

/** Each formula cell's cached result as the file stores it, by sheet name and address (errors as "#…"). */
async function cachedResults(buffer: Buffer): Promise<Map<string, Cached>> {
  const zip = await JSZip.loadAsync(buffer);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship ([^>]*)\/?>/g)) {
    const id = /Id="([^"]+)"/.exec(m[1]!)?.[1];
    const to = /Target="([^"]+)"/.exec(m[1]!)?.[1];
    if (id && to) target.set(id, to.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const shared = zip.file("xl/sharedStrings.xml")
    ? [...(await zip.file("xl/sharedStrings.xml")!.async("string")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(""))
    : [];
  const unescape = (t: string) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const out = new Map<string, Cached>();
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const xml = await zip.file(target.get(m[2]!)!)!.async("string");
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?<!\/)>([\s\S]*?)<\/c>/g)) {
      if (!/<f[ >]/.test(c[3]!)) continue;
      const type = /t="(\w+)"/.exec(c[2]!)?.[1];
      const v = /<v>([^<]*)<\/v>/.exec(c[3]!)?.[1];
      const text = v === undefined ? null : unescape(v);
      out.set(`${unescape(m[1]!)}!${c[1]}`, text === null ? null : type === "s" ? shared[Number(text)]! : type === "str" || type === "e" ? text : type === "b" ? text === "1" : Number(text));
    }
  }
  return out;
}
