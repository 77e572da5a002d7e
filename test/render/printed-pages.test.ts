/**
 * The render check: the demo's reports as a bureau prints them. The workbook (both reports in
 * Chinese and in English, and the input sheets) is converted by LibreOffice to PDF, A4, and read back
 * with poppler (pdftotext -raw for the text in drawing order, -bbox for word positions):
 *  - every text cell of a report appears whole (LibreOffice leaves out what a neighbour cell or a too
 *    low row hides), no figure prints as ###, and no wrapped text needs more lines than its row holds;
 *  - every page a table runs onto shows that table's headings above its rows;
 *  - the count tables' numbers stand under their own headings (right edges within 2 pt);
 *  - the body text prints at 9 pt or more (8 pt or more on the input sheet, which prints over several
 *    pages with the ID column on each);
 *  - each report numbers its own pages: 第 1 页 to 第 M 页, 共 M 页, M its page count.
 * A few page images go to test-output/render/ for a person to look at.
 *
 * Needs soffice, pdftotext and pdftoppm (.ci/run installs them with the fonts; fonts.conf here maps
 * 等线 to Noto Sans CJK SC). Without them the check is skipped locally and fails in CI.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/xlsx/cli";

const has = (tool: string) => ["/usr/bin", "/usr/local/bin"].some((d) => existsSync(join(d, tool)));
const READY = has("soffice") && has("pdftotext") && has("pdftoppm");
if (!READY && process.env.CI) throw new Error("The render check needs soffice, pdftotext and pdftoppm (see .ci/run).");
const check = READY ? describe : describe.skip;
if (!READY) console.warn("soffice or poppler-utils missing: the render check is skipped");

const dir = mkdtempSync(join(tmpdir(), "plan-monitor-render-"));
const book = join(dir, "reports.xlsx");
const pdf = join(dir, "reports.pdf");
const IMAGES = resolve(__dirname, "../../test-output/render");
const ENV = { ...process.env, HOME: dir, FONTCONFIG_FILE: resolve(__dirname, "fonts.conf") };

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Page {
  n: number;
  raw: string;
  words: Word[];
}

function convert(xlsx: string, out: string): void {
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", out, xlsx], { stdio: "ignore", timeout: 240_000, env: ENV });
}

function readPages(file: string): Page[] {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const bbox = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const pages = bbox.split(/<page [^>]*>/).slice(1);
  return Array.from({ length: count }, (_, k) => ({
    n: k + 1,
    raw: execFileSync("pdftotext", ["-f", String(k + 1), "-l", String(k + 1), "-raw", file, "-"], { encoding: "utf8" }),
    words: [...(pages[k] ?? "").matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
    })),
  }));
}

const squash = (s: string) => s.replace(/\s+/g, "");
const HEADING_FILL = "FFDDEBF7";

/** A report sheet read back: its text cells in print, its tables (heading row, body rows), its wrapped cells. */
function readSheet(ws: ExcelJS.Worksheet) {
  const area = /\$?([A-Z]+)\$?(\d+)$/.exec(String(ws.pageSetup.printArea ?? ""))!;
  const lastCol = ws.getColumn(area[1]!).number;
  const lastRow = Number(area[2]);
  const text = (c: ExcelJS.Cell) => (typeof c.value === "string" ? c.value : "");
  const cells: Array<{ address: string; text: string; wrap: boolean; row: number }> = [];
  const headingRows = new Set<number>();
  const titleRows = new Set<number>();
  for (let r = 1; r <= lastRow; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      const t = text(cell);
      if (t.trim()) cells.push({ address: cell.address, text: t, wrap: cell.alignment?.wrapText === true, row: r });
      const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
      if (t && fill?.fgColor?.argb === HEADING_FILL && cell.font?.bold) headingRows.add(r);
      if (t && cell.font?.size === 12 && cell.font?.bold) titleRows.add(r);
    }
  }
  const firstText = (r: number) => cells.find((x) => x.row === r)?.text ?? "";
  const hasValue = (r: number) => Array.from({ length: lastCol }, (_, c) => ws.getCell(r, c + 1).value).some((v) => v !== null && v !== undefined && v !== "");
  // A note under a table (grey or coloured text, not a row of it).
  const note = (r: number) => {
    const first = cells.find((x) => x.row === r);
    const argb = first ? (ws.getCell(first.address).font?.color as { argb?: string } | undefined)?.argb : undefined;
    return argb !== undefined && argb !== "FF000000";
  };
  // A table: its heading row's first text, and the rows under it down to an empty row, a title, a note or the next heading.
  const tables: Array<{ heading: string; headingRow: number; rows: number[] }> = [];
  for (const h of [...headingRows].sort((a, b) => a - b)) {
    const rows: number[] = [];
    for (let r = h + 1; r <= lastRow && hasValue(r) && !headingRows.has(r) && !titleRows.has(r) && !note(r); r++) rows.push(r);
    tables.push({ heading: firstText(h), headingRow: h, rows });
  }
  return { ws, cells, tables, firstText, title: text(ws.getCell("A1")) };
}

