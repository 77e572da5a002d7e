/**
 * Test-only stand-in for office.js in the browser: an Excel host (Chinese display language) whose
 * Excel.run executes against the same typed workbook double the jest tests use. Bundled by the
 * browser test and served in place of office.js; never part of the production build.
 */
import { FakeContext, FakeWorkbookData, installExcelEnums } from "../excel/fake-excel";

declare global {
  interface Window {
    __workbook: FakeWorkbookData;
    __associated: string[];
    __actions: Record<string, (event: { completed(): void }) => void>;
    __paneShown: number;
  }
}

installExcelEnums();
const data = new FakeWorkbookData();
data.addSheet("Sheet1");
window.__workbook = data;
window.__associated = [];
window.__actions = {};
window.__paneShown = 0;
(window as unknown as { Excel: { run: unknown } }).Excel.run = (fn: (ctx: unknown) => Promise<unknown>) => fn(new FakeContext(data).excel);
(window as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  associate: (id: string) => window.__associated.push(id),
};
(window as unknown as { Office: unknown }).Office = {
  HostType: { Excel: "Excel" },
  context: { displayLanguage: "zh-CN" },
  onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
  actions: { associate: (name: string, fn: (event: { completed(): void }) => void) => (window.__actions[name] = fn) },
  addin: { showAsTaskpane: () => Promise.resolve(void window.__paneShown++) },
};
