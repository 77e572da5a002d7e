/**
 * PM_Meta, the very hidden sheet that identifies the template in a workbook: A1:B4 key/value
 * pairs (template, version, language, protection), column D the template's row IDs, column F the
 * cells highlighted by validation. Read the same way by both adapters.
 */
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
  };
}