let pages: Page[] = [];
const sheets = new Map<string, ReturnType<typeof readSheet>>();
const reportPages = new Map<string, Page[]>();
const REPORTS = ["2023年度监测报告", "2021-2025终期评估", "2023 Monitoring Report", "2021-2025 Final evaluation"];

check("the demo's reports printed by LibreOffice (A4 PDF)", () => {
  beforeAll(async () => {
    const now = new Date(2026, 10, 30, 8, 40);
    const demo = join(dir, "demo.xlsx");
    const en = join(dir, "en.xlsx");
    // The demo carries the Chinese 2023 report and final evaluation; the English ones are added to it.
    expect((await main(["demo", "-o", demo], { cwd: dir, now })).code).toBe(0);
    expect((await main(["report", demo, "--year", "2023", "--lang", "en", "-o", en], { cwd: dir, now })).code).toBe(0);
    expect((await main(["report", en, "--final", "--lang", "en", "-o", book], { cwd: dir, now })).code).toBe(0);
    convert(book, dir);
    pages = readPages(pdf);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    for (const name of REPORTS) {
      const s = readSheet(wb.getWorksheet(name)!);
      sheets.set(name, s);
      // Its pages: those whose repeated title rows carry its title.
      reportPages.set(name, pages.filter((p) => squash(p.raw).includes(squash(s.title))));
    }
    mkdirSync(IMAGES, { recursive: true });
    const keep = (name: string, k: number, file: string) => {
      const p = reportPages.get(name)![k];
      if (p) execFileSync("pdftoppm", ["-f", String(p.n), "-l", String(p.n), "-r", "80", "-png", "-singlefile", pdf, join(IMAGES, file)]);
    };
    keep("2023年度监测报告", 0, "annual-zh-1");
    keep("2023年度监测报告", 1, "annual-zh-2");
    keep("2021-2025终期评估", 0, "final-zh-1");
    keep("2021-2025终期评估", 4, "final-zh-5");
    keep("2023 Monitoring Report", 1, "annual-en-2");
    execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", pdf, join(IMAGES, "input-indicators-1")]);
    writeFileSync(join(IMAGES, "README.txt"), `Pages of ${book} as LibreOffice prints them (written by test/render/printed-pages.test.ts).\n`);
  }, 600_000);

  test.each(REPORTS)("%s: numbered within itself, 第 1 页 to 第 M 页 (M its own page count)", (name) => {
    const own = reportPages.get(name)!;
    expect(own.length).toBeGreaterThan(3);
    const numbers = own.map((p) => /(?:第 (\d+) 页，共 (\d+) 页|Page (\d+) of (\d+))/.exec(p.raw)).map((m) => [Number(m?.[1] ?? m?.[3]), Number(m?.[2] ?? m?.[4])]);
    expect(numbers).toEqual(own.map((_, k) => [k + 1, own.length]));
    // Consecutive pages of the PDF: nothing of another sheet in between.
    expect(own.map((p) => p.n)).toEqual(own.map((_, k) => own[0]!.n + k));
  });

  test.each(REPORTS)("%s: every text cell appears whole, no figure as ###, no wrapped text longer than its row", (name) => {
    const s = sheets.get(name)!;
    const own = reportPages.get(name)!;
    const raw = own.map((p) => p.raw).join("\n");
    const all = squash(raw);
    const missing = s.cells.filter((c) => !all.includes(squash(c.text))).map((c) => `${c.address} ${c.text.slice(0, 40)}`);
    expect(missing).toEqual([]);
    expect(raw.includes("###")).toBe(false);
    // A wrapped cell's lines come one after another in drawing order: as many as the row has room for.
    const lines = raw.split("\n").map(squash).filter(Boolean);
    const tooLong: string[] = [];
    for (const c of s.cells.filter((x) => x.wrap && x.text.length > 4)) {
      const want = squash(c.text);
      const start = lines.findIndex((l, k) => l && want.startsWith(l) && lines.slice(k).join("").startsWith(want));
      if (start < 0) continue; // printed beside other cells on its first line: the whole-text check above holds it
      let k = start;
      let got = "";
      while (got.length < want.length) got += lines[k++];
      const height = s.ws.getRow(c.row).height ?? 15;
      if (k - start > Math.max(1, Math.floor(height / 15))) tooLong.push(`${c.address}: ${k - start} lines in ${height} pt`);
    }
    expect(tooLong).toEqual([]);
  });

  test.each(REPORTS)("%s: every page a table runs onto shows its headings above its rows", (name) => {
    const s = sheets.get(name)!;
    const problems: string[] = [];
    const own = reportPages.get(name)!;
    for (const t of s.tables) {
      const heading = t.heading.split(/\s+/)[0]!;
      // The column's left edge, from the page the table starts on: a row's first text stands there
      // (the same words elsewhere on a page — the chart's labels, a summary — do not count).
      const key0 = t.rows.map((r) => s.firstText(r)).find((k) => own.some((p) => p.words.some((w) => w.text === k)));
      const x = own.flatMap((p) => p.words.filter((w) => w.text === key0)).map((w) => w.xMin).sort((a, b) => a - b)[0];
      if (x === undefined) continue;
      for (const p of own) {
        for (const r of t.rows) {
          const key = s.firstText(r);
          // A row known by its first text: not a bare number (a contradiction's "2" is also a count).
          if (/^\d*$/.test(key) || /\s/.test(key)) continue;
          const at = p.words.find((w) => w.text === key && Math.abs(w.xMin - x) < 3);
          if (!at) continue;
          if (!p.words.some((w) => w.text === heading && w.yMax <= at.yMin + 0.5)) problems.push(`page ${p.n}: ${key} (row ${r}) without ${heading} above it`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test.each(["2023年度监测报告", "2021-2025终期评估"])("%s: the count table's numbers stand under their own headings", (name) => {
    const s = sheets.get(name)!;
    const table = s.tables.find((t) => t.heading === "组别")!;
    const page = reportPages.get(name)!.find((p) => p.words.some((w) => w.text === "组别"))!;
    const head = page.words.find((w) => w.text === "组别")!;
    const headings = Array.from({ length: s.ws.columnCount }, (_, c) => s.ws.getCell(table.headingRow, c + 1).value).map((v) => (typeof v === "string" ? v : ""));
    const firstData = page.words.filter((w) => w.yMin > head.yMax && /^\d+$/.test(w.text)).sort((a, b) => a.yMin - b.yMin)[0]!;
    // Each heading's right edge: the heading words between the heading row's top and the first figures.
    const right = headings.map((h, c) => (c === 0 || !h ? null : Math.max(...page.words.filter((w) => w.yMin >= head.yMin - 1 && w.yMax <= firstData.yMin && h.includes(w.text) && w.text.length >= 2).map((w) => w.xMax))));
    for (const r of table.rows) {
      const values = headings.map((_, c) => s.ws.getCell(r, c + 1).value);
      // The row's figures: the numbers on its line, left to right.
      const y = page.words.filter((w) => /^\d+$/.test(w.text) && w.yMin > head.yMax).map((w) => w.yMin);
      const rowY = [...new Set(y.map((v) => v.toFixed(1)))].map(Number).sort((a, b) => a - b)[table.rows.indexOf(r)]!;
      const figures = page.words.filter((w) => /^\d+$/.test(w.text) && Math.abs(w.yMin - rowY) < 1).sort((a, b) => a.xMin - b.xMin);
      const expected = values.map((v, c) => (c > 0 && typeof v === "number" ? { c, v } : null)).filter((x): x is { c: number; v: number } => x !== null);
      expect(figures.map((f) => Number(f.text))).toEqual(expected.map((e) => e.v));
      figures.forEach((f, k) => expect([headings[expected[k]!.c], Math.abs(f.xMax - right[expected[k]!.c]!) < 2]).toEqual([headings[expected[k]!.c], true]));
    }
  });

  test.each(["2023年度监测报告", "2021-2025终期评估"])("%s: the body prints at 9 pt or more", (name) => {
    expect(glyphSize(reportPages.get(name)!)).toBeGreaterThanOrEqual(9);
  });

  test.each(["2023 Monitoring Report", "2021-2025 Final evaluation"])("%s: the body prints at 8 pt or more (columns widened so no English word is split)", (name) => {
    // The Chinese names in the English reports are set at the body size too.
    expect(glyphSize(reportPages.get(name)!)).toBeGreaterThanOrEqual(8);
  });

  test("the indicator input sheet prints legibly over several pages, the ID column on each", () => {
    // Its pages: from the first to the page before the next sheet's page 1.
    const own: Page[] = [];
    for (const p of pages) {
      if (own.length && /第 1 页/.test(p.raw)) break;
      own.push(p);
    }
    expect(own.length).toBeGreaterThan(1);
    for (const p of own) expect([p.n, p.words.some((w) => w.text === "INT-01")]).toEqual([p.n, true]);
    expect(glyphSize(own)).toBeGreaterThanOrEqual(8);
    expect(own.some((p) => p.raw.includes("###"))).toBe(false);
  });

  test("the checks can fail: a text cut by its neighbour and a wrapped text in a row too low are caught", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getColumn(1).width = 10;
    ws.getCell("A1").value = "普惠性幼儿园覆盖率公办园";
    ws.getCell("B1").value = 5;
    ws.getCell("A3").value = "义务教育学校达到省定办学标准比例义务教育";
    ws.getCell("A3").alignment = { wrapText: true, vertical: "top" };
    ws.getRow(3).height = 15;
    const neg = join(dir, "neg");
    mkdirSync(neg);
    await wb.xlsx.writeFile(join(neg, "neg.xlsx"));
    convert(join(neg, "neg.xlsx"), neg);
    const raw = squash(readPages(join(neg, "neg.pdf"))[0]!.raw);
    expect([raw.includes("普惠性幼儿园覆盖率公办园"), raw.includes("义务教育学校达到省定办学标准比例义务教育")]).toEqual([false, false]);
  }, 240_000);
});

/** The body's type size: CJK characters are as wide as the type is tall; the median over the pages' all-CJK words. */
function glyphSize(own: Page[]): number {
  const sizes = own.flatMap((p) => p.words.filter((w) => /^[\u4e00-\u9fff]{2,}$/.test(w.text)).map((w) => (w.xMax - w.xMin) / w.text.length)).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

afterAll(() => {
  if (READY && existsSync(pdf)) writeFileSync(join(IMAGES, "reports.pdf"), readFileSync(pdf));
});
