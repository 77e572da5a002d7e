/**
 * Round trips per workbook action at two sizes, against the typed Excel double (the same one the
 * tests use): the counts must not grow with the number of rows. Times are relative, same run.
 */
import { excelPort } from "../../src/excel/port";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "../../test/excel/fake-excel";
import { insertTemplate, summarizeYear, validateWorkbook } from "../../src/usecases/workbook";
import { generateReport } from "../../src/usecases/report";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { TABLES, yearHeader } from "../../src/core/workbook/layout";
import type { Plan } from "../../src/core/plan/schema";

function planWith(indicators: number): Plan {
  const base = embeddedPlan();
  const plan: Plan = JSON.parse(JSON.stringify(base));
  plan.indicators = Array.from({ length: indicators }, (_, i) => ({
    ...JSON.parse(JSON.stringify(base.indicators[i % base.indicators.length]!)),
    id: `X-${String(i + 1).padStart(5, "0")}`,
  }));
  plan.contradictions = [];
  return plan;
}

async function measure(data: FakeWorkbookData, run: (ctx: FakeContext) => Promise<unknown>) {
  const ctx = new FakeContext(data);
  const t0 = process.hrtime.bigint();
  await run(ctx);
  return { syncs: ctx.syncCount, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

async function indicatorsAt(n: number) {
  const plan = planWith(n);
  const data = new FakeWorkbookData();
  const insert = await measure(data, (ctx) => insertTemplate(excelPort(ctx.excel), { language: "zh", onConflict: "ask", plan, year: 2023 }));
  const sheet = data.table(TABLES.indicators)!.sheet;
  plan.indicators.forEach((ind, i) => data.type(sheet, data.addressOf(TABLES.indicators, ind.id, yearHeader(2023)), i % 7 === 0 ? 92.52 : ind.baseline.comparator === "=" ? ind.baseline.value : 0.39));
  const reinsert = await measure(data, (ctx) => insertTemplate(excelPort(ctx.excel), { language: "zh", onConflict: "keep", plan }));
  const validate = await measure(data, (ctx) => validateWorkbook(excelPort(ctx.excel), plan));
  const flags = await measure(data, (ctx) => summarizeYear(excelPort(ctx.excel), 2023, plan));
  const report = await measure(data, (ctx) => generateReport(excelPort(ctx.excel), { language: "zh", year: 2023, plan }));
  const regenerate = await measure(data, (ctx) => generateReport(excelPort(ctx.excel), { language: "zh", year: 2023, plan, replace: true }));
  return { insert, reinsert, validate, flags, report, regenerate };
}

async function schoolsAt(n: number) {
  const data = new FakeWorkbookData();
  await measure(data, (ctx) => insertTemplate(excelPort(ctx.excel), { language: "zh", onConflict: "ask", year: 2023 }));
  const t = data.table(TABLES.schools)!;
  for (let i = 0; i < n; i++) {
    const r = t.row + 2 + i;
    const row = [`学校${i}`, i % 2 ? "初中" : "小学", 300 + (i % 900), 10, i % 11 === 0 ? 12 : 9, 20, 5, 4, 2000, 3000, 900000, 8];
    row.forEach((v, c) => data.type(t.sheet, `${String.fromCharCode(65 + c)}${r}`, v));
  }
  t.height += n - 1;
  const validate = await measure(data, (ctx) => validateWorkbook(excelPort(ctx.excel)));
  const reinsert = await measure(data, (ctx) => insertTemplate(excelPort(ctx.excel), { language: "zh", onConflict: "keep" }));
  return { validate, reinsert };
}

export async function run(): Promise<void> {
  installExcelEnums();
  console.log("\nWorkbook actions: context.sync() calls (target ≤ 3 each, reports ≤ 4; the same at both sizes) and time relative to the small size");
  const small = await indicatorsAt(25);
  const large = await indicatorsAt(2500);
  for (const action of ["insert", "reinsert", "validate", "flags", "report", "regenerate"] as const) {
    const a = small[action];
    const b = large[action];
    console.log(`  ${action.padEnd(9)} 25 indicators: ${a.syncs} syncs | 2,500 indicators: ${b.syncs} syncs | time x${(b.ms / a.ms).toFixed(1)} for 100x rows`);
  }
  const few = await schoolsAt(100);
  const many = await schoolsAt(10000);
  for (const action of ["validate", "reinsert"] as const) {
    const a = few[action];
    const b = many[action];
    console.log(`  ${action.padEnd(9)} 100 schools: ${a.syncs} syncs | 10,000 schools: ${b.syncs} syncs | time x${(b.ms / a.ms).toFixed(1)} for 100x rows`);
  }
}
