/** Numbers as a person reads them, for the pane, messages and reports. */
import type { Bilingual } from "./i18n";

/** A number as a person reads it: no binary noise (0.9252 × 100 → 92.52, not 92.52000000000001). */
export function plainNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** A whole amount with thousands separators: 46,395. */
export const grouped = (n: number) => Math.round(n).toLocaleString("en-US");

export const pct = (n: number) => `${plainNumber(n * 100)}%`;

/** A figure in its unit for the pane and reports: 92.52%, 18.50:1, 0.385; a percent gap in points. */
export function formatFigure(value: number, unit: string | null, kind: "value" | "gap" = "value"): Bilingual {
  const fixed = (n: number, d: number) => n.toFixed(d);
  if (unit === "percent") {
    const points = fixed(value * 100, 2);
    return kind === "gap" ? { zh: `${points} 个百分点`, en: `${points} pp` } : { zh: `${points}%`, en: `${points}%` };
  }
  if (unit === "ratio") return kind === "gap" ? { zh: fixed(value, 2), en: fixed(value, 2) } : { zh: `${fixed(value, 2)}:1`, en: `${fixed(value, 2)}:1` };
  if (unit === "coefficient") return { zh: fixed(value, 3), en: fixed(value, 3) };
  const text = plainNumber(Number(value.toPrecision(6)));
  return { zh: text, en: text };
}

/** A target as the plan prints it, in one percent style: "94 %" prints as "94%", like every other percent. */
export const printedText = (text: string) => text.replace(/(\d)\s+%/g, "$1%");
