/**
 * The unit tests as StrykerJS runs them (`npm run test:mutation`): transpile-only (the type check is
 * `npm run typecheck`'s job), and without the suites that run the command line as a child process
 * (it compiles the unmutated sources itself, so those suites cannot see a mutant), drive the pane or
 * LibreOffice, or test the command line's error handling: seconds of set-up each, per mutant.
 */
module.exports = {
  testEnvironment: "node",
  rootDir: __dirname,
  roots: ["<rootDir>/test"],
  // Suites that build a whole workbook first (test/xlsx, the formula engine) take seconds per mutant:
  // run with STRYKER_FULL=1 to include them.
  testMatch: process.env.STRYKER_FULL ? ["**/*.test.ts"] : ["<rootDir>/test/core/**/*.test.ts", "<rootDir>/test/functions/**/*.test.ts", "<rootDir>/test/excel/**/*.test.ts", "<rootDir>/test/two-hosts.test.ts"],
  testPathIgnorePatterns: [
    "<rootDir>/node_modules/",
    "<rootDir>/test/browser/",
    "<rootDir>/test/taskpane/",
    "<rootDir>/test/xlsx/cli.test.ts",
    "<rootDir>/test/xlsx/next-plan.test.ts",
    "<rootDir>/test/xlsx/funding-building.test.ts",
    "<rootDir>/test/xlsx/outside-excel.test.ts",
    "<rootDir>/test/xlsx/cli-errors.test.ts",
  ],
  setupFiles: ["<rootDir>/test/setup/custom-functions-runtime.ts", "<rootDir>/test/setup/jsdom.ts", "<rootDir>/test/setup/fast-check.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } }],
  },
  testTimeout: 60000,
};
