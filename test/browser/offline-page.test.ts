/**
 * The offline page (dist/plan-monitor.html) in real chromium, opened from file:// as a planner
 * opens it from a USB stick: one file, no request to anywhere (every request is recorded), a
 * Content-Security-Policy with no network source, syntax an ES2019 parser reads (Chromium 80, the
 * base of common 信创 browsers). Flows: start a workbook from the embedded plan, check it, write the
 * annual report, download it; open a workbook the command line wrote and download it again. The
 * downloads are read back: portable formulas, the report sheet, the original untouched.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "acorn";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { accessibility, launch, OFFICE_CDN, ROOT, serveDist } from "./harness";
import { describeInBrowser } from "./describe";
import { main } from "../../src/xlsx/cli";

const PAGE = join(ROOT, "dist/plan-monitor.html");
const SHOTS = join(ROOT, "test-output/screens");
const dir = mkdtempSync(join(tmpdir(), "plan-monitor-offline-"));

const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

test("the page is one file: its scripts inline and ES2019, the workbook library inert until used, a policy that allows no network source", () => {
  const html = readFileSync(PAGE, "utf8");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  // The entry, run at once (last), and the chunks used once a workbook is open (the workbook library,
  // the pane's sections) as text the page runs on first use.
  const entry = scripts[scripts.length - 1]!;
  const deferred = scripts.slice(0, -1);
  expect(entry[1]!.trim()).toBe("");
  expect(deferred.length).toBeGreaterThan(0);
  for (const d of deferred) expect(d[1]!.trim()).toMatch(/^type="text\/plain" data-deferred-chunk="[\w.]+"$/);
  for (const [, attributes, code] of scripts) {
    expect(attributes).not.toMatch(/src=/);
    // Newer syntax (optional chaining, ??, class fields) would throw here.
    expect(() => parse(code!, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
  }
  expect(deferred.map((d) => d[2]!).join("")).toMatch(/ExcelJS|exceljs/);
  expect(entry[2]!).not.toMatch(/ExcelJS/);
  expect(html).not.toMatch(/<(link|img|iframe)\b[^>]*\b(href|src)="(?!data:)/);
  const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toMatch(/https?:|\*/);
});

