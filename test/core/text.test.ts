/**
 * Every user-facing string exists in both languages (issue 16): each catalogue beside its layer is
 * walked, its functions called with sample arguments, and every zh/en pair checked — both present,
 * the Chinese one in Chinese (unless it is only a symbol, a number or a name such as "%").
 */
import * as messages from "../../src/core/messages";
import * as workbookText from "../../src/core/workbook/text";
import * as reportText from "../../src/core/report/text";
import * as paneText from "../../src/taskpane/text";
import * as commandText from "../../src/commands/text";
import * as runtimeText from "../../src/runtime/text";
import { cliText } from "../../src/xlsx/text";
import { offlineText } from "../../src/offline/text";
import { functionSummaries } from "../../src/functions/reference";
import { STATUS_LABELS, STANDARD_LABELS } from "../../src/core/calc/status";
import { MILESTONE_STATE_LABELS } from "../../src/core/calc/milestone";
import { BASIS_LABELS } from "../../src/core/calc/achieved";
import { APP_NAME } from "../../src/core/i18n";

const CJK = /[\u3400-\u9fff]/;
/** Pairs that are the same in both languages: symbols, numbers, short codes such as "%" or "ID". */
const ONLY_SYMBOLS = /^(?:[\s\d%:.,()（）‰≤≥<>=+\-–—·/&]*|[A-Z0-9_-]{1,8})$/;

/** Sample arguments for message functions, tried in turn until one fits. */
const SAMPLES: unknown[][] = [["X1", 2, 3, 4, 5], [[2021, 2022, 2023]], [1, 2, 3, 4, 5], ["X1", "Y1", "Z1", "W1"], [0.4, "＜0.40"], [0.5, { strict: true, value: 0.4 }], ["2026-11-30 08:40", "1.1.0", { withValue: 20, invalid: 2, total: 23 }, 2023]];
const insertReport = { createdTables: ["PM_A"], addedRows: [{ keys: ["A"] }], addedColumns: [{ headers: ["H"] }], notRestored: ["B"], preservedInputs: 3, conflicts: [1], resolution: "keep", movedYears: 2 };

function pairs(value: unknown, path: string, out: Array<[string, { zh: string; en: string }]>, depth = 0): void {
  if (depth > 6 || value === null || value === undefined) return;
  if (typeof value === "function") {
    const candidates = /insertSummary/.test(path) ? [[insertReport]] : /applySummary/.test(path) ? [[insertReport, 2, { startYear: 2026, targetYear: 2030 }]] : /directionMismatch/.test(path) ? [["higher"]] : /milestoneStandard/.test(path) ? [["X1", 2024, [{ name: { zh: "甲", en: "A" }, value: "72%", rule: { zh: "乙", en: "B" } }]]] : /schoolRule/.test(path) ? [[10, 2, 1]] : /reportText\.reportText\.headerLine/.test(path) ? [[{ withValue: 20, invalid: 2, total: 23 }, 2023]] : /actualYearMissing/.test(path) ? [["X1", "inUse"]] : /actualYearUnfinished/.test(path) ? [["X1", 2024, "building"]] : SAMPLES;
    for (const args of candidates) {
      let result: unknown;
      try {
        result = (value as (...a: unknown[]) => unknown)(...args);
      } catch {
        continue;
      }
      pairs(result, `${path}()`, out, depth + 1);
      return;
    }
    throw new Error(`no sample arguments fit ${path}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => pairs(v, `${path}[${i}]`, out, depth + 1));
    return;
  }
  if (typeof value !== "object") return;
  const o = value as Record<string, unknown>;
  if (typeof o.zh === "string" || typeof o.en === "string") {
    out.push([path, o as { zh: string; en: string }]);
    if (Array.isArray(o.zh) || Array.isArray(o.en)) return;
  }
  if (Array.isArray(o.zh) && Array.isArray(o.en)) {
    expect([path, (o.zh as unknown[]).length]).toEqual([path, (o.en as unknown[]).length]);
    (o.zh as string[]).forEach((zh, i) => out.push([`${path}[${i}]`, { zh, en: (o.en as string[])[i]! }]));
    return;
  }
  for (const [k, v] of Object.entries(o)) if (k !== "zh" && k !== "en") pairs(v, `${path}.${k}`, out, depth + 1);
}

const CATALOGUES: Record<string, unknown> = {
  messages,
  workbookText,
  reportText,
  paneText,
  commandText,
  runtimeText,
  cliText,
  offlineText,
  functionSummaries,
  STATUS_LABELS,
  STANDARD_LABELS,
  MILESTONE_STATE_LABELS,
  BASIS_LABELS,
  APP_NAME,
};

describe("every user-facing string exists in zh-CN and en", () => {
  const all: Array<[string, { zh: string; en: string }]> = [];
  for (const [name, catalogue] of Object.entries(CATALOGUES)) pairs(catalogue, name, all);

  test("the catalogues hold hundreds of pairs (the walk reaches them)", () => {
    expect(all.length).toBeGreaterThan(300);
  });

  // Every pair word for word: a change of wording shows up as a change of
  // test/core/__snapshots__/text.test.ts.snap to proofread (`npx jest -u` after proofreading). The
  // sample arguments do not fit every message (some print undefined or NaN): the wording around them is
  // what is pinned. Walked inside the test, so a mutation run maps the message functions to it.
  test("the wording of every pair is the proofread one", () => {
    const now: Array<[string, { zh: string; en: string }]> = [];
    for (const [name, catalogue] of Object.entries(CATALOGUES)) pairs(catalogue, name, now);
    expect(Object.fromEntries(now.map(([p, t]) => [p, `${t.zh} | ${t.en}`]))).toMatchSnapshot();
  });

  test.each(all.map(([p, t]) => [p, t] as const))("%s", (_path, t) => {
    expect(typeof t.zh).toBe("string");
    expect(typeof t.en).toBe("string");
    expect(t.zh.trim().length).toBeGreaterThan(0);
    expect(t.en.trim().length).toBeGreaterThan(0);
    if (!ONLY_SYMBOLS.test(t.zh)) expect(t.zh).toMatch(CJK);
    // English text is not Chinese (a quoted Chinese term inside it is fine).
    expect(t.en.replace(/“[^”]*”|"[^"]*"|（[^）]*）|\([^)]*\)/g, "").replace(/[\u3400-\u9fff]+/g, (m) => (m.length > 6 ? "CJK-RUN" : "")).includes("CJK-RUN")).toBe(false);
  });
});
