/**
 * Offline checks of manifest.xml (Microsoft's validator needs the network, and no current XSD ships
 * in any package): well-formed, consistent resids, shared runtime, PLAN namespace, both locales, and
 * every URL pointing at a file the production build emits (run `npm run build` first; `npm test` does).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
const DEV_URL = "https://localhost:3000/";
const text = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function parse(xml: string) {
  const problems: string[] = [];
  const parser = new DOMParser({ onError: (level, msg) => problems.push(`${level}: ${msg}`) });
  try {
    return { doc: parser.parseFromString(xml, "text/xml"), problems };
  } catch (error) {
    // xmldom reports fatal errors through onError and then throws.
    return { doc: parser.parseFromString("<OfficeApp/>", "text/xml"), problems: [...problems, String(error)] };
  }
}

const { doc, problems } = parse(text);
const all = (name: string): XmlElement[] => Array.from(doc.getElementsByTagName(name)) as unknown as XmlElement[];
const attr = (el: XmlElement, name: string) => el.getAttribute(name) ?? "";

describe("manifest.xml", () => {
  test("is well-formed XML with the Office add-in root", () => {
    expect(problems).toEqual([]);
    expect(doc.documentElement!.nodeName).toBe("OfficeApp");
    expect(attr(doc.documentElement as unknown as XmlElement, "xsi:type")).toBe("TaskPaneApp");
    expect(all("Id")[0]!.textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  test("a malformed manifest would be caught", () => {
    expect(parse("<OfficeApp><Id></OfficeApp>").problems.length).toBeGreaterThan(0);
  });

  test("every resid names a resource, and resource IDs are unique and at most 32 characters", () => {
    const ids = [...all("bt:Url"), ...all("bt:Image"), ...all("bt:String")]
      .filter((el) => el.hasAttribute("id")) // <Icon> children are bt:Image references, not resources
      .map((el) => attr(el, "id"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    const resids = Array.from(text.matchAll(/resid="([^"]+)"/g), (m) => m[1]!);
    expect(resids.length).toBeGreaterThan(10);
    for (const resid of resids) expect(ids).toContain(resid);
  });

  test("one shared runtime hosts the pane, the functions and the commands", () => {
    const sets = all("Set").map((el) => [attr(el, "Name"), attr(el, "MinVersion")]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
    // The highest requirement the Excel adapter uses: Worksheet.pageLayout (reports).
    expect(sets).toContainEqual(["ExcelApi", "1.9"]);
    // Ribbon commands run in the same runtime as the pane (FunctionFile = the pane's page).
    const functions = all("FunctionName").map((el) => el.textContent);
    expect(functions).toEqual(["insertTemplate", "annualReport"]);
    const runtimes = all("Runtime");
    expect(runtimes.map((el) => [attr(el, "resid"), attr(el, "lifetime")])).toEqual([["Taskpane.Url", "long"]]);
    expect(attr(all("FunctionFile")[0]!, "resid")).toBe("Taskpane.Url");
    const page = all("Page")[0]!.getElementsByTagName("SourceLocation")[0]!;
    expect(page.getAttribute("resid")).toBe("Taskpane.Url");
    const showPane = all("Action").find((el) => attr(el, "xsi:type") === "ShowTaskpane")!;
    expect(showPane.getElementsByTagName("SourceLocation")[0]!.getAttribute("resid")).toBe("Taskpane.Url");
    expect(all("Host").some((el) => attr(el, "Name") === "Workbook")).toBe(true);
  });

  test("custom functions live in the PLAN namespace", () => {
    const resid = attr(all("Namespace")[0]!, "resid");
    const ns = all("bt:String").find((el) => attr(el, "id") === resid)!;
    expect(attr(ns, "DefaultValue")).toBe("PLAN");
  });

  test("the ribbon group sits on the Home tab and says 规划监测 / Plan Monitor", () => {
    expect(attr(all("OfficeTab")[0]!, "id")).toBe("TabHome");
    const label = all("bt:String").find((el) => attr(el, "id") === "Group.Label")!;
    expect(attr(label, "DefaultValue")).toBe("Plan Monitor");
    expect(attr(label.getElementsByTagName("bt:Override")[0]!, "Value")).toBe("规划监测");
  });

  test("display strings exist in en-US (default) and zh-CN", () => {
    expect(all("DefaultLocale")[0]!.textContent).toBe("en-US");
    for (const el of [all("DisplayName")[0]!, all("Description")[0]!]) {
      expect(attr(el.getElementsByTagName("Override")[0]!, "Locale")).toBe("zh-CN");
    }
    for (const el of all("bt:String")) {
      if (attr(el, "id") === "Functions.Namespace") continue;
      const override = el.getElementsByTagName("bt:Override")[0];
      expect([attr(el, "id"), override?.getAttribute("Locale")]).toEqual([attr(el, "id"), "zh-CN"]);
      expect(override!.getAttribute("Value")).toMatch(/[\u4e00-\u9fff]/);
    }
    // Chinese Excel gets Chinese formula-bar descriptions.
    const metadata = all("bt:Url").find((el) => attr(el, "id") === "Functions.Metadata.Url")!;
    expect(attr(metadata.getElementsByTagName("bt:Override")[0]!, "Value")).toBe(`${DEV_URL}functions.zh-CN.json`);
  });

  test("every URL points at a file the production build emits", () => {
    expect(existsSync(join(DIST, "taskpane.html"))).toBe(true); // run `npm run build` first
    const urls = Array.from(text.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"|<AppDomain>([^<]+)</g), (m) => m[1] ?? m[2]!);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith(DEV_URL.slice(0, -1))).toBe(true);
      const path = url.slice(DEV_URL.length);
      if (path === "") continue; // the AppDomain
      expect([url, existsSync(join(DIST, path))]).toEqual([url, true]);
    }
  });

  test("the built functions.json files carry every PLAN function", () => {
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const metadata = JSON.parse(readFileSync(join(DIST, file), "utf8"));
      expect(metadata.functions.length).toBe(21);
      // Excel's naming rules: ids and names start with a letter and have at least three characters;
      // ids use A–Z, 0–9, _ and . only (excel.md: custom functions). Ids are frozen once shipped.
      for (const fn of metadata.functions as Array<{ id: string; name: string }>) {
        expect([file, fn.id]).toEqual([file, expect.stringMatching(/^[A-Z][A-Z0-9_.]{2,}$/)]);
        expect([file, fn.name]).toEqual([file, expect.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{2,}$/)]);
      }
    }
  });

  test("asks for CustomFunctionsRuntime 1.3 (CustomFunctions.Error and ErrorCode need it)", () => {
    const set = all("Set").find((s) => attr(s, "Name") === "CustomFunctionsRuntime")!;
    expect(attr(set, "MinVersion")).toBe("1.3");
  });

  test("a production manifest (PLAN_MONITOR_URL) keeps no localhost, AppDomains included; support is a real help page", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { rewriteManifest } = require("../scripts/manifest-url.cjs");
    const prod: string = rewriteManifest(text, "https://addins.example.edu.cn/plan-monitor");
    expect(prod).not.toContain("localhost");
    expect(prod).toContain("<AppDomain>https://addins.example.edu.cn</AppDomain>");
    expect(prod).toContain('<SupportUrl DefaultValue="https://addins.example.edu.cn/plan-monitor/help.html"/>');
    expect(existsSync(join(DIST, "help.html"))).toBe(true);
    expect(readFileSync(join(DIST, "help.html"), "utf8")).toContain("数据有误 Invalid data");
  });
});
