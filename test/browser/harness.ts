/**
 * Browser-test harness: serves the production build (dist/) on 127.0.0.1, launches Debian's
 * chromium through playwright-core, and answers Microsoft's CDN from the local @microsoft/office-js
 * package so no network is needed. Without chromium the tests are skipped with the reason, except
 * under CI, where a missing browser is a failure.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** The project root: the nearest folder above this file holding manifest.xml (also when compiled elsewhere). */
function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "manifest.xml")) && existsSync(join(dir, "package.json"))) return dir;
  }
  return process.cwd();
}
export const ROOT = projectRoot();
const DIST = join(ROOT, "dist");
const OFFICE_DIST = join(ROOT, "node_modules/@microsoft/office-js/dist");
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserMissing = existsSync(CHROMIUM) ? null : `chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export async function serveDist(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` first (`npm test` does)");
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
}

/**
 * A page whose Office CDN requests are answered from the local package (or, with `officeDouble`,
 * office.js replaced by a test double), and whose other outside requests are refused.
 */
export async function openPage(browser: Browser, options: { officeDouble?: string } = {}): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 }, locale: "zh-CN" });
  // Playwright's own waits get the same generous budget as the tests on a loaded machine.
  page.setDefaultTimeout(30_000);
  const problems: PageProblems = { consoleErrors: [], pageErrors: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith("http://127.0.0.1")) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const rel = url.slice(OFFICE_CDN.length).split("?")[0]!;
      if (rel === "office.js" && options.officeDouble) {
        return route.fulfill({ contentType: "text/javascript", body: options.officeDouble });
      }
      const file = join(OFFICE_DIST, rel);
      if (file.startsWith(OFFICE_DIST) && existsSync(file)) {
        return route.fulfill({ contentType: "text/javascript", body: readFileSync(file, "utf8") });
      }
    }
    // Telemetry and anything else outside: answer empty rather than leave the machine.
    return route.fulfill({ status: 204, body: "" });
  });
  return { page, problems };
}

/** Bundles the test-only office.js stand-in (test/browser/excel-double-entry.ts) into one script. */
export async function bundleExcelDouble(): Promise<string> {
  const webpack = (await import("webpack")).default;
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const out = mkdtempSync(join(tmpdir(), "plan-monitor-double-"));
  await new Promise<void>((resolve, reject) => {
    webpack(
      {
        mode: "development",
        devtool: false,
        entry: join(ROOT, "test/browser/excel-double-entry.ts"),
        output: { path: out, filename: "double.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true } }] },
      },
      (error, stats) => (error || stats?.hasErrors() ? reject(error ?? new Error(stats!.toString())) : resolve()),
    );
  });
  return readFileSync(join(out, "double.js"), "utf8");
}

/** An axe-core scan against WCAG 2.1 A and AA: the violations as "rule: target" lines. */
export async function accessibility(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${(n as unknown as { html: string }).html.slice(0, 300)} ${JSON.stringify((n as unknown as { any?: Array<{ message: string }> }).any?.map((a) => a.message) ?? [])}`));
  });
}
