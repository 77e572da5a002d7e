/**
 * The Excel double computes formulas in jest (not in the browser bundle): the test spreadsheet
 * engine with PLAN.* bound to the product's functions, a blank argument arriving as null.
 * The engine loads on the first sync, not here: most suites never sync, and under mutation testing
 * every suite is loaded afresh per mutant.
 */
import { useFormulaCalculator } from "../excel/fake-excel";
import type { FunctionMeta } from "../formulas/engine";

type Engine = typeof import("../formulas/engine");
let engine: Engine | null = null;
let implementations: Record<string, (...a: unknown[]) => unknown> | null = null;
let metadata: FunctionMeta[] | null = null;
let last: import("../formulas/engine").WorkbookEvaluator | null = null;
useFormulaCalculator({
  async ready() {
    /* eslint-disable @typescript-eslint/no-require-imports */
    engine ??= require("../formulas/engine") as Engine;
    implementations ??= require("../../src/functions/functions") as Record<string, (...a: unknown[]) => unknown>;
    /* eslint-enable @typescript-eslint/no-require-imports */
    metadata ??= await engine.productMetadata();
  },
  calculate(source) {
    const { WorkbookEvaluator, isFormulaError } = engine!;
    // Recalculated from the last calculation (of this or another workbook double): formulas whose
    // inputs are unchanged keep their values, as in Excel, and a suite computes the template once.
    const ev = (last = last?.recalculated(source) ?? new WorkbookEvaluator(source, { implementations: implementations!, metadata: metadata!, blankScalar: null }));
    return (sheet, row, col) => {
      const v = ev.valueAt(sheet, row, col);
      // A formula the engine cannot compute fails the test rather than reading as some value.
      if (ev.failures.length) throw new Error(`the Excel double could not compute: ${ev.failures.join("; ")}`);
      return isFormulaError(v) ? v.error : (v ?? "");
    };
  },
});
