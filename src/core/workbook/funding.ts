/**
 * The funding checks of every year in the workbook's funding table (domain notes §8), by the same
 * rules as the sheet's live columns (PLAN.FASTER, PLAN.GROWS, PLAN.NOFALL, PLAN.NOTBELOW): each row is
 * compared with the row above. A cell with an error-level finding reads as invalid data.
 */
import type { Bilingual } from "../i18n";
import { fasterAt, growthRate, notBelow, readFigure, risesAt, type FundingVerdict, type Reading } from "../calc/funding";
import { SCHOOL_STAGES } from "../calc/projects";
import type { Plan, SchoolStage } from "../plan/schema";
import { cellAddress } from "./a1";
import type { Finding } from "./check";
import { FH, FUNDING_CHECK_HEADERS, type FundingCheckId } from "./layout";
import type { WorkbookSnapshot } from "./model";
import { fundingText } from "./text";

export interface Compared {
  label: Bilingual;
  /** A growth rate (0.05 = +5 %) or, for pay parity, a level in yuan. */
  value: number | null;
  kind: "growth" | "level";
}

export interface FundingCheck {
  check: FundingCheckId;
  year: number;
  verdict: FundingVerdict;
  compared: Compared[];
  sheet: string;
  /** The check's cell in the funding table (or the year's cell if the column is gone). */
  address: string;
  problems: Finding[];
}

export interface FundingAssessment {
  sheet: string;
  years: number[];
  /** Every check for every year after the first row, in year order. */
  checks: FundingCheck[];
  counts: Record<FundingVerdict, number>;
  /** The budget education spending (10k yuan) of every row, as read: a figure, "invalid" or blank. */
  budget: Array<{ year: number; value: number | "invalid" | null }>;
}

interface Series {
  readings: Reading[];
  cells: string[];
}

