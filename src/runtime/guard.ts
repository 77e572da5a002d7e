/**
 * Outside Excel (a plain browser, a test) there is no CustomFunctions runtime; the associate calls
 * appended to functions.ts would then throw and leave a blank page. A no-op stands in for it.
 * Imported before the functions so it runs first.
 */
const g = globalThis as unknown as { CustomFunctions?: { associate?: unknown } };
if (typeof g.CustomFunctions?.associate !== "function") {
  g.CustomFunctions = { ...(g.CustomFunctions ?? {}), associate: () => undefined };
}
export {};
