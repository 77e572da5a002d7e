/**
 * PM_Meta, the very hidden sheet that identifies the template in a workbook: A1:B4 key/value
 * pairs (template, version, language, protection), column D the template's row IDs, column F the
 * cells highlighted by validation, column H the applied plan as JSON (in chunks, each marked so no
 * host parses it as a number or formula). Read the same way by both adapters.
 */

/**
 * Characters per cell of the stored plan. Excel keeps up to 32,767 in a cell, but writing strings
 * past about 8,200 characters through Office.js has failed (office-js #3256): chunks stay below.
 */
export const PLAN_CHUNK = 8000;
export const PLAN_COLUMN = 7;
const MARK = "~";

export function planChunks(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += PLAN_CHUNK) out.push(MARK + json.slice(i, i + PLAN_CHUNK));
  return out;
}
import type { MetaSnapshot } from "./model";

/** `cell(row, col)` gives the value at 0-based sheet coordinates; `rows` bounds the columns' length. */
export function metaFromCells(cell: (row: number, col: number) => unknown, rows: number): MetaSnapshot | null {
  const pairs = new Map<string, unknown>();
  for (let r = 0; r < 4; r++) pairs.set(String(cell(r, 0) ?? ""), cell(r, 1));
  const templateId = pairs.get("template");
  if (typeof templateId !== "string" || templateId === "") return null;
  const column = (c: number) => {
    const out: string[] = [];
    for (let r = 0; r < rows; r++) {
      const v = cell(r, c);
      if (typeof v === "string" && v !== "") out.push(v);
    }
    return out;
  };
  return {
    templateId,
    version: String(pairs.get("version") ?? ""),
    language: pairs.get("language") === "en" ? "en" : "zh",
    protection: pairs.get("protection") === "on",
    ids: column(3),
    highlights: column(5),
    planJson: column(PLAN_COLUMN).map((c) => (c.startsWith(MARK) ? c.slice(1) : c)).join("") || undefined,
  };
}
