/**
 * The production build in real chromium: the page outside Excel, function registration before the
 * pane, and the pane itself under a test double of office.js that reports an Excel host.
 */
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { describeInBrowser, launch, openPage, serveDist } from "./harness";

const FUNCTION_IDS = ["PARSE", "GAP", "EXPECTED", "PROGRESS", "STATUS", "PACE", "CV", "GINI", "THEIL", "MCLOONE", "VERSTEGEN", "RANGERATIO", "CLASSSHARE", "BALANCE"];

/** office.js stand-in: an Excel host in Chinese that records CustomFunctions.associate calls. */
const EXCEL_DOUBLE = `
  window.__associated = [];
  window.CustomFunctions = { associate: function (id) { window.__associated.push(id); } };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "zh-CN" },
    onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); },
  };
`;

describeInBrowser("runtime page in chromium", () => {
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await serveDist());
    browser = await launch();
  }, 60_000);

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
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    await page.close();
  }, 30_000);

  test("inside Excel every PLAN function is registered and the pane renders in Chinese", async () => {
    const { page, problems } = await openPage(browser, { officeDouble: EXCEL_DOUBLE });
    await page.goto(`${url}taskpane.html`);
    await page.getByRole("heading", { name: "规划监测助手" }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __associated: string[] }).__associated)).toEqual(FUNCTION_IDS);
    await page.getByRole("button", { name: /规划内部不一致之处/ }).click();
    await page.getByText("学生体质健康优良率：主要指标表目标为48%").waitFor();
    // Switch language by keyboard.
    await page.getByRole("button", { name: "切换为英文界面" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Plan Monitor" }).waitFor();
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    await page.close();
  }, 30_000);
});
