/**
 * The command line: argument parsing, a port on an .xlsx file, and the same use cases as the add-in.
 *   plan-monitor report <workbook.xlsx> [--year YYYY | --final] [-o out.xlsx] [--replace] [--overwrite] [--lang zh|en] [--debug]
 *   plan-monitor demo [-o out.xlsx] [--formulas portable|plan] [--overwrite]
 * Every failure is one bilingual line and an exit code: 2 usage, 1 input or output. The input file is
 * never written.
 */
import ExcelJS from "exceljs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { mkdirSync, readFileSync } from "node:fs";
import { reportText } from "../core/report/text";
import { type Bilingual, type Language } from "../core/i18n";
import { embeddedPlan } from "../core/plan/embedded";
import { planYears } from "../core/workbook/layout";
import { buildDemo } from "../usecases/demo";
import { generateReport } from "../usecases/report";
import { applyDefinition, planFor } from "../usecases/workbook";
import { resultOps } from "../core/workbook/results";
import type { Plan } from "../core/plan/schema";
import { readPlanFile } from "./plan-file";
import { startWorkbook } from "../usecases/start";
import { xlsxPort } from "./port";
import { applyToWorkbook } from "./apply";
import { snapshotFromWorkbook } from "./snapshot";
import { CliFailure, checkOutput, openWorkbook, saveWorkbook } from "./files";
import { cliText, USAGE } from "./text";
import type { FormulaDialect } from "../core/workbook/portable";

export interface CliResult {
  code: number;
  lines: string[];
}

export interface CliOptions {
  /** The folder the user ran the command in (npm sets INIT_CWD); relative paths start there. */
  cwd?: string;
  now?: Date;
}

const line = (t: Bilingual) => `${t.zh} / ${t.en}`;

interface Parsed {
  command: "report" | "demo" | "template" | "help";
  input?: string;
  out?: string;
  year?: string;
  lang?: string;
  plan?: string;
  from?: string;
  formulas?: string;
  replace: boolean;
  overwrite: boolean;
  debug: boolean;
  final?: boolean;
  /** Rows on the old period's years when the period moved: move them (true) or keep them (false). */
  movePeriods?: boolean;
  keepPeriods?: boolean;
}

const VALUED = new Map<string, "out" | "year" | "lang" | "plan" | "from" | "formulas">([
  ["--formulas", "formulas"],
  ["-o", "out"],
  ["--out", "out"],
  ["--year", "year"],
  ["--lang", "lang"],
  ["--plan", "plan"],
  ["--from", "from"],
]);
/** Which options each command takes. */
const ACCEPTS: Record<"report" | "demo" | "template", ReadonlySet<string>> = {
  report: new Set(["out", "year", "lang", "replace", "overwrite", "debug", "final"]),
  demo: new Set(["out", "overwrite", "debug", "formulas"]),
  template: new Set(["out", "lang", "plan", "from", "replace", "overwrite", "debug", "movePeriods", "keepPeriods", "formulas"]),
};
const FLAGS = new Map<string, "replace" | "overwrite" | "debug" | "final" | "movePeriods" | "keepPeriods">([
  ["--replace", "replace"],
  ["--move-periods", "movePeriods"],
  ["--keep-periods", "keepPeriods"],
  ["--final", "final"],
  ["--overwrite", "overwrite"],
  ["--debug", "debug"],
]);

function usage(text: Bilingual): never {
  throw new CliFailure(2, text);
}

export function parseArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  const parsed: Parsed = { command: "help", replace: false, overwrite: false, debug: argv.includes("--debug") };
  if (command === undefined || command === "--help" || command === "-h" || command === "help") return parsed;
  if (command !== "report" && command !== "demo" && command !== "template") usage(cliText.unknownCommand(command));
  parsed.command = command;
  const accepts = ACCEPTS[command];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--help" || arg === "-h") return { ...parsed, command: "help" };
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const valued = VALUED.get(flag);
    if (valued && accepts.has(valued)) {
      const value = inline ?? rest[++i];
      if (value === undefined || (inline === undefined && value.startsWith("-") && value.length > 1)) usage(cliText.missingValue(flag));
      if (parsed[valued] !== undefined) usage(cliText.repeated(flag));
      parsed[valued] = value;
      continue;
    }
    const boolean = FLAGS.get(flag);
    if (boolean && inline === undefined && accepts.has(boolean)) {
      parsed[boolean] = true;
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) usage(cliText.unknownOption(arg));
    if (command === "demo" || parsed.input !== undefined) usage(cliText.extraArgument(arg));
    parsed.input = arg;
  }
  return parsed;
}

