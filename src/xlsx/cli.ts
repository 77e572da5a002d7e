/**
 * Command line: the annual report outside Excel, and a demo workbook.
 *   npm run report -- <workbook.xlsx> --year 2023 [-o out.xlsx] [--replace] [--lang zh|en]
 *   npm run demo -- [-o out/demo.xlsx]
 * Same report model as the add-in; exceljs writes it. Input sheets are copied untouched.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdirSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { embeddedPlan } from "../core/plan/embedded";
import { planInsert } from "../core/workbook/insert";
import { buildReport, latestYearWithData, reportSheetName } from "../core/report/model";
import { reportSheet } from "../core/report/sheet";
import { reportOps } from "../core/report/ops";
import { DEMO_LABEL, demoOps } from "../core/demo";
import { checkMessages, reportText, type Language } from "../core/i18n";
import { applyToWorkbook } from "./apply";
import { snapshotFromWorkbook } from "./snapshot";
import { localStamp } from "../core/report/time";

export interface CliResult {
  code: number;
  lines: string[];
}

function option(args: string[], ...names: string[]): string | undefined {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

/** Writes the year's report sheet into `wb`; returns a message when it cannot. */
export async function addReport(wb: ExcelJS.Workbook, options: { year?: number; language?: Language; replace?: boolean; now?: Date }): Promise<{ sheet: string; year: number; skipped: string[] } | { error: string }> {
  const plan = embeddedPlan();
  const snapshot = snapshotFromWorkbook(wb);
  if (!snapshot.tables.indicators) return { error: `${checkMessages.notInserted.zh} / ${checkMessages.notInserted.en}` };
  const language = options.language ?? snapshot.meta?.language ?? "zh";
  const year = options.year ?? latestYearWithData(plan, snapshot);
  const name = reportSheetName(year, language);
  const exists = snapshot.sheets.includes(name);
  if (exists && !options.replace) {
    const m = reportText.exists(name);
    return { error: `${m.zh} ${m.en} (--replace)` };
  }
  const model = buildReport(plan, snapshot, year, { language, generatedAt: localStamp(options.now ?? new Date()) });
  const { skipped } = await applyToWorkbook(wb, reportOps(reportSheet(model), exists));
  return { sheet: name, year, skipped };
}

/** A new workbook with the template, illustrative data for 2021–2023 and the 2023 report. */
export async function demoWorkbook(now = new Date()): Promise<ExcelJS.Workbook> {
  const plan = embeddedPlan();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Plan Monitor";
  const inserted = planInsert(plan, snapshotFromWorkbook(wb), { language: "zh", onConflict: "ask", year: 2023 });
  if (inserted.kind !== "write") throw new Error("the embedded template could not be inserted");
  await applyToWorkbook(wb, inserted.ops);
  const indicators = wb.worksheets[0]!;
  indicators.getCell("D3").value = `${DEMO_LABEL.zh} / ${DEMO_LABEL.en}`;
  indicators.getCell("D3").font = { bold: true, color: { argb: "FFC00000" } };
  await applyToWorkbook(wb, demoOps(plan, snapshotFromWorkbook(wb)));
  const report = await addReport(wb, { year: 2023, now });
  if ("error" in report) throw new Error(report.error);
  return wb;
}

export async function main(argv: string[]): Promise<CliResult> {
  const [command, ...args] = argv;
  const lines: string[] = [];
  if (command === "demo") {
    const out = option(args, "-o", "--out") ?? join("out", "plan-monitor-demo.xlsx");
    mkdirSync(dirname(out), { recursive: true });
    const wb = await demoWorkbook();
    await wb.xlsx.writeFile(out);
    lines.push(`示例工作簿已写入 / Demo workbook written: ${out}`);
    lines.push(`（${DEMO_LABEL.zh} / ${DEMO_LABEL.en}）`);
    return { code: 0, lines };
  }
  if (command === "report") {
    const input = args.find((a, i) => !a.startsWith("-") && !["-o", "--out", "--year", "--lang"].includes(args[i - 1] ?? ""));
    if (!input || !existsSync(input)) {
      return { code: 2, lines: [`用法 / usage: npm run report -- <workbook.xlsx> --year 2023 [-o out.xlsx] [--replace] [--lang zh|en]${input ? `\n找不到文件 / file not found: ${input}` : ""}`] };
    }
    const yearText = option(args, "--year");
    const year = yearText === undefined ? undefined : Number(yearText);
    if (year !== undefined && !Number.isInteger(year)) return { code: 2, lines: [`--year 须为年份 / must be a year: ${yearText}`] };
    const lang = option(args, "--lang");
    const out = option(args, "-o", "--out") ?? join(dirname(input), `${basename(input, extname(input))}-report${extname(input) || ".xlsx"}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const result = await addReport(wb, { year, replace: args.includes("--replace"), language: lang === "en" || lang === "zh" ? lang : undefined });
    if ("error" in result) return { code: 1, lines: [result.error] };
    await wb.xlsx.writeFile(out);
    lines.push(`报告工作表“${result.sheet}”已写入 / Report sheet "${result.sheet}" written: ${out}`);
    if (result.skipped.includes("chart")) {
      lines.push("（.xlsx 中以单元格数据条表示完成度；原生图表仅在加载项内生成 / completion is drawn as in-cell data bars; the native chart is drawn by the add-in）");
    }
    return { code: 0, lines };
  }
  return { code: 2, lines: ["用法 / usage: npm run report -- <workbook.xlsx> --year 2023 [-o out.xlsx] | npm run demo -- [-o out.xlsx]"] };
}
