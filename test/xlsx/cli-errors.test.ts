/**
 * The command line on every bad input a user has produced: one bilingual line, a distinct exit code
 * (2 usage, 1 input or output), no stack trace, and the input file byte-identical afterwards.
 * Runs in-process (`main`) for speed; cli.test.ts runs the real script as a child process.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/xlsx/cli";

const dir = mkdtempSync(join(tmpdir(), "plan-monitor-cli-errors-"));
const demo = join(dir, "demo.xlsx");
const NOW = new Date(2026, 10, 30, 8, 40);

/** Exactly one line with both languages (a Chinese part, " / ", an English part). */
function expectOneBilingualLine(lines: string[]) {
  const [first, ...rest] = lines;
  expect(first).toMatch(/[\u4e00-\u9fff].* \/ .*[A-Za-z]{3}/);
  expect(first).not.toContain("\n");
  expect(first).not.toMatch(/^\s+at /m);
  expect(rest.filter((l) => l !== "plan-monitor --help")).toEqual([]);
}

async function expectFailure(argv: string[], code: 1 | 2, pattern: RegExp, cwd = dir) {
  const inputs = argv.filter((a) => existsSync(join(cwd, a)) && statSync(join(cwd, a)).isFile()).map((a) => join(cwd, a));
  const before = inputs.map((f) => readFileSync(f));
  const result = await main(argv, { cwd, now: NOW });
  expect(result.code).toBe(code);
  expectOneBilingualLine(result.lines);
  expect(result.lines[0]).toMatch(pattern);
  inputs.forEach((f, i) => expect(readFileSync(f).equals(before[i]!)).toBe(true));
  return result.lines[0]!;
}

beforeAll(async () => {
  const result = await main(["demo", "-o", demo], { cwd: dir, now: NOW });
  expect(result.code).toBe(0);
}, 120_000);

describe("usage errors exit with 2", () => {
  test.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["report", "demo.xlsx", "--bogus"], /unknown option --bogus/],
    [["report", "demo.xlsx", "--year"], /option --year needs a value/],
    [["report", "demo.xlsx", "--year", "2019"], /--year "2019" is not a year of the plan period: use a year from 2021 to 2025/],
    [["report", "demo.xlsx", "--year", "2030"], /--year "2030"/],
    [["report", "demo.xlsx", "--year", ""], /--year "" is not a year/],
    [["report", "demo.xlsx", "--year", "2023.5"], /--year "2023.5"/],
    [["report", "demo.xlsx", "--lang", "fr"], /--lang "fr" is not supported: use zh or en/],
    [["report", "demo.xlsx", "other.xlsx"], /unexpected argument "other.xlsx"/],
    [["report"], /no workbook given/],
    [["report", "demo.xlsx", "-o", "out.csv"], /must end in \.xlsx/],
    [["demo", "--replace"], /unknown option --replace/],
    [["demo", "--formulas", "excel"], /--formulas "excel" is not supported: use portable or plan/],
    [["report", "demo.xlsx", "--formulas", "plan"], /unknown option --formulas/],
  ])("%j", async (argv, pattern) => {
    await expectFailure(argv, 2, pattern);
  });

  test("--help prints the usage and exits 0", async () => {
    const result = await main(["--help"]);
    expect(result.code).toBe(0);
    expect(result.lines.join("\n")).toContain("plan-monitor report <workbook.xlsx>");
  });
});

