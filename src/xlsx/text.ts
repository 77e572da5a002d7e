/** What the command line says, in both languages (one line each: "中文 / English"). */
import type { Bilingual } from "../core/i18n";

const q = (s: string) => JSON.stringify(s);

export const USAGE = `用法 / Usage:
  plan-monitor report <workbook.xlsx> [--year YYYY | --final] [-o out.xlsx] [--replace] [--overwrite] [--lang zh|en] [--debug]
  plan-monitor demo [-o out.xlsx] [--formulas portable|plan] [--overwrite]
  plan-monitor template <workbook.xlsx> [-o out.xlsx] [--replace] [--move-periods | --keep-periods] [--formulas portable|plan] [--overwrite]
  plan-monitor template --plan plan.json -o book.xlsx [--from previous.xlsx] [--lang zh|en] [--formulas portable|plan] [--overwrite]
  plan-monitor --help

  report   在工作簿副本中生成年度监测报告 / write the annual monitoring report into a copy of the workbook
           --year       监测年度（默认：最近有数据的年度） / monitoring year (default: the latest year with data)
           --final      规划期终期评估报告（逐年数值与终期判定） / the final evaluation of the period (yearly values, final verdicts)
           -o, --out    输出文件（默认：<工作簿>-report.xlsx） / output file (default: <workbook>-report.xlsx)
           --replace    替换该年度已有的报告工作表 / replace the year's existing report sheet
           --overwrite  覆盖已存在的输出文件 / overwrite an existing output file
           --lang       报告语言 zh 或 en / report language, zh or en
  demo     生成示例工作簿（示例数据，非真实数据） / write a demo workbook (illustrative data, not real figures)
  template 按工作簿中的“规划定义”重建或升级模板（写入副本，已填数据按编号保留） / apply the workbook's plan
           definition: rebuild or upgrade the template in a copy, keeping entered values by ID
           --plan       按 JSON 规划新建工作簿 / a fresh workbook for a plan given as JSON
           --from       上期规划的工作簿：未给出基期值的指标沿用上期终值 / the previous plan's workbook:
                        indicators without a baseline take its final value
           --replace    模板数值与工作簿不同时以定义为准 / where the definition and the workbook differ, take the definition
           --move-periods  规划期改变时，沿用旧规划期年份的任务和里程碑一并改为新规划期 / when the period
                        changed, move tasks and milestones still on the old period's years to the new one
           --keep-periods  保持这些行的年份不变 / keep those rows' years as they are
  --formulas  portable（默认）：只用内置函数，WPS、LibreOffice、Excel 2016 中也会重算；plan：PLAN.* 自定义函数，
           需在装有本加载项的 Excel 中使用 / portable (default): built-in functions only, live in WPS, LibreOffice and
           Excel 2016; plan: the PLAN.* custom functions, for Excel with this add-in
  --debug  出错时显示技术细节 / show technical details on errors
(npm run report -- …、npm run demo -- …、npm run template -- … 同样可用 / work the same way)`;