/** A year of the plan the workbook follows (the embedded plan's period when none is given yet). */
function readYear(text: string | undefined, plan: Plan = embeddedPlan()): number | undefined {
  if (text === undefined) return undefined;
  const years = planYears(plan);
  const year = /^\s*\d{4}\s*$/.test(text) ? Number(text) : NaN;
  if (!years.includes(year)) usage(cliText.badYear(text, years[0]!, years[years.length - 1]!));
  return year;
}

/**
 * The formula dialect of a workbook the command line writes: built-in functions only unless asked
 * (a file from the command line is opened wherever the planner's office suite is, not only in Excel
 * with the add-in).
 */
function readFormulas(text: string | undefined): FormulaDialect {
  if (text === undefined) return "portable";
  const f = text.trim().toLowerCase();
  if (f === "portable" || f === "plan") return f;
  return usage(cliText.badFormulas(text));
}

function readLanguage(text: string | undefined): Language | undefined {
  if (text === undefined) return undefined;
  const l = text.trim().toLowerCase();
  if (l === "zh" || l === "zh-cn") return "zh";
  if (l === "en" || l === "en-us") return "en";
  return usage(cliText.badLanguage(text));
}

async function report(p: Parsed, cwd: string, now: Date | undefined): Promise<string[]> {
  if (p.input === undefined) usage(cliText.missingInput());
  if (p.final && p.year !== undefined) usage(cliText.finalWithYear());
  if (p.year !== undefined && !/^\s*\d{4}\s*$/.test(p.year)) readYear(p.year);
  const reportLanguage = readLanguage(p.lang);
  const input = resolve(cwd, p.input);
  const out = resolve(cwd, p.out ?? join(dirname(p.input), `${basename(p.input, extname(p.input))}-report.xlsx`));
  checkOutput(out, input, p.overwrite);
  const { workbook, foreign } = await openWorkbook(input);
  const year = readYear(p.year, planFor(snapshotFromWorkbook(workbook)));
  // A copy that would silently lose charts, pivot tables or macros is never written: the report
  // then goes into a workbook of its own, built from the same snapshot.
  const target = foreign.length ? new ExcelJS.Workbook() : workbook;
  const port = foreign.length
    ? { read: async () => ({ ...snapshotFromWorkbook(workbook), sheets: [], protectedSheets: [] }), apply: (ops: Parameters<typeof applyToWorkbook>[1]) => applyToWorkbook(target, ops) }
    : xlsxPort(workbook);
  const outcome = await generateReport(port, { language: "zh", reportLanguage, year, replace: p.replace, final: p.final, now });
  if (outcome.kind === "error") throw new CliFailure(1, outcome.message);
  if (outcome.kind === "confirm") throw new CliFailure(1, { zh: `${outcome.message.zh}（如要替换请加 --replace）`, en: `${outcome.message.en} (add --replace to replace it)` });
  await saveWorkbook(target, out);
  const lines = [line(cliText.written(outcome.sheet, out))];
  const problems = outcome.model.problems;
  if (problems.length) {
    const cells = problems.slice(0, 8).map((p) => `${p.sheet}!${p.address}`).join(", ") + (problems.length > 8 ? ", …" : "");
    lines.push(line(reportText.problemSummary(problems.length, cells)));
  }
  if (foreign.length) lines.push(line(cliText.standalone(`${foreign.map((f) => f.zh).join("、")} / ${foreign.map((f) => f.en).join(", ")}`)));
  return lines;
}

async function demo(p: Parsed, cwd: string, now: Date | undefined): Promise<string[]> {
  const formulas = readFormulas(p.formulas);
  const out = resolve(cwd, p.out ?? join("out", "plan-monitor-demo.xlsx"));
  if (p.out === undefined) mkdirSync(dirname(out), { recursive: true }); // the default folder, out/
  checkOutput(out, null, p.overwrite);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Plan Monitor";
  const outcome = await buildDemo(xlsxPort(workbook), now, formulas);
  if (outcome.kind !== "written") throw new Error("the demo report could not be written");
  await saveWorkbook(workbook, out);
  return [line(cliText.demoWritten(out))];
}

/**
 * `template <book.xlsx>`: applies the workbook's plan definition (a copy is written).
 * `template --plan plan.json -o book.xlsx [--from previous.xlsx]`: a fresh workbook for the plan; with
 * --from, indicators the JSON gives no baseline take the previous plan's final value, marked.
 */
