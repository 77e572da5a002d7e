/**
 * The production build in real chromium: the page outside Excel, and — with a test-only Excel
 * double in place of office.js — function registration and the main flows of the pane.
 */
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { accessibility, bundleExcelDouble, launch, openPage, serveDist, type PageProblems } from "./harness";
import { describeInBrowser } from "./describe";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** Screenshots of the pane's states, for looking at (an ignored folder; the README's picture is taken from one). */
const SHOTS = join(__dirname, "../../test-output/screens");
const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

/** Numbers split across two lines anywhere in the pane ("92." at a line's end, "52%" on the next). */
async function brokenNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of (node.textContent ?? "").matchAll(/\d[\d.,:%]*\d%?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out;
  });
}

const FUNCTION_IDS = ["PARSE", "GAP", "EXPECTED", "PROGRESS", "STATUS", "MILESTONE", "ACHIEVED", "PACE", "DIFFCOEF", "GINI", "THEIL", "MCLOONE", "VERSTEGEN", "RANGERATIO", "CLASSSHARE", "BALANCE", "GROWTH", "GROWS", "NOFALL", "FASTER", "NOTBELOW"];

describeInBrowser("runtime page in chromium", () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let double: string;

  beforeAll(async () => {
    ({ server, url } = await serveDist());
    [browser, double] = await Promise.all([launch(), bundleExcelDouble()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test("outside Excel it explains what the add-in is and how to load it, in both languages", async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${url}taskpane.html`);
    const main = page.locator("#outside-office");
    await main.waitFor({ timeout: 15_000 });
    const text = await main.innerText();
    expect(text).toContain("规划监测助手");
    expect(text).toContain("Plan Monitor");
    expect(text).toContain("manifest.xml");
    expect(text).toContain("此页面需要在 Excel 中作为加载项打开");
    // A planner first (what it does, ask IT to deploy it), developers last.
    expect(text).toContain("集中部署");
    expect(text.indexOf("如何在 Excel 中使用")).toBeLessThan(text.indexOf("开发与测试人员"));
    expect(text.indexOf("npm start")).toBeGreaterThan(text.indexOf("开发与测试人员"));
    // A picture of the pane, loaded (its natural width known) and described.
    const picture = main.locator("img").first();
    await page.waitForFunction(() => (document.querySelector("#outside-office img") as HTMLImageElement | null)?.naturalWidth === 320);
    expect(await picture.getAttribute("alt")).toContain("任务窗格");
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    await page.close();
  }, 30_000);

  test("by keyboard alone: insert → check → choose a finding → year → report → replace; focus never falls to the page", async () => {
    const { page, problems } = await openPage(browser, { officeDouble: double });
    await page.goto(`${url}taskpane.html`);
    const pane = page.locator("main");
    await pane.getByText("本工作簿尚未插入规划模板。").waitFor({ timeout: 15_000 });
    const onBody = () => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);
    const press = async (name: string | RegExp) => {
      await pane.getByRole("button", { name }).first().focus();
      await page.keyboard.press("Enter");
    };
    await press("插入模板");
    await pane.getByText(/完成：新建表格 10 个/).waitFor();
    expect(await onBody()).toBe(false);
    const cell = await page.evaluate(() => {
      const address = window.__workbook.addressOf("PM_Indicators", "INT-03", "2023");
      window.__workbook.type("规划指标", address, 92.52);
      return address;
    });
    await press("数据校验");
    await press("校验数据");
    const finding = pane.getByRole("button", { name: new RegExp(`错误 ${cell}`) });
    await finding.waitFor();
    expect(await onBody()).toBe(false);
    await finding.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__workbook.selection !== null);
    expect(await onBody()).toBe(false);
    await press("年度报告");
    const years = pane.getByRole("combobox").filter({ hasText: "有数据的最近年份" });
    await years.focus();
    await years.selectOption("2023");
    await press("生成年度报告");
    await pane.getByText("已生成报告工作表“2023年度监测报告”。").waitFor();
    expect(await onBody()).toBe(false);
    await press("生成年度报告");
    await pane.getByRole("group", { name: /已存在/ }).waitFor();
    // The prompt takes focus on its first choice; Enter replaces; focus returns to the button that asked.
    await page.waitForFunction(() => document.activeElement?.textContent === "替换该报告");
    await page.keyboard.press("Enter");
    await pane.getByText("已生成报告工作表“2023年度监测报告”。").waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "生成年度报告");
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    await page.close();
  }, 60_000);

  describe("inside Excel (double)", () => {
    let page: Page;
    let problems: PageProblems;

    beforeAll(async () => {
      ({ page, problems } = await openPage(browser, { officeDouble: double }));
      await page.goto(`${url}taskpane.html`);
      await page.locator("main").getByText("本工作簿尚未插入规划模板。").waitFor({ timeout: 15_000 });
    }, 30_000);

    afterAll(() => page?.close());
    // Texts are looked for in the pane (<main>): the live region beside it repeats them for screen readers.

    test("every PLAN function and both ribbon commands are registered", async () => {
      expect(await page.evaluate(() => window.__associated)).toEqual(FUNCTION_IDS);
      expect(await page.evaluate(() => Object.keys(window.__actions))).toEqual(["insertTemplate", "annualReport"]);
    });

    test("axe-core (WCAG 2.1 AA) finds no violation before the template is inserted", async () => {
      await shot(page, "1-before-insert-zh");
      // One call to action before insertion: the progress section says why it is empty.
      await page.locator("main").getByText(/工作簿中还没有规划模板/).waitFor();
      expect(await accessibility(page)).toEqual([]);
    });

    test("insert the template", async () => {
      await page.getByRole("button", { name: "插入模板" }).click();
      await page.locator("main").getByText(/完成：新建表格 10 个/).waitFor();
      expect(await page.evaluate(() => window.__workbook.tables.map((t) => t.name))).toEqual([
        "PM_Indicators",
        "PM_Tasks",
        "PM_Milestones",
        "PM_Schools",
        "PM_Balance",
        "PM_Contradictions",
        "PM_Funding",
        "PM_Projects",
        "PM_Build",
        "PM_Plan",
      ]);
      await page.locator("main").getByText("无数据 23").waitFor();
      // Nothing typed yet: the year shown is the plan's first, and the pane says there is nothing to judge.
      expect(await page.locator("main").getByRole("combobox").filter({ hasText: "2021" }).first().inputValue()).toBe("2021");
      await page.locator("main").getByText(/该年度还没有填写任何指标数据/).waitFor();
    });

    test("validate, then choose a finding to select its cell", async () => {
      const cell = await page.evaluate(() => {
        const address = window.__workbook.addressOf("PM_Indicators", "INT-03", "2023");
        window.__workbook.type("规划指标", address, 92.52);
        return address;
      });
      await page.getByRole("button", { name: "数据校验" }).click();
      await page.getByRole("button", { name: "校验数据" }).click();
      const finding = page.getByRole("button", { name: new RegExp(`错误 ${cell}：92.52 像是按百分点填写的`) });
      await finding.click();
      await page.waitForFunction(() => window.__workbook.selection !== null);
      expect(await page.evaluate(() => window.__workbook.selection)).toEqual({ sheet: "规划指标", address: `'规划指标'!${cell}:${cell}` });
      // With the template in, the progress counts and a finding listed: still no violation, no number split.
      await shot(page, "2-check-zh");
      expect(await brokenNumbers(page)).toEqual([]);
      // The check itself sees a split number (a probe too narrow for it, removed again).
      await page.evaluate(() => {
        const probe = document.createElement("div");
        probe.id = "probe";
        probe.style.cssText = "width:24px;overflow-wrap:anywhere";
        probe.textContent = "1234567.891";
        document.querySelector("main")!.append(probe);
      });
      expect(await brokenNumbers(page)).toEqual(["1234567.891"]);
      await page.evaluate(() => document.getElementById("probe")!.remove());
      expect(await accessibility(page)).toEqual([]);
    });

    test("generate the annual report from the pane, then from the ribbon (which asks before replacing)", async () => {
      // The latest year with data is 2023 (the validation test typed a 2023 value).
      await page.getByRole("button", { name: "年度报告" }).click();
      await page.getByRole("button", { name: "生成年度报告" }).click();
      await page.locator("main").getByText("已生成报告工作表“2023年度监测报告”。").waitFor();
      expect(await page.evaluate(() => window.__workbook.sheets.map((s) => s.name))).toContain("2023年度监测报告");
      const completed = await page.evaluate(
        () => new Promise<number>((resolve) => window.__actions.annualReport!({ completed: () => resolve(window.__paneShown) })),
      );
      expect(completed).toBe(1); // the existing report was left alone and the pane opened to ask
      await page.locator("main").getByText(/报告工作表“2023年度监测报告”已存在，未作改动/).waitFor();
      await shot(page, "3-report-zh");
    });

    test("works by keyboard at 320 px: switch the language", async () => {
      expect(page.viewportSize()?.width).toBe(320);
      const toggle = page.getByRole("button", { name: "English 切换为英文界面" });
      await toggle.focus();
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Plan Monitor" }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, "4-english");
      expect(await brokenNumbers(page)).toEqual([]);
      await page.locator("main").getByText(/No indicator has a value for this year yet/).waitFor();
      // 200 % zoom: the same pane at half the CSS width reflows without scrolling sideways (WCAG 1.4.10).
      await page.setViewportSize({ width: 160, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await shot(page, "5-english-200-percent");
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await accessibility(page)).toEqual([]); // in English, with the report section open
    });

    test("no console errors along the way", () => {
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    });
  });
});
