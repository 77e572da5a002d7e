/**
 * Two projects: `unit` (core, custom functions, adapters, manifest; node) and `browser` (the
 * production build in Debian chromium via playwright-core; needs `npm run build` first).
 */
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx" } }],
};

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      testTimeout: 30000,
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
      setupFiles: ["<rootDir>/test/setup/custom-functions-runtime.ts", "<rootDir>/test/setup/jsdom.ts"],
      transform,
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      testTimeout: 30000,
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
      transform,
    },
  ],
};