describe("input and output errors exit with 1", () => {
  test("a file that does not exist", async () => {
    await expectFailure(["report", "nope.xlsx"], 1, /file not found: .*nope\.xlsx/);
  });

  test("a folder given as the workbook", async () => {
    mkdirSync(join(dir, "folder.xlsx"), { recursive: true });
    await expectFailure(["report", "folder.xlsx"], 1, /is a folder, not a workbook/);
  });

  test("a zero-byte file named .xlsx", async () => {
    writeFileSync(join(dir, "empty.xlsx"), "");
    await expectFailure(["report", "empty.xlsx"], 1, /is empty \(0 bytes\)/);
  });

  test("a text file named .xlsx", async () => {
    writeFileSync(join(dir, "notes.xlsx"), "school,enrolment\n甲,100\n");
    await expectFailure(["report", "notes.xlsx"], 1, /is not an \.xlsx workbook/);
  });

  test("a real .xls (saved by LibreOffice) is told to be saved as .xlsx", async () => {
    copyFileSync(join(__dirname, "../fixtures/saved-as-xls.xlsx"), join(dir, "old.xlsx"));
    await expectFailure(["report", "old.xlsx"], 1, /old \.xls workbook: save it as \.xlsx/);
  });

  test("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    writeFileSync(join(dir, "zip.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    await expectFailure(["report", "zip.xlsx"], 1, /is not an \.xlsx workbook/);
  });

  test("an output equal to the input, however it is spelled", async () => {
    await expectFailure(["report", "demo.xlsx", "-o", "demo.xlsx"], 1, /the output cannot be the input itself/);
    await expectFailure(["report", "demo.xlsx", "-o", "./sub/../demo.xlsx"], 1, /the output cannot be the input itself/);
  });

  test("an output folder that does not exist", async () => {
    await expectFailure(["report", "demo.xlsx", "--year", "2022", "-o", "missing/out.xlsx"], 1, /the output folder .*missing does not exist/);
  });

  test("an output that is a folder", async () => {
    mkdirSync(join(dir, "outdir.xlsx"), { recursive: true });
    await expectFailure(["report", "demo.xlsx", "--year", "2022", "-o", "outdir.xlsx"], 1, /is a folder: name a file/);
  });

  test("an unwritable output", async () => {
    await expectFailure(["report", "demo.xlsx", "--year", "2022", "-o", "/sys/plan-monitor.xlsx"], 1, /cannot write \/sys\/plan-monitor\.xlsx/);
  });

  test("an existing output is replaced only with --overwrite", async () => {
    const out = join(dir, "again.xlsx");
    expect((await main(["report", "demo.xlsx", "--year", "2022", "-o", "again.xlsx"], { cwd: dir, now: NOW })).code).toBe(0);
    const first = readFileSync(out);
    await expectFailure(["report", "demo.xlsx", "--year", "2022", "-o", "again.xlsx"], 1, /already exists: add --overwrite/);
    expect(readFileSync(out).equals(first)).toBe(true);
    expect((await main(["report", "demo.xlsx", "--year", "2022", "-o", "again.xlsx", "--overwrite"], { cwd: dir, now: NOW })).code).toBe(0);
  }, 60_000);

  test("the year's report already in the workbook needs --replace", async () => {
    await expectFailure(["report", "demo.xlsx", "--year", "2023", "-o", "r2023.xlsx"], 1, /2023.*--replace/);
    expect(existsSync(join(dir, "r2023.xlsx"))).toBe(false);
  });

  test("a renamed indicator table is named as exactly that", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(demo);
    const table = wb.getWorksheet("规划指标")!.getTable("PM_Indicators") as unknown as { table: { name: string; displayName?: string } };
    table.table.name = "Renamed";
    table.table.displayName = "Renamed";
    await wb.xlsx.writeFile(join(dir, "renamed.xlsx"));
    await expectFailure(["report", "renamed.xlsx", "--year", "2022"], 1, /the table PM_Indicators is missing \(renamed or deleted\?\)/);
  });

  test("a deleted year column is named as exactly that", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(demo);
    const ws = wb.getWorksheet("规划指标")!;
    const headerRow = ws.getRow(5);
    headerRow.eachCell((cell) => {
      if (cell.value === "2022") cell.value = "2022 (old)";
    });
    const model = (ws.getTable("PM_Indicators") as unknown as { table: { columns: Array<{ name: string }> } }).table;
    model.columns.forEach((c) => c.name === "2022" && (c.name = "2022 (old)"));
    await wb.xlsx.writeFile(join(dir, "nocol.xlsx"));
    await expectFailure(["report", "nocol.xlsx", "--year", "2022"], 1, /The table PM_Indicators has no "2022" column/);
  });
});

