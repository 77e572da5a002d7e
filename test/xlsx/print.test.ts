/**
 * The reports as printed (issue 13): each report sheet the command line writes prints one A4
 * landscape page wide with body text of at least 9 pt. The size is worked out here from the file
 * itself — the print area's column widths (Excel's rule: a width of w characters is w × 7 + 5 pixels
 * of the default 11 pt font), the A4 landscape width less the margins, and the body font.
 */
import ExcelJS from "exceljs";
import { buildDemo } from "../../src/usecases/demo";
import { xlsxPort } from "../../src/xlsx/port";
import { saveWorkbook } from "../../src/xlsx/files";
import { mkdtempSync, readFileSync } from "node:fs";
import JSZip from "jszip";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAddress } from "../../src/core/workbook/a1";

let wb: ExcelJS.Workbook;
let zip: JSZip;

/** A sheet's XML in the package (exceljs reads no page breaks back, so they are read from the file). */
async function sheetXml(name: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return zip.file(`xl/${target!.replace(/^\/?xl\//, "")}`)!.async("string");
}

beforeAll(async () => {
  const built = new ExcelJS.Workbook();
  await buildDemo(xlsxPort(built), new Date(2026, 10, 30, 8, 40));
  const file = join(mkdtempSync(join(tmpdir(), "plan-monitor-print-")), "demo.xlsx");
  await saveWorkbook(built, file);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  zip = await JSZip.loadAsync(readFileSync(file));
}, 120_000);

const A4_LANDSCAPE_PT = (297 / 25.4) * 72;

function printedBodySize(ws: ExcelJS.Worksheet): { points: number; columns: number } {
  const area = ws.pageSetup.printArea!;
  const [from, to] = area.split(":").map((a) => parseAddress(a));
  let pixels = 0;
  for (let c = from!.col; c <= to!.col; c++) pixels += Math.trunc((ws.getColumn(c + 1).width ?? 8.43) * 7 + 5);
  const margins = ((ws.pageSetup.margins?.left ?? 0.7) + (ws.pageSetup.margins?.right ?? 0.7)) * 72;
  const scale = Math.min(1, (A4_LANDSCAPE_PT - margins) / (pixels * 0.75));
  return { points: 11 * scale, columns: to!.col - from!.col + 1 };
}

describe.each(["2023年度监测报告", "2021-2025终期评估"])("%s as printed", (name) => {
  test("A4 landscape, one page wide, title rows repeated, gridlines off, body text at least 9 pt", () => {
    const ws = wb.getWorksheet(name)!;
    // The final evaluation repeats its title only: its cover block is for the first page.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: name.includes("年度") ? "1:2" : "1:1" });
    expect(ws.views[0]?.showGridLines).toBe(false);
    const { points, columns } = printedBodySize(ws);
    expect(columns).toBe(13);
    expect(points).toBeGreaterThanOrEqual(9);
  });

  test("major sections start a page; wrapped header rows are tall enough for their second line", async () => {
    const ws = wb.getWorksheet(name)!;
    const rowOf = (pattern: RegExp) => {
      let found = 0;
      ws.eachRow((row, n) => {
        if (!found && pattern.test(String(row.getCell(1).value ?? ""))) found = n;
      });
      return found;
    };
    const breaks = [...(await sheetXml(name)).matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    for (const title of name.includes("年度") ? [/^二、/, /^四、/, /^六、/, /^八、/, /^九、/] : [/^三、/, /^附件1 /, /^附件2 /, /^附件3 /, /^附件4 /, /^附件5 /, /^附件6 /]) {
      const n = rowOf(title);
      expect([String(title), n > 0, breaks.includes(n - 1)]).toEqual([String(title), true, true]);
    }
    // The first table headed 编号 — the annual indicator table's "序时进度值" (10 units), the final
    // evaluation's shortfalls' "目标年实际" (10 units) — does not fit a 9-character column on one line,
    // so the row is two lines tall (16 pt a line: the CJK substitutes' line spacing).
    const header = rowOf(/^(编号)$/);
    expect(ws.getRow(header).height).toBe(32);
  });

  test("every cell with content names one font, bold cells and headings too (no serif fallback)", () => {
    const ws = wb.getWorksheet(name)!;
    const faces = new Map<string, number>();
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.value === null || cell.value === "") return;
      const face = cell.font?.name ?? "(none)";
      faces.set(face, (faces.get(face) ?? 0) + 1);
    }));
    expect([...faces.keys()]).toEqual(["等线"]);
  });

  test("nothing is printed from outside the area but the chart's helper data", () => {
    const ws = wb.getWorksheet(name)!;
    const [, to] = ws.pageSetup.printArea!.split(":").map((a) => parseAddress(a));
    const outside: string[] = [];
    ws.eachRow((row) => row.eachCell((cell, c) => c - 1 > to!.col && outside.push(String(cell.value))));
    // The annual report keeps its chart's data (indicator, completion, time elapsed) beside the table.
    if (name.includes("年度")) expect(outside).toContain("完成率");
    else expect(outside).toEqual([]);
  });
});

