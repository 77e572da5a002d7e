/**
 * Start-up in headless chromium: time from navigation to PLAN.* registered and to the pane
 * interactive, read from performance marks in the production build (office.js replaced by the
 * Excel double, so no network). Median of several loads.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { browserMissing, bundleExcelDouble, launch, openPage, ROOT, serveDist } from "../../test/browser/harness";

/**
 * The offline page (dist/plan-monitor.html): its size, and the time from navigation (file://, no
 * network) to interactive, read from its performance mark. Median of `rounds` loads.
 */
export async function runOffline(rounds: number): Promise<void> {
  const file = join(ROOT, "dist/plan-monitor.html");
  const size = statSync(file).size / (1024 * 1024);
  if (browserMissing) {
    console.log(`\nOffline page: ${size.toFixed(2)} MiB (target ≤ 3 MB); timing skipped: ${browserMissing}`);
    return;
  }
  const browser = await launch();
  const times: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => performance.getEntriesByName("plan-monitor:offline-interactive").length > 0, undefined, { timeout: 60_000 });
      times.push(await page.evaluate(() => performance.getEntriesByName("plan-monitor:offline-interactive")[0]!.startTime));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  console.log(`\nOffline page: ${size.toFixed(2)} MiB, one file (target ≤ 3 MB); interactive after ${median.toFixed(0)} ms from file:// (median of ${rounds}; target ≤ 1 s)`);
}

export async function run(): Promise<void> {
  if (browserMissing) {
    console.log(`\nStart-up timing skipped: ${browserMissing}`);
    return;
  }
  const { server, url } = await serveDist();
  const [browser, double] = await Promise.all([launch(), bundleExcelDouble()]);
  const functions: number[] = [];
  const pane: number[] = [];
  try {
    for (let i = 0; i < 7; i++) {
      const { page } = await openPage(browser, { officeDouble: double });
      await page.goto(`${url}taskpane.html`);
      await page.waitForFunction(() => performance.getEntriesByName("plan-monitor:pane-interactive").length > 0);
      const [f, p] = await page.evaluate(() => [
        performance.getEntriesByName("plan-monitor:functions-registered")[0]!.startTime,
        performance.getEntriesByName("plan-monitor:pane-interactive")[0]!.startTime,
      ]);
      functions.push(f!);
      pane.push(p!);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`\nStart-up in headless chromium (median of ${functions.length} loads, localhost, office.js stand-in):`);
  console.log(`  PLAN.* registered after ${median(functions).toFixed(0)} ms; pane interactive after ${median(pane).toFixed(0)} ms (${(median(pane) / median(functions)).toFixed(1)}x)`);
}