export function assessFunding(plan: Plan, snapshot: WorkbookSnapshot, findings: readonly Finding[], upTo?: number): FundingAssessment | null {
  const table = snapshot.tables.funding;
  if (!table) return null;
  const errors = new Map<string, Finding[]>();
  for (const f of findings) if (f.severity === "error" && f.sheet === table.sheet) errors.set(f.address, [...(errors.get(f.address) ?? []), f]);
  const col = (h: string) => table.headers.indexOf(h);
  const at = (r: number, h: string) => cellAddress(table.col + Math.max(0, col(h)), table.row + 1 + r);
  const series = (h: string): Series => ({
    readings: table.values.map((row, r) => (col(h) < 0 ? null : errors.has(at(r, h)) ? "invalid" : readFigure(row[col(h)]))),
    cells: table.values.map((_, r) => at(r, h)),
  });
  const stages = (f: (s: SchoolStage) => string) => SCHOOL_STAGES.map((s) => series(f(s)));
  const budget = series(FH.budget);
  const appropriation = series(FH.appropriation);
  const revenue = series(FH.revenue);
  const enrolment = stages(FH.enrolment);
  const spending = stages(FH.spending);
  const publicFunds = stages(FH.publicFunds);
  const teacherPay = series(FH.teacherPay);
  const civilPay = series(FH.civilPay);
  // Appropriations where kept apart, else the budget education spending (the sheet's compared column).
  const compared: Series = {
    readings: appropriation.readings.map((a, r) => (a === null ? budget.readings[r]! : a)),
    cells: appropriation.cells.map((c, r) => (appropriation.readings[r] === null ? budget.cells[r]! : c)),
  };
  const perStudent: Series = {
    readings: budget.readings.map((b, r) => {
      const counts = enrolment.map((e) => e.readings[r]);
      if (b === "invalid" || counts.includes("invalid")) return "invalid";
      if (b === null || counts.some((c) => c === null)) return null;
      const total = (counts as number[]).reduce((s, c) => s + c, 0);
      return total > 0 ? (b * 10000) / total : null;
    }),
    cells: budget.cells,
  };
  const years = table.values.map((row) => row[col(FH.year)]).map((y, r) => (typeof y === "number" ? y : plan.period.baseYear + r));
  const growth = (s: Series, i: number) => growthRate(s.readings[i - 1] ?? null, s.readings[i] ?? null);
  const stageGrowths = (list: Series[], i: number, name: (s: SchoolStage) => Bilingual): Compared[] =>
    list
      .map((s, k) => ({ s, k }))
      .filter(({ s, k }) => !(s.readings[i - 1] === null && s.readings[i] === null && [enrolment[k]!.readings[i - 1], enrolment[k]!.readings[i]].every((c) => c === null || c === 0)))
      .map(({ s, k }) => ({ label: name(SCHOOL_STAGES[k]!), value: growth(s, i), kind: "growth" as const }));
  const problemsOf = (list: Series[], i: number) => list.flatMap((s) => [s.cells[i - 1]!, s.cells[i]!]).flatMap((a) => errors.get(a) ?? []);
  const yearProblems = (i: number) => [errors.get(at(i, FH.year)) ?? [], errors.get(at(i - 1, FH.year)) ?? []].flat();

  // A year with no figure at all is not reported yet (the sheet leaves its checks blank too).
  const inputs = [budget, appropriation, revenue, ...enrolment, ...spending, ...publicFunds, teacherPay, civilPay];
  const reported = (i: number) => inputs.some((s) => s.readings[i] !== null);
  const checks: FundingCheck[] = [];
  for (let i = 1; i < table.values.length; i++) {
    const year = years[i]!;
    if (upTo !== undefined && year > upTo) break;
    if (!reported(i)) continue;
    const one = (check: FundingCheckId, verdict: FundingVerdict, comparedFigures: Compared[], used: Series[], sameRow = false) => {
      const problems = [...(sameRow ? used.flatMap((s) => errors.get(s.cells[i]!) ?? []) : problemsOf(used, i)), ...yearProblems(i)];
      checks.push({
        check,
        year,
        verdict: yearProblems(i).length ? "invalid" : verdict,
        compared: comparedFigures,
        sheet: table.sheet,
        address: at(i, col(FUNDING_CHECK_HEADERS[check]) >= 0 ? FUNDING_CHECK_HEADERS[check] : FH.year),
        problems,
      });
    };
    const perStage = (list: Series[]) => risesAt(list.map((s) => s.readings), i, true, enrolment.map((e) => e.readings));
    one("appropriation", fasterAt(compared.readings, revenue.readings, i), [
      { label: fundingText.appropriationGrowth, value: growth(compared, i), kind: "growth" },
      { label: fundingText.revenueGrowth, value: growth(revenue, i), kind: "growth" },
    ], [compared, revenue]);
    one("spending", perStage(spending), stageGrowths(spending, i, fundingText.stageGrowth), [...spending, ...enrolment]);
    one("publicFunds", perStage(publicFunds), stageGrowths(publicFunds, i, fundingText.stageGrowth), [...publicFunds, ...enrolment]);
    one("teacherPay", risesAt([teacherPay.readings], i, true), [{ label: fundingText.teacherPayGrowth, value: growth(teacherPay, i), kind: "growth" }], [teacherPay]);
    one("budget", risesAt([budget.readings], i, false), [{ label: fundingText.budgetGrowth, value: growth(budget, i), kind: "growth" }], [budget]);
    one("perStudent", risesAt([perStudent.readings], i, false), [{ label: fundingText.perStudentGrowth, value: growth(perStudent, i), kind: "growth" }], [budget, ...enrolment]);
    const pay = notBelow(teacherPay.readings[i] ?? null, civilPay.readings[i] ?? null);
    one("payParity", pay, [
      { label: fundingText.teacherPay, value: typeof teacherPay.readings[i] === "number" ? (teacherPay.readings[i] as number) : null, kind: "level" },
      { label: fundingText.civilPay, value: typeof civilPay.readings[i] === "number" ? (civilPay.readings[i] as number) : null, kind: "level" },
    ], [teacherPay, civilPay], true);
  }
  const counts = { met: 0, notMet: 0, noData: 0, invalid: 0 } as Record<FundingVerdict, number>;
  for (const c of checks) counts[c.verdict]++;
  const budgetByYear = years.map((year, r) => ({ year, value: budget.readings[r] ?? null }));
  return { sheet: table.sheet, years: [...new Set(checks.map((c) => c.year))], checks, counts, budget: budgetByYear };
}

