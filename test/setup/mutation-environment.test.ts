/**
 * The mutation runner's coverage fix-up (test/setup/mutation-environment.js): what a beforeAll
 * reaches, and what a describe block's body computes while jest collects the tests, is credited to
 * every test under it, as StrykerJS names them, and to no other test.
 * The events are jest-circus's, hand-made; the coverage object is the instrumenter's shape.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HookCoverage } = require("./mutation-environment") as { HookCoverage: new () => { handle(event: unknown, stryker: unknown, state?: unknown): void } };

interface Block {
  name: string;
  parent?: Block;
}
const root: Block = { name: "ROOT_DESCRIBE_BLOCK" };
const outer: Block = { name: "the sheet", parent: root };
const inner: Block = { name: "its edges", parent: outer };
const other: Block = { name: "elsewhere", parent: root };
const hook = (parent: Block) => ({ type: "beforeAll", parent });
const test_ = (name: string, parent: Block) => ({ name, parent });

test("a beforeAll's coverage goes to every test under its describe block, at any depth, and no further", () => {
  const stryker: { mutantCoverage?: { static: Record<string, number>; perTest: Record<string, Record<string, number>> } } = {};
  const h = new HookCoverage();
  const cover = (ids: string[], testId?: string) => {
    const c = (stryker.mutantCoverage ??= { static: {}, perTest: {} });
    const target = testId ? (c.perTest[testId] ??= {}) : c.static;
    for (const id of ids) target[id] = (target[id] ?? 0) + 1;
  };
  cover(["1"]); // module loading: stays static
  h.handle({ name: "hook_start", hook: hook(outer) }, stryker);
  cover(["2", "2", "3"]);
  h.handle({ name: "hook_success", hook: hook(outer) }, stryker);
  h.handle({ name: "hook_start", hook: hook(inner) }, stryker);
  cover(["4"]);
  h.handle({ name: "hook_success", hook: hook(inner) }, stryker);
  // A beforeEach is the test's own (StrykerJS has started the test by then): not credited here.
  h.handle({ name: "hook_start", hook: { type: "beforeEach", parent: outer } }, stryker);
  h.handle({ name: "hook_success", hook: { type: "beforeEach", parent: outer } }, stryker);
  h.handle({ name: "test_start", test: test_("reads a cell", outer) }, stryker);
  cover(["5"], "the sheet reads a cell");
  h.handle({ name: "test_start", test: test_("an empty table", inner) }, stryker);
  h.handle({ name: "test_start", test: test_("unrelated", other) }, stryker);
  expect(stryker.mutantCoverage!.perTest).toEqual({
    "the sheet reads a cell": { "2": 2, "3": 1, "5": 1 },
    "the sheet its edges an empty table": { "2": 2, "3": 1, "4": 1 },
    "elsewhere unrelated": {},
  });
  expect(stryker.mutantCoverage!.static).toEqual({ "1": 1, "2": 2, "3": 1, "4": 1 });
});

test("a describe body's coverage (results computed for its tests to read) goes to its tests, nested bodies to theirs", () => {
  const stryker: { mutantCoverage: { static: Record<string, number>; perTest: Record<string, Record<string, number>> } } = { mutantCoverage: { static: {}, perTest: {} } };
  const h = new HookCoverage();
  const cover = (...ids: string[]) => ids.forEach((id) => (stryker.mutantCoverage.static[id] = (stryker.mutantCoverage.static[id] ?? 0) + 1));
  cover("1"); // module loading, before any describe: stays static only
  // jest-circus's state names the block just started; its body runs between the two events.
  h.handle({ name: "start_describe_definition" }, stryker, { currentDescribeBlock: outer });
  cover("2");
  h.handle({ name: "start_describe_definition" }, stryker, { currentDescribeBlock: inner });
  cover("3", "3");
  h.handle({ name: "finish_describe_definition" }, stryker, { currentDescribeBlock: inner });
  h.handle({ name: "finish_describe_definition" }, stryker, { currentDescribeBlock: outer });
  h.handle({ name: "start_describe_definition" }, stryker, { currentDescribeBlock: other });
  h.handle({ name: "finish_describe_definition" }, stryker, { currentDescribeBlock: other });
  h.handle({ name: "test_start", test: test_("reads a cell", outer) }, stryker);
  h.handle({ name: "test_start", test: test_("an empty table", inner) }, stryker);
  h.handle({ name: "test_start", test: test_("unrelated", other) }, stryker);
  // The outer body holds the inner one: its tests are credited with both (only more tests run a mutant).
  expect(stryker.mutantCoverage.perTest).toEqual({
    "the sheet reads a cell": { "2": 1, "3": 2 },
    "the sheet its edges an empty table": { "2": 1, "3": 4 },
    "elsewhere unrelated": {},
  });
});

test("without an instrumenter (no StrykerJS) it does nothing", () => {
  const h = new HookCoverage();
  expect(() => h.handle({ name: "test_start", test: test_("x", root) }, undefined)).not.toThrow();
});

describe("the bail once a test fails under the active mutant", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { bail } = require("./mutation-environment") as { bail: (event: unknown, mutant: string) => void };
  test("later tests and later suites' describe blocks are skipped (their beforeAll with them); another mutant's run is not", () => {
    const before = { mode: undefined as string | undefined };
    const earlier = { mode: undefined as string | undefined };
    bail({ name: "test_start", test: earlier }, "7");
    bail({ name: "run_describe_start", describeBlock: before }, "7");
    expect([earlier.mode, before.mode]).toEqual([undefined, undefined]);
    // A failing beforeAll is not a failing test: the suite's tests still run to report it.
    bail({ name: "hook_failure", hook: { type: "beforeAll" } }, "7");
    const afterHook = { mode: undefined as string | undefined };
    bail({ name: "test_start", test: afterHook }, "7");
    expect(afterHook.mode).toBeUndefined();
    bail({ name: "test_fn_failure", test: earlier }, "7");
    const next = { mode: undefined as string | undefined };
    const suite = { mode: undefined as string | undefined };
    bail({ name: "test_start", test: next }, "7");
    bail({ name: "run_describe_start", describeBlock: suite }, "7");
    expect([next.mode, suite.mode]).toEqual(["skip", "skip"]);
    const other = { mode: undefined as string | undefined };
    bail({ name: "run_describe_start", describeBlock: other }, "8");
    expect(other.mode).toBeUndefined();
  });
});
