/**
 * The Excel double computes formulas in jest (not in the browser bundle): the test spreadsheet
 * engine with PLAN.* bound to the product's functions, a blank argument arriving as null.
 */
import { useFormulaCalculator } from "../excel/fake-excel";
import * as productFunctions from "../../src/functions/functions";
import { WorkbookEvaluator, isFormulaError, productMetadata, type FunctionMeta } from "../formulas/engine";

let metadata: FunctionMeta[] | null = null;
useFormulaCalculator({
  async ready() {
    metadata ??= await productMetadata();
  },
  calculate(source) {
    const ev = new WorkbookEvaluator(source, {
      implementations: productFunctions as unknown as Record<string, (...a: unknown[]) => unknown>,
      metadata: metadata!,
      blankScalar: null,
    });
    return (sheet, row, col) => {
      const v = ev.valueAt(sheet, row, col);
      // A formula the engine cannot compute fails the test rather than reading as some value.
      if (ev.failures.length) throw new Error(`the Excel double could not compute: ${ev.failures.join("; ")}`);
      return isFormulaError(v) ? v.error : (v ?? "");
    };
  },
});
