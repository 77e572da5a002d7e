/**
 * Limits Excel enforces that the double does not: data-validation titles ≤ 32 characters, prompt
 * and alert texts ≤ 255, list sources ≤ 255, sheet names ≤ 31 without []:*?/\, and formulas within
 * 8,192 characters. Checked on every operation an insert and a report produce, in both languages.
 */
import { embeddedPlan } from "../../src/core/plan/embedded";
import { planInsert } from "../../src/core/workbook/insert";
import { buildReport } from "../../src/core/report/model";
import { reportSheet } from "../../src/core/report/sheet";
import { reportOps } from "../../src/core/report/ops";
import type { WorkbookSnapshot, WriteOp } from "../../src/core/workbook/model";

const empty: WorkbookSnapshot = { tables: {}, sheets: [], names: [], meta: null, year: null, protectedSheets: [] };

function opsFor(language: "zh" | "en"): WriteOp[] {
  const plan = embeddedPlan();
  const inserted = planInsert(plan, empty, { language, onConflict: "ask", year: 2023 });
  if (inserted.kind !== "write") throw new Error("insert");
  const report = reportOps(reportSheet(buildReport(plan, empty, 2023, { language, generatedAt: "2026-11-30 08:00" })), undefined);
  return [...inserted.ops, ...report];
}

describe.each(["zh", "en"] as const)("Excel's limits (%s)", (language) => {
  const ops = opsFor(language);

  test("data validation texts", () => {
    const validations = ops.filter((o): o is Extract<WriteOp, { op: "validation" }> => o.op === "validation");
    expect(validations.length).toBeGreaterThan(10);
    for (const v of validations) {
      expect([v.address, v.title.length <= 32]).toEqual([v.address, true]);
      expect([v.address, v.prompt.length <= 255, v.error.length <= 255]).toEqual([v.address, true, true]);
      if (v.rule.kind === "list") expect(v.rule.options.join(",").length).toBeLessThanOrEqual(255);
      if (v.rule.kind === "custom") expect(v.rule.formula.length).toBeLessThanOrEqual(255);
    }
  });

  test("sheet names", () => {
    for (const o of ops) {
      if (!("sheet" in o)) continue;
      expect(o.sheet.length).toBeLessThanOrEqual(31);
      expect(o.sheet).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  test("formulas and cell texts", () => {
    for (const o of ops) {
      if (o.op !== "setCells") continue;
      for (const row of o.formulas) {
        for (const cell of row) if (typeof cell === "string") expect(cell.length).toBeLessThanOrEqual(cell.startsWith("=") ? 8192 : 32767);
      }
    }
  });
});