describeInBrowser("the offline page in chromium, from file://", () => {
  let browser: Browser;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    expect((await main(["demo", "-o", join(dir, "demo.xlsx")], { cwd: dir, now: new Date(2026, 10, 30, 8, 40) })).code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    // Reduced motion: colours settle at once, so the accessibility scan never samples a button mid-transition.
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 }, locale: "zh-CN", reducedMotion: "reduce" });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(pathToFileURL(PAGE).href);
    await page.getByRole("heading", { name: "规划监测助手 · 离线版" }).waitFor();
    return page;
  }

  async function download(page: Page, name: string): Promise<ExcelJS.Workbook> {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载更新后的工作簿" }).click()]);
    const path = join(dir, name);
    await file.saveAs(path);
    expect(file.suggestedFilename()).toMatch(/-更新\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  }

  test("start from the embedded plan, check it, write the annual report, download: built-in formulas only, the report in the file", async () => {
    const page = await open();
    await shot(page, "offline-start");
    await page.getByRole("button", { name: /^新建：常州市武进区/ }).click();
    await page.getByText(/已新建 .*模板已插入/).waitFor();
    // The pane's own sections work on the workbook in memory.
    await page.getByRole("button", { name: "数据校验" }).click();
    await page.getByRole("button", { name: "校验数据" }).click();
    await page.getByRole("button", { name: "年度报告" }).click();
    await page.getByRole("button", { name: "生成年度报告" }).click();
    await page.getByText(/年度规划实施监测报告|已生成|监测报告/).first().waitFor();
    await shot(page, "offline-workbook");
    const wb = await download(page, "started.xlsx");
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual(expect.arrayContaining(["规划指标", "任务目标", "规划定义"]));
    expect(names.some((n) => /年度监测报告$/.test(n))).toBe(true);
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const f = (cell.value as { formula?: string } | null)?.formula;
          if (!f) return;
          formulas++;
          expect(f).not.toMatch(/PLAN/);
        }),
      ),
    );
    expect(formulas).toBeGreaterThan(300);
    expect(await page.getByText("没有未下载的更改").count()).toBe(1);
  }, 240_000);

  test("open a workbook the command line wrote, download it again: the same sheets, the original untouched", async () => {
    const page = await open();
    const before = readFileSync(join(dir, "demo.xlsx"));
    await page.getByTestId("open-input").setInputFiles(join(dir, "demo.xlsx"));
    await page.getByText("已打开 demo.xlsx").waitFor();
    const wb = await download(page, "reopened.xlsx");
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(join(dir, "demo.xlsx"));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(original.worksheets.map((ws) => ws.name));
    expect(readFileSync(join(dir, "demo.xlsx")).equals(before)).toBe(true);
  }, 240_000);

  /** A report sheet's rows as text, the cells that carry the time it was written left out. */
  async function reportRows(file: string, sheet: string): Promise<string[][]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(sheet);
    expect([file, sheet, ws !== undefined]).toEqual([file, sheet, true]);
    const rows: string[][] = [];
    ws!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v))).map((v) => (/\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日/.test(v) ? "(time)" : v))));
    return rows;
  }

  test.each([
    ["the demo the command line wrote", "demo.xlsx"],
    ["the demo saved by LibreOffice", "libreoffice-saved.xlsx"],
  ])("%s: loaded, checked, its 2023 report and final evaluation written and downloaded, as the command line writes them", async (_what, name) => {
    const input = join(dir, name);
    if (name !== "demo.xlsx") copyFileSync(join(ROOT, "test/fixtures", name), input);
    const page = await open();
    await page.getByTestId("open-input").setInputFiles(input);
    await page.getByText(`已打开 ${name}`).waitFor();
    await page.getByRole("button", { name: "数据校验" }).click();
    await page.getByRole("button", { name: "校验数据" }).click();
    await page.getByRole("button", { name: "年度报告" }).click();
    await page.getByRole("combobox", { name: "监测年度" }).last().selectOption("2023");
    for (const button of ["生成年度报告", "生成终期评估报告"]) {
      await page.getByRole("button", { name: button }).click();
      // The workbook may hold it already: replaced, as --replace does.
      const replace = page.getByRole("button", { name: "替换该报告" });
      await Promise.race([replace.waitFor(), page.getByText(/已生成报告工作表/).last().waitFor()]);
      if (await replace.count()) await replace.click();
      await page.getByText(/已生成报告工作表/).last().waitFor();
    }
    await shot(page, `offline-report-${name.replace(/\.xlsx$/, "")}`);
    const wb = await download(page, `downloaded-${name}`);
    void wb;
    const now = new Date();
    for (const [args, sheet] of [
      [["--year", "2023"], "2023年度监测报告"],
      [["--final"], "2021-2025终期评估"],
    ] as const) {
      const out = join(dir, `cli-${sheet}-${name}`);
      expect((await main(["report", input, ...args, "--replace", "-o", out, "--overwrite"], { cwd: dir, now })).code).toBe(0);
      expect(await reportRows(join(dir, `downloaded-${name}`), sheet)).toEqual(await reportRows(out, sheet));
    }
  }, 300_000);

  test("a report printed straight from the page: the 2023 report's tables, A4 landscape, a page per page the report decided on", async () => {
    const page = await open();
    await page.getByTestId("open-input").setInputFiles(join(dir, "demo.xlsx"));
    await page.getByText("已打开 demo.xlsx").waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { print: () => void; printed: number };
      w.printed = 0;
      w.print = () => void w.printed++;
    });
    await page.getByRole("combobox", { name: "要打印的报告" }).selectOption("2023");
    await page.getByRole("button", { name: "打印…" }).click();
    await page.getByText(/已交给打印：2023年度监测报告/).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const printed = page.getByTestId("print-root");
    expect(await printed.textContent()).toContain("2023年度规划实施监测报告");
    expect(await printed.locator("table.report-page").count()).toBeGreaterThan(1);
    await page.emulateMedia({ media: "print" });
    // As printed: only the report shows.
    expect(await page.getByRole("button", { name: "打印…" }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4", landscape: true, preferCSSPageSize: true });
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, "offline-print-2023.pdf"), pdf);
    await shot(page, "offline-print-2023");
    expect(pdf.length).toBeGreaterThan(10_000);
  }, 180_000);

  /** Tabs forward until the focused element's text starts with `name` (keyboard only, as a planner without a mouse). */
  async function tabTo(page: Page, name: string): Promise<void> {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => (document.activeElement?.textContent ?? "").trim());
      if (focused.startsWith(name)) return;
    }
    throw new Error(`no focusable element "${name}" reached by Tab`);
  }

  test("keyboard only: start, check, write the report; axe finds nothing in either language", async () => {
    const page = await open();
    expect(await accessibility(page)).toEqual([]);
    await tabTo(page, "新建：常州市武进区");
    await page.keyboard.press("Enter");
    await page.getByText(/已新建 .*模板已插入/).waitFor();
    await tabTo(page, "数据校验");
    await page.keyboard.press("Enter");
    await tabTo(page, "校验数据");
    await page.keyboard.press("Enter");
    await page.getByText("未发现问题。").first().waitFor();
    await tabTo(page, "年度报告");
    await page.keyboard.press("Enter");
    await tabTo(page, "生成年度报告");
    await page.keyboard.press("Enter");
    await page.getByText(/已生成报告工作表/).first().waitFor();
    // Focus never fell to the page body on the way.
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    expect(await accessibility(page)).toEqual([]);
    await page.getByRole("button", { name: "English" }).first().click();
    await page.getByRole("heading", { name: "Plan Monitor · offline" }).waitFor();
    await shot(page, "offline-workbook-en");
    expect(await accessibility(page)).toEqual([]);
  }, 240_000);

  test("a file that is no workbook gets one line saying so, in Chinese and English, never a JavaScript internal", async () => {
    const page = await open();
    await page.getByTestId("open-input").setInputFiles({ name: "notes.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip at all") });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/notes\.xlsx/);
    expect(await alert.innerText()).not.toMatch(/undefined|TypeError|Cannot read/);
  }, 120_000);

  test("nothing was asked of the network: every request was the page itself", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith("file://") && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
  });

  test("the add-in's page with office.js blocked says why in the reader's language and points to the offline page", async () => {
    const { server, url } = await serveDist();
    try {
      const page = await browser.newPage({ locale: "zh-CN" });
      // Microsoft's CDN unreachable, as on a closed government network.
      await page.route(`${OFFICE_CDN}**`, (route) => route.abort("internetdisconnected"));
      await page.goto(`${url}taskpane.html`);
      await page.getByText(/office\.js）未能从微软网站载入/).waitFor();
      const text = await page.innerText("main");
      expect(text).not.toMatch(/启动失败|Office is not defined/);
      const link = page.getByRole("link", { name: "打开离线版" });
      expect(await link.getAttribute("href")).toBe("plan-monitor.html");
      await shot(page, "offline-fallback");
      await link.click();
      await page.getByRole("heading", { name: "规划监测助手 · 离线版" }).waitFor();
    } finally {
      server.close();
    }
  }, 120_000);
});
