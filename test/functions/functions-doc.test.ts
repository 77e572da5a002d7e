/**
 * docs/functions.md is the PLAN.* reference generated from the functions' own JSDoc (both
 * languages) and examples: it must be what the generator writes now, so it never drifts.
 */
import { readFileSync } from "node:fs";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render, OUT } = require("../../scripts/functions-doc.cjs") as { render: () => string; OUT: string };

test("docs/functions.md is current (regenerate with `npm run build` or `node scripts/functions-doc.cjs`)", () => {
  expect(readFileSync(OUT, "utf8")).toBe(render());
});

test("every function is there with its Chinese and English text, every parameter in both languages", () => {
  const doc = render();
  const sections = doc.split(/^## /m).slice(1);
  expect(sections.length).toBeGreaterThanOrEqual(21);
  for (const s of sections) {
    const [title, , signature, , zh, , en] = s.split("\n");
    expect([title, /^`PLAN\.[A-Z]+\(/.test(signature!), /[\u4e00-\u9fff]/.test(zh!), /[a-z]/.test(en!)]).toEqual([title, true, true, true]);
    for (const row of s.split("\n").filter((l) => l.startsWith("| `"))) expect(row).not.toMatch(/\|\s*\|/);
  }
});
