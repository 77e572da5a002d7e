/**
 * The unit tests as StrykerJS runs them (`npm run test:mutation`): transpile-only (the type check is
 * `npm run typecheck`'s job), and without the suites that run the command line as a child process
 * (it compiles the unmutated sources itself, so those suites cannot see a mutant), drive the pane or
 * LibreOffice, or test the command line's error handling: seconds of set-up each, per mutant.
 */
const SUITES = {
  calc: ["core/**/*.test.ts", "functions/**/*.test.ts"],
  functions: ["functions/**/*.test.ts", "core/**/*.test.ts"],
  report: ["core/**/*.test.ts", "excel/report.test.ts", "two-hosts.test.ts", "xlsx/final.test.ts", "xlsx/report-sheet.test.ts", "xlsx/funding-building.test.ts", "xlsx/print.test.ts", "xlsx/demo.test.ts"],
  workbook: ["core/**/*.test.ts", "excel/**/*.test.ts", "two-hosts.test.ts", "formulas/**/*.test.ts", "xlsx/bad-data.test.ts", "xlsx/funding-building.test.ts", "xlsx/demo.test.ts"],
  all: ["**/*.test.ts"],
};

module.exports = {
  // node, with a bail once a mutant is killed (see the file).
  testEnvironment: `${__dirname}/test/setup/mutation-environment.js`,
  rootDir: __dirname,
  // src too: jest follows imports through the haste map of its roots, and --findRelatedTests needs the
  // whole chain from a mutated file to the tests (a root of test/ alone finds only direct importers).
  roots: ["<rootDir>/test", "<rootDir>/src"],
  // Per folder, the suites that exercise it (scripts/mutation.mjs sets STRYKER_TESTS): each mutant
  // reruns the covering tests of these files, and suites that build a whole workbook take seconds.
  testMatch: (SUITES[process.env.STRYKER_TESTS ?? "all"] ?? SUITES.all).map((g) => `<rootDir>/test/${g}`),
  testPathIgnorePatterns: [
    "<rootDir>/node_modules/",
    "<rootDir>/test/browser/",
    "<rootDir>/test/taskpane/",
    "<rootDir>/test/xlsx/cli.test.ts",
    "<rootDir>/test/xlsx/next-plan.test.ts",
    "<rootDir>/test/xlsx/outside-excel.test.ts",
    "<rootDir>/test/xlsx/cli-errors.test.ts",
  ],
  setupFiles: ["<rootDir>/test/setup/custom-functions-runtime.ts", "<rootDir>/test/setup/jsdom.ts", "<rootDir>/test/setup/fast-check.ts", "<rootDir>/test/setup/excel-formulas.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } }],
  },
  testTimeout: 60000,
  // Only the suites that hold a test covering the mutant (see the file).
  testSequencer: "<rootDir>/test/setup/mutation-sequencer.js",
};