describe("long tables over two pages", () => {
  /** Rows (1-based) holding a table header, and the rows printed pages break after. */
  async function headersAndBreaks(sheet: string, isHeader: (row: ExcelJS.Row) => boolean) {
    const headers: number[] = [];
    wb.getWorksheet(sheet)!.eachRow((row, n) => {
      if (isHeader(row)) headers.push(n);
    });
    const breaks = [...(await sheetXml(sheet)).matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    return { headers, breaks };
  }

  test("the 50 task targets go on over new pages, each under the header again, and no page of the table starts without it", async () => {
    const { headers, breaks } = await headersAndBreaks("2023年度监测报告", (row) => row.getCell(1).value === "编号" && row.getCell(2).value === "口径");
    const ws = wb.getWorksheet("2023年度监测报告")!;
    // The table ends at the first empty row under its last header.
    let end = headers[headers.length - 1]!;
    while (ws.getRow(end + 1).getCell(1).value) end++;
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers.slice(1)) expect(breaks).toContain(h - 1); // each repeat starts a page
    const inside = breaks.filter((b) => b + 1 > headers[0]! && b + 1 <= end);
    expect(inside.map((b) => b + 1)).toEqual(headers.slice(1)); // every page break inside the table falls on a repeated header
  });

  test("the final evaluation's 35 funding checks (7 a year, 2021–2025) go on under their header too", async () => {
    const { headers, breaks } = await headersAndBreaks("2021-2025终期评估", (row) => row.getCell(1).value === "年度" && row.getCell(3).value === "检查");
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers.slice(1)) expect(breaks).toContain(h - 1);
  });
});

describe("gaps in the printed report", () => {
  test("gap cells of ratio and percent indicators carry no ratio or percent format: plain numbers, the unit in words", () => {
    const ws = wb.getWorksheet("2023年度监测报告")!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (!header && row.getCell(1).value === "编号" && row.getCell(11).value === "差距") header = n;
    });
    expect(header).toBeGreaterThan(0);
    const formats: Record<string, string> = {};
    for (let r = header + 1; r <= header + 23; r++) {
      const { numFmt } = ws.getCell(r, 11);
      formats[String(ws.getCell(r, 1).value)] = numFmt ?? "";
    }
    // A share's gap in percentage points, a ratio's as a plain number (INT-05-PRI is 19.62:1 → 17:1).
    expect(formats["LOC-01"]).toBe('0.00" 个百分点"');
    expect(formats["INT-05-PRI"]).toBe("0.00");
    for (const f of Object.values(formats)) expect(f).not.toMatch(/%|:1/);
  });
});

describe("the chart in the file", () => {
  test("the annual report's sheet has a DrawingML bar chart of its completion and elapsed-time data, in the printed flow", async () => {
    const xml = await sheetXml("2023年度监测报告");
    const rid = /<drawing r:id="([^"]+)"\/>/.exec(xml)![1];
    // The drawing element stands after the page breaks and before the extension list (schema order).
    expect(xml.indexOf("<drawing ")).toBeGreaterThan(xml.indexOf("</rowBreaks>"));
    expect(xml.indexOf("<drawing ")).toBeLessThan(xml.lastIndexOf("<extLst>"));
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBe(1); // the final evaluation draws its trends in cells
    const chart = await zip.file(charts[0]!)!.async("string");
    expect(chart).toContain("<c:barChart>");
    // The category axis's labels (the IDs) at the plot's low edge, clear of negative bars.
    expect(/<c:catAx>.*?<c:tickLblPos val="low"\/>.*?<\/c:catAx>/.test(chart)).toBe(true);
    expect(chart).toContain("'2023年度监测报告'!$P$25");
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(`PartName="/${charts[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    expect(rid).toMatch(/^rId/);
    // Anchored inside the print area (columns A–M), below the indicator table.
    const drawing = await zip.file(Object.keys(zip.files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!)!.async("string");
    expect(/<xdr:from><xdr:col>0<\/xdr:col>/.test(drawing)).toBe(true);
    expect(/<xdr:to><xdr:col>13<\/xdr:col>/.test(drawing)).toBe(true);
  });
});
