/**
 * A double of the parts of the Excel custom-functions runtime that functions.ts uses:
 * `CustomFunctions.Error` with the real error codes, and `Office.context.displayLanguage`.
 * Tests set `globalThis.__displayLanguage` to switch the language.
 */
class CustomFunctionsErrorDouble extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}

const g = globalThis as unknown as Record<string, unknown>;
g.CustomFunctions = {
  Error: CustomFunctionsErrorDouble,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
  },
};
g.__displayLanguage = "en-US";
g.Office = {
  context: {
    get displayLanguage() {
      return g.__displayLanguage;
    },
    // A current Excel: ExcelApi up to 1.13 (merged areas); tests may lower it.
    requirements: {
      isSetSupported: (name: string, version?: string) => name === "ExcelApi" && Number(version ?? "1.1") <= Number(g.__excelApi ?? 1.13),
    },
  },
};
