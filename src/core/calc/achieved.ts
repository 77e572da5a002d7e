/**
 * What a task has achieved by a year, by its basis: counts add up over the years (累计), shares
 * and levels take the latest year entered (最新), per-year targets take that year's value (每年).
 */
export type Basis = "cumulative" | "latest" | "eachYear";

/** The basis column's text in either language (the template writes "累计 Cumulative"). */
export function basisFromText(text: unknown): Basis | null {
  const t = String(text ?? "").trim().toLowerCase();
  if (t.startsWith("累计") || t.startsWith("cumulative")) return "cumulative";
  if (t.startsWith("最新") || t.startsWith("latest")) return "latest";
  if (t.startsWith("每年") || t.startsWith("each year")) return "eachYear";
  return null;
}

/** `values[i]` is the value of the i-th year of the period; `upTo` the index of the monitoring year. */
export function achievedBy(values: ReadonlyArray<number | null>, basis: Basis, upTo: number): number | null {
  const so = values.slice(0, upTo + 1);
  if (basis === "eachYear") return so[upTo] ?? null;
  const present = so.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  return basis === "cumulative" ? present.reduce((a, b) => a + b, 0) : present[present.length - 1]!;
}

export const BASIS_LABELS: Record<Basis, { zh: string; en: string }> = {
  cumulative: { zh: "累计", en: "Cumulative" },
  latest: { zh: "最新", en: "Latest" },
  eachYear: { zh: "每年", en: "Each year" },
};
