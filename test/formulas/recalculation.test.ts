/**
 * The test spreadsheet engine recalculates as Excel does (the Excel double relies on it after every
 * sync): a formula keeps its value only while nothing it reads changed; a table that grows (or a
 * name that moves) computes everything again. Values worked out by hand.
 */
import { WorkbookEvaluator, type EvaluatorOptions, type Source } from "./engine";

const calls: number[] = [];
const options: EvaluatorOptions = {
  // PLAN.TWICE(x): counts its calls, so a reused value shows as no call.
  implementations: { twice: (x: unknown) => (calls.push(Number(x)), 2 * Number(x)) },
  metadata: [{ id: "TWICE", name: "twice", parameters: [{ name: "x" }] }],
  blankScalar: null,
};

const at = (row: number, col: number, content: { formula: string } | { value: number }) => ({ sheet: "S", row, col, ...content });
/** A2:A3 (or A2:A4) is table T's column X under its header in A1; C1 sums it; D1 doubles A2. */
function source(values: number[], extra: Source["cells"] = []): Source {
  return {
    cells: [at(1, 1, { value: 0 }), ...values.map((v, i) => at(2 + i, 1, { value: v })), at(1, 3, { formula: "=SUM(T[X])" }), at(1, 4, { formula: "=PLAN.TWICE(A2)" }), ...extra],
    tables: [{ name: "T", sheet: "S", headerRow: 1, firstRow: 2, lastRow: 1 + values.length, col: 1, columns: ["X"] }],
    names: [],
  };
}

test("a changed input recomputes what reads it, and only that", () => {
  calls.length = 0;
  const first = new WorkbookEvaluator(source([1, 2]), options);
  expect([first.valueAt("S", 1, 3), first.valueAt("S", 1, 4)]).toEqual([3, 2]);
  // A3 changes: the sum follows; PLAN.TWICE(A2) keeps its value without being called again.
  const second = first.recalculated(source([1, 5]));
  expect([second.valueAt("S", 1, 3), second.valueAt("S", 1, 4)]).toEqual([6, 2]);
  expect(calls).toEqual([1]);
  // A2 changes: everything reading it is computed again.
  const third = second.recalculated(source([4, 5]));
  expect([third.valueAt("S", 1, 3), third.valueAt("S", 1, 4)]).toEqual([9, 8]);
  expect(calls).toEqual([1, 4]);
});

test("a table that grows is computed again: its new row counts though no formula read that cell before", () => {
  const first = new WorkbookEvaluator(source([1, 2]), options);
  expect(first.valueAt("S", 1, 3)).toBe(3);
  expect(first.recalculated(source([1, 2, 7])).valueAt("S", 1, 3)).toBe(10);
});

test("a formula that failed is computed (and fails) again, never carried over as a value", () => {
  const bad = source([1, 2], [at(1, 6, { formula: "=NOSUCHFUNCTION(1)" })]);
  const first = new WorkbookEvaluator(bad, options);
  first.valueAt("S", 1, 6);
  expect(first.failures.length).toBe(1);
  const again = first.recalculated(bad);
  again.valueAt("S", 1, 6);
  expect(again.failures.length).toBe(1);
});
