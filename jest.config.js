/**
 * Two projects: `unit` (core, custom functions, adapters, manifest; node) and `browser` (the
 * production build in Debian chromium via playwright-core; needs `npm run build` first).
 */
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx" } }],
};

module.exports = {
  // testTimeout is a global option (inside a project entry jest ignores it and keeps its 5 s default):
  // generous, because CI shares two cores with other work. Slow suites set their own, longer ones.
  testTimeout: 60000,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
      setupFiles: ["<rootDir>/test/setup/custom-functions-runtime.ts", "<rootDir>/test/setup/jsdom.ts", "<rootDir>/test/setup/fast-check.ts", "<rootDir>/test/setup/excel-formulas.ts"],
      transform,
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
      transform,
    },
  ],
};