export const cliText = {
  unknownCommand: (c: string): Bilingual => ({ zh: `未知命令 ${q(c)}：可用 report、demo 或 --help`, en: `unknown command ${q(c)}: use report, demo or --help` }),
  unknownOption: (o: string): Bilingual => ({ zh: `未知选项 ${o}：见 --help`, en: `unknown option ${o}: see --help` }),
  missingValue: (o: string): Bilingual => ({ zh: `选项 ${o} 缺少取值`, en: `option ${o} needs a value` }),
  finalWithYear: (): Bilingual => ({ zh: "--final 评估整个规划期，不能与 --year 同用", en: "--final evaluates the whole period: it cannot be combined with --year" }),
  missingOut: (): Bilingual => ({ zh: "请用 -o 指定新工作簿的文件名", en: "name the new workbook with -o" }),
  movePeriods: (m: Bilingual): Bilingual => ({ zh: `${m.zh}（一并改为新规划期请加 --move-periods，保持原样请加 --keep-periods）`, en: `${m.en} (add --move-periods to move them, --keep-periods to keep them)` }),
  moved: (n: number): Bilingual => ({ zh: `${n} 行任务或里程碑的期间已改为新规划期`, en: `${n} task or milestone row(s) moved to the new period` }),
  templateWritten: (out: string, from: number, to: number): Bilingual => ({ zh: `${from}–${to} 年规划模板已写入 ${out}`, en: `template for ${from}–${to} written: ${out}` }),
  carried: (n: number, from: number): Bilingual => ({
    zh: `${n} 项指标的基期值沿用上期 ${from} 年终值（已在“规划定义”中标出，可修改）`,
    en: `${n} baseline(s) carried over from ${from}, the previous plan's final values (marked in the plan definition, editable)`,
  }),
  conflicts: (n: number): Bilingual => ({
    zh: `定义与工作簿中 ${n} 处数值不同，未做修改。核对后加 --replace 以定义为准`,
    en: `the definition differs from the workbook in ${n} place(s); nothing was written. Check them, then add --replace to take the definition`,
  }),
  foreignParts: (parts: string): Bilingual => ({
    zh: `工作簿包含 ${parts}，在此处写入副本会丢失它们；请在 Excel 中用任务窗格应用规划定义`,
    en: `the workbook holds ${parts}, which a copy written here would lose; apply the definition from the pane in Excel`,
  }),
  badPlanFile: (file: string, detail: string | Bilingual): Bilingual => ({
    zh: `无法读取规划文件 ${file}：${typeof detail === "object" ? detail.zh : detail}`,
    en: `cannot read the plan file ${file}: ${typeof detail === "object" ? detail.en : detail}`,
  }),
  badPlan: (n: number): Bilingual => ({ zh: `规划文件有 ${n} 处问题，未写入任何文件：`, en: `the plan file has ${n} problem(s); nothing was written:` }),
  // What the JSON parser says is no help to a planner ("Unexpected token"): what the file must be.
  notJson: (encoding: string): Bilingual => ({
    zh: `不是有效的 JSON 文本（按 ${encoding.toUpperCase()} 编码读取）：请用“导出规划定义”生成的文件，或检查括号、引号和逗号`,
    en: `not valid JSON text (read as ${encoding.toUpperCase()}): use a file written by "export plan definition", or check its brackets, quotes and commas`,
  }),
  baselineHint: (): Bilingual => ({
    zh: "缺少基期值的指标：在规划文件中写 baseline，或用 --from 上一规划期的工作簿.xlsx 取其目标年的值",
    en: "indicators without a baseline: give baseline in the plan file, or --from last period's workbook.xlsx to take its target-year values",
  }),
  readAs: (encoding: string): Bilingual => ({ zh: `规划文件不是 UTF-8 编码，已按 ${encoding.toUpperCase()} 读取`, en: `the plan file is not UTF-8; read as ${encoding.toUpperCase()}` }),
  repeated: (o: string): Bilingual => ({ zh: `选项 ${o} 重复`, en: `option ${o} is given twice` }),
  extraArgument: (a: string): Bilingual => ({ zh: `多余的参数 ${q(a)}：只能指定一个工作簿`, en: `unexpected argument ${q(a)}: give one workbook only` }),
  missingInput: (): Bilingual => ({ zh: "缺少工作簿：plan-monitor report <工作簿.xlsx>", en: "no workbook given: plan-monitor report <workbook.xlsx>" }),
  badYear: (y: string, from: number, to: number): Bilingual => ({
    zh: `--year ${q(y)} 不是规划期内的年度：请填写 ${from}–${to} 之间的年份`,
    en: `--year ${q(y)} is not a year of the plan period: use a year from ${from} to ${to}`,
  }),
  badFormulas: (f: string): Bilingual => ({ zh: `--formulas ${q(f)} 不受支持：请用 portable 或 plan`, en: `--formulas ${q(f)} is not supported: use portable or plan` }),
  badLanguage: (l: string): Bilingual => ({ zh: `--lang ${q(l)} 不受支持：请用 zh 或 en`, en: `--lang ${q(l)} is not supported: use zh or en` }),
  notFound: (p: string): Bilingual => ({ zh: `找不到文件 ${p}：请检查路径（相对路径从当前文件夹算起）`, en: `file not found: ${p} (relative paths start from the current folder)` }),
  isFolder: (p: string): Bilingual => ({ zh: `${p} 是文件夹而不是工作簿`, en: `${p} is a folder, not a workbook` }),
  emptyFile: (p: string): Bilingual => ({ zh: `${p} 是空文件（0 字节）：请选择保存好的 .xlsx 工作簿`, en: `${p} is empty (0 bytes): choose a saved .xlsx workbook` }),
  xls: (p: string): Bilingual => ({
    zh: `${p} 是旧版 .xls 工作簿：请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 后再试`,
    en: `${p} is an old .xls workbook: save it as .xlsx in Excel, WPS or LibreOffice, then try again`,
  }),
  notXlsx: (p: string): Bilingual => ({ zh: `${p} 不是 .xlsx 工作簿（文件内容不符）`, en: `${p} is not an .xlsx workbook (its content is not one)` }),
  unreadable: (p: string): Bilingual => ({
    zh: `无法读取工作簿 ${p}：其中有本工具读不了的内容。请在 Excel、WPS 或 LibreOffice 中打开并重新保存为 .xlsx 后再试`,
    en: `cannot read the workbook ${p}: it holds content this tool cannot read. Open it in Excel, WPS or LibreOffice, save it again as .xlsx and retry`,
  }),
  // A zip the unzipper cannot open (cut short, damaged): its reason is about the file, not the code.
  damaged: (p: string, detail: string): Bilingual => ({
    zh: `无法读取工作簿 ${p}（文件已损坏或不完整：${detail}）：请重新获取或重新保存该文件`,
    en: `cannot read the workbook ${p} (the file is damaged or incomplete: ${detail}): get or save it again`,
  }),
  sameAsInput: (p: string): Bilingual => ({ zh: `输出文件不能是输入文件本身（${p}）：请用 -o 指定另一个文件`, en: `the output cannot be the input itself (${p}): choose another file with -o` }),
  outputExists: (p: string): Bilingual => ({ zh: `输出文件 ${p} 已存在：如要覆盖请加 --overwrite，或用 -o 指定另一个文件`, en: `the output ${p} already exists: add --overwrite to replace it, or choose another file with -o` }),
  outputIsFolder: (p: string): Bilingual => ({ zh: `输出 ${p} 是文件夹：请指定文件名，例如 ${p}/报告.xlsx`, en: `the output ${p} is a folder: name a file, e.g. ${p}/report.xlsx` }),
  noFolder: (d: string): Bilingual => ({ zh: `输出文件夹 ${d} 不存在：请先创建它`, en: `the output folder ${d} does not exist: create it first` }),
  cannotWrite: (p: string, detail: string): Bilingual => ({ zh: `无法写入 ${p}（${detail}）：请检查权限或文件是否正被打开`, en: `cannot write ${p} (${detail}): check permissions, or whether the file is open elsewhere` }),
  notXlsxOutput: (p: string): Bilingual => ({ zh: `输出文件 ${p} 须以 .xlsx 结尾`, en: `the output ${p} must end in .xlsx` }),
  written: (sheet: string, p: string): Bilingual => ({ zh: `报告工作表“${sheet}”已写入 ${p}`, en: `report sheet "${sheet}" written: ${p}` }),
  standalone: (parts: string): Bilingual => ({
    zh: `原工作簿含本工具无法原样复制的内容（${parts}），为免丢失，报告已单独写成新工作簿；原工作簿未改动`,
    en: `the workbook holds parts this tool cannot copy faithfully (${parts}), so the report was written as a workbook of its own; the original is untouched`,
  }),
  demoWritten: (p: string): Bilingual => ({ zh: `示例工作簿已写入 ${p}（示例数据，非真实数据）`, en: `demo workbook written: ${p} (illustrative data, not real figures)` }),
  failed: (detail: string): Bilingual => ({ zh: `意外错误：${detail}（加 --debug 查看详情）`, en: `unexpected error: ${detail} (add --debug for details)` }),
} as const;

/** Parts of an .xlsx that exceljs drops or damages when it rewrites the package. */
export const FOREIGN_PARTS: ReadonlyArray<{ prefix: string; label: Bilingual }> = [
  { prefix: "xl/charts/", label: { zh: "图表", en: "charts" } },
  { prefix: "xl/pivotTables/", label: { zh: "数据透视表", en: "pivot tables" } },
  { prefix: "xl/pivotCache/", label: { zh: "数据透视表", en: "pivot tables" } },
  { prefix: "xl/media/", label: { zh: "图片", en: "images" } },
  { prefix: "xl/vbaProject.bin", label: { zh: "宏", en: "macros" } },
  { prefix: "xl/slicers/", label: { zh: "切片器", en: "slicers" } },
  { prefix: "xl/externalLinks/", label: { zh: "外部链接", en: "external links" } },
];
