// Lint: typescript-eslint's recommended rules plus eslint-plugin-office-addins, whose rules catch
// real Office.js misuse (read before load/sync, sync in loops, navigational loads).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", ".stryker-tmp/", "reports/", "test-output/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // exceljs workbooks read back in tests: in-memory objects, nothing to load or sync (the Office.js
    // rules mistake exceljs's getCell for Office.js's).
    files: ["test/xlsx/**/*.ts", "test/render/**/*.ts"],
    rules: { "office-addins/call-sync-before-read": "off", "office-addins/load-object-before-read": "off" },
  },
  {
    // Custom functions take `any`: Excel hands over numbers, text, blanks and error values alike.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.{js,cjs}", "scripts/**/*.mjs", "test/**/*.mjs"],
    languageOptions: {
      globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly", Buffer: "readonly", setTimeout: "readonly", URL: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
