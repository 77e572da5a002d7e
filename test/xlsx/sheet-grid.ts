/**
 * A report sheet model read back cell by cell the way both writers lay its blocks down: a later block
 * over an earlier one, a block's format, fill, font colour and weight only where it sets them.
 */
import type { ReportSheet } from "../../src/core/report/sheet";

export interface Shown {
  value: unknown;
  format?: string;
  fill?: string;
  font?: string;
  bold?: boolean;
  wrap?: boolean;
  size?: number;
}

export function grid(sheet: ReportSheet) {
  const cells = new Map<string, Shown>();
  for (const b of sheet.blocks) {
    b.values.forEach((line, i) =>
      line.forEach((value, j) => {
        const k = `${b.row + i},${b.col + j}`;
        const was = cells.get(k) ?? { value };
        cells.set(k, { value, format: b.numberFormats?.[i]?.[j] ?? was.format, fill: b.fill ?? was.fill, font: b.fontColor ?? was.font, bold: b.bold ?? was.bold, wrap: b.wrap ?? was.wrap, size: b.size ?? was.size });
      }),
    );
  }
  const at = (r: number, c: number) => cells.get(`${r},${c}`);
  /** Values of row r from column `from` to `to`, undefined where nothing is written. */
  const line = (r: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => at(r, from + k)?.value);
  /** The rows (ascending) whose cell in column c holds v. */
  const rowsWith = (c: number, v: unknown) =>
    [...cells.entries()]
      .filter(([k, s]) => s.value === v && Number(k.split(",")[1]) === c)
      .map(([k]) => Number(k.split(",")[0]))
      .sort((a, b) => a - b);
  const last = Math.max(...sheet.blocks.map((b) => b.row + b.values.length - 1));
  return { at, line, rowsWith, last };
}

/** Display units as the sheet counts them for wrapping: a CJK character is two. */
export const units = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