describe("workbooks from other programs", () => {
  test("a workbook saved by LibreOffice (tables without style info) is reported", async () => {
    copyFileSync(join(__dirname, "../fixtures/libreoffice-saved.xlsx"), join(dir, "lo.xlsx"));
    const before = readFileSync(join(dir, "lo.xlsx"));
    const result = await main(["report", "lo.xlsx", "--year", "2022", "-o", "lo-report.xlsx"], { cwd: dir, now: NOW });
    expect(result).toMatchObject({ code: 0 });
    expect(readFileSync(join(dir, "lo.xlsx")).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "lo-report.xlsx"));
    expect(wb.getWorksheet("2022年度监测报告")).toBeDefined();
  }, 60_000);

  test("a workbook saved by openpyxl (absolute relationship targets, drawings without the xdr: prefix) is reported like the demo it was saved from", async () => {
    // test/fixtures/openpyxl-saved.xlsx: the demo opened and saved unchanged by openpyxl 3.1.5
    // (python3 -c "import openpyxl; openpyxl.load_workbook('demo.xlsx').save('openpyxl-saved.xlsx')").
    copyFileSync(join(__dirname, "../fixtures/openpyxl-saved.xlsx"), join(dir, "opx.xlsx"));
    const result = await main(["report", "opx.xlsx", "--year", "2022", "-o", "opx-report.xlsx"], { cwd: dir, now: NOW });
    expect(result.code).toBe(0);
    // openpyxl wrote the chart again in its own words: not one this tool drew, so the report stands alone.
    expect(result.lines.join("\n")).toMatch(/written as a workbook of its own/);
    expect((await main(["report", "demo.xlsx", "--year", "2022", "-o", "demo-2022.xlsx"], { cwd: dir, now: NOW })).code).toBe(0);
    const sheet = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, file));
      const ws = wb.getWorksheet("2022年度监测报告")!;
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 14)));
      return rows;
    };
    // The same report, row for row, as from the demo itself (the two grey lines below the print area apart).
    expect((await sheet("opx-report.xlsx")).slice(0, 200)).toEqual((await sheet("demo-2022.xlsx")).slice(0, 200));
  }, 120_000);

  test("what exceljs cannot read is one line saying what to do, never a JavaScript internal", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(__dirname, "../fixtures/openpyxl-saved.xlsx")));
    // A drawing part that is no drawing at all.
    zip.file("xl/drawings/drawing1.xml", "<nonsense/>");
    writeFileSync(join(dir, "broken.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    const result = await main(["report", "broken.xlsx", "--year", "2022"], { cwd: dir, now: NOW });
    expect(result.code).toBe(1);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(/^无法读取工作簿 .*broken\.xlsx：其中有本工具读不了的内容。请在 Excel、WPS 或 LibreOffice 中打开并重新保存/);
    expect(result.lines[0]).not.toMatch(/Cannot read|undefined|TypeError|properties/);
  }, 60_000);

  test("a workbook with a chart of its own (not one this tool drew) gets the report as a workbook of its own, and says so", async () => {
    const zip = await JSZip.loadAsync(readFileSync(demo));
    zip.file("xl/charts/chart99.xml", '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    writeFileSync(join(dir, "chart.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    const before = readFileSync(join(dir, "chart.xlsx"));
    const result = await main(["report", "chart.xlsx", "--year", "2022"], { cwd: dir, now: NOW });
    expect(result.code).toBe(0);
    expect(result.lines.join("\n")).toMatch(/图表 \/ charts\), so the report was written as a workbook of its own/);
    expect(readFileSync(join(dir, "chart.xlsx")).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "chart-report.xlsx"));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["2022年度监测报告"]);
  }, 60_000);
});