async function template(p: Parsed, cwd: string): Promise<string[]> {
  const language = readLanguage(p.lang) ?? "zh";
  const formulas = readFormulas(p.formulas);
  if (p.plan !== undefined) {
    if (p.input !== undefined) usage(cliText.extraArgument(p.input));
    if (p.out === undefined) usage(cliText.missingOut());
    const out = resolve(cwd, p.out);
    checkOutput(out, null, p.overwrite);
    const previous = p.from === undefined ? null : snapshotFromWorkbook((await openWorkbook(resolve(cwd, p.from))).workbook);
    const planPath = resolve(cwd, p.plan);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(planPath);
    } catch (e) {
      throw new CliFailure(1, cliText.badPlanFile(planPath, (e instanceof Error ? e.message : String(e)).split("\n")[0]!));
    }
    const { plan, carried, encoding } = readPlanFile(bytes, planPath, previous);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Plan Monitor";
    const outcome = await startWorkbook(xlsxPort(workbook), { plan, carried, language, formulas });
    if (outcome.kind !== "written") throw new CliFailure(1, outcome.kind === "error" ? outcome.message : cliText.conflicts(0));
    await saveWorkbook(workbook, out);
    return [
      ...(encoding === "gb18030" ? [line(cliText.readAs(encoding))] : []),
      line(cliText.templateWritten(out, plan.period.startYear, plan.period.targetYear)),
      ...(carried.length ? [line(cliText.carried(carried.length, carried[0]!.from))] : []),
    ];
  }
  if (p.input === undefined) usage(cliText.missingInput());
  const input = resolve(cwd, p.input);
  const out = resolve(cwd, p.out ?? join(dirname(p.input), `${basename(p.input, extname(p.input))}-template.xlsx`));
  checkOutput(out, input, p.overwrite);
  const { workbook, foreign } = await openWorkbook(input);
  if (foreign.length) throw new CliFailure(1, cliText.foreignParts(`${foreign.map((f) => f.zh).join("、")} / ${foreign.map((f) => f.en).join(", ")}`));
  const movePeriods = p.movePeriods ? true : p.keepPeriods ? false : undefined;
  const outcome = await applyDefinition(xlsxPort(workbook), { language, onConflict: p.replace ? "replace" : "ask", movePeriods, formulas });
  if (outcome.kind === "error") throw new CliFailure(1, outcome.message);
  if (outcome.kind === "movePeriods") throw new CliFailure(1, cliText.movePeriods(outcome.message), outcome.moves.map((m) => `${m.sheet}!${m.address} ${m.id}: ${m.from} → ${m.to}`));
  if (outcome.kind === "invalid") throw new CliFailure(1, outcome.message, outcome.problems.map((f) => line(f.message)));
  if (outcome.kind === "confirm") {
    const c = outcome.report.conflicts;
    throw new CliFailure(1, cliText.conflicts(c.length), c.slice(0, 10).map((x) => `${x.sheet}!${x.address} ${x.key} ${x.header}: ${String(x.workbook)} → ${String(x.template)}`));
  }
  await xlsxPort(workbook).apply(resultOps(outcome.plan, snapshotFromWorkbook(workbook), language));
  await saveWorkbook(workbook, out);
  return [
    line(cliText.templateWritten(out, outcome.plan.period.startYear, outcome.plan.period.targetYear)),
    ...(outcome.moves.length ? [line(cliText.moved(outcome.moves.length))] : []),
    ...(outcome.carried.length ? [line(cliText.carried(outcome.carried.length, outcome.carried[0]!.from))] : []),
  ];
}

export async function main(argv: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const cwd = options.cwd ?? process.cwd();
  let debug = argv.includes("--debug");
  try {
    const parsed = parseArgs(argv);
    debug = parsed.debug;
    if (parsed.command === "help") return { code: 0, lines: [USAGE] };
    const lines =
      parsed.command === "report" ? await report(parsed, cwd, options.now) : parsed.command === "template" ? await template(parsed, cwd) : await demo(parsed, cwd, options.now);
    return { code: 0, lines };
  } catch (e) {
    if (e instanceof CliFailure) return { code: e.code, lines: [line(e.text), ...e.details, ...(e.code === 2 ? ["plan-monitor --help"] : [])] };
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0]!;
    return { code: 1, lines: [line(cliText.failed(detail)), ...(debug && e instanceof Error && e.stack ? [e.stack] : [])] };
  }
}
