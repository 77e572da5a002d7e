/** Text of the task pane. */
import { APP_NAME, type Bilingual } from "../core/i18n";

/** Task pane text. */
export const paneText = {
  title: APP_NAME,
  switchLanguage: { zh: "切换为英文界面", en: "Switch to Chinese" },
  templateVersion: { zh: "模板版本", en: "Template version" },
  templateSection: { zh: "指标模板", en: "Indicator template" },
  contradictions: { zh: "规划内部不一致之处", en: "Contradictions within the plan" },
  functions: { zh: "PLAN 函数参考", en: "PLAN function reference" },
  copy: { zh: "复制", en: "Copy" },
  copied: { zh: "已复制", en: "Copied" },
  notInserted: { zh: "本工作簿尚未插入规划模板。", en: "This workbook has no plan template yet." },
  needsTemplate: { zh: "插入模板后即可使用。", en: "Available once the template is inserted." },
  inserted: { zh: "已插入模板", en: "Template inserted" },
  upgradeAvailable: { zh: "有新版本模板可升级", en: "A newer template version is available" },
  insert: { zh: "插入模板", en: "Insert template" },
  reinsert: { zh: "重新插入 / 补全模板", en: "Re-insert / complete template" },
  upgrade: { zh: "升级模板", en: "Upgrade template" },
  working: { zh: "正在处理…", en: "Working…" },
  conflictsTitle: { zh: "以下单元格与模板不同，请选择如何处理：", en: "These cells differ from the template. Choose what to do:" },
  conflictWorkbook: { zh: "工作簿中", en: "Workbook" },
  conflictTemplate: { zh: "模板", en: "Template" },
  keepMine: { zh: "保留我的数据", en: "Keep my values" },
  movePeriods: { zh: "改为新规划期", en: "Move them to the new period" },
  keepPeriods: { zh: "保持原样", en: "Keep them as they are" },
  replace: { zh: "替换为模板值", en: "Replace with template" },
  cancel: { zh: "取消", en: "Cancel" },
  dismiss: { zh: "关闭", en: "Dismiss" },
  protection: { zh: "保护模板工作表（仅填报单元格可编辑）", en: "Protect template sheets (only input cells editable)" },
  checkSection: { zh: "数据校验", en: "Data check" },
  runCheck: { zh: "校验数据", en: "Check data" },
  noFindings: { zh: "未发现问题。", en: "No problems found." },
  errors: { zh: "错误", en: "Errors" },
  warnings: { zh: "提示", en: "Warnings" },
  progressSection: { zh: "进度与预警", en: "Progress and flags" },
  year: { zh: "监测年度", en: "Monitoring year" },
  refresh: { zh: "刷新", en: "Refresh" },
  noYearData: { zh: "该年度还没有填写任何指标数据，无法判断进度：请先在黄色单元格中填写该年数据。", en: "No indicator has a value for this year yet, so there is no progress to judge: fill in the year's yellow cells first." },
  misses: { zh: "需关注的指标和任务（最严重的在前，点击定位）", en: "Indicators and tasks needing attention (worst first; choose one to go to it)" },
  actual: { zh: "实际", en: "Actual" },
  expected: { zh: "序时进度值", en: "Expected" },
  gap: { zh: "差距", en: "Gap" },
  reportsSection: { zh: "年度报告", en: "Annual reports" },
  addRowTo: { zh: "添加行到表格", en: "Add a row to" },
  rowSchool: { zh: "学校数据", en: "Schools" },
  rowIndicator: { zh: "规划指标", en: "Indicators" },
  rowTask: { zh: "任务目标", en: "Task targets" },
  rowProject: { zh: "建设项目", en: "Building projects" },
  addRow: { zh: "添加一行", en: "Add a row" },
  applyDefinition: { zh: "应用规划定义", en: "Apply plan definition" },
  nextStep: {
    zh: "下一步：在黄色单元格中填写数据 → 校验数据 → 查看进度与预警 → 生成年度报告。",
    en: "Next: enter figures in the yellow cells → check the data → see progress and flags → generate the annual report.",
  },
  exportPlan: { zh: "导出规划（JSON）", en: "Export plan (JSON)" },
  definitionProblems: { zh: "规划定义中的问题", en: "Problems in the plan definition" },
  rowAdded: { zh: "已在表格末尾添加一行（保护开启时同样可用）。", en: "A row was added at the end of the table (this works with protection on too)." },
  recordSchools: { zh: "记录学校数据结果", en: "Record school results" },
  recordHint: {
    zh: "把“学校数据”算出的最大差异系数和标准班额比例填入其数据年度的指标单元格（不会覆盖不同的已填数值，除非您确认）。",
    en: "Writes the largest difference coefficient and standard class-size share computed from the schools data into that year's indicator cells (a different value already there is replaced only if you confirm).",
  },
  failed: { zh: "操作失败", en: "The action failed" },
  retry: { zh: "请重试；若问题持续，请联系维护人员。", en: "Try again; if it persists, contact support." },
} as const satisfies Record<string, Bilingual>;

/** The pane's messages about recording the schools table's results. */
export const recordText = {
  written: (year: number, n: number): Bilingual => ({ zh: `已把 ${n} 个计算结果记入 ${year} 年的指标单元格。`, en: `${n} computed result(s) recorded in the ${year} indicator cells.` }),
  nothing: (year: number): Bilingual => ({ zh: `${year} 年的指标单元格已与学校数据一致，无需记录。`, en: `The ${year} indicator cells already agree with the schools data.` }),
  conflicts: (year: number, list: string): Bilingual => ({
    zh: `${year} 年以下单元格已有不同的数值：${list}。替换为学校数据的计算结果吗？`,
    en: `These ${year} cells already hold different values: ${list}. Replace them with the figures computed from the schools data?`,
  }),
} as const;

/** The pane's summary of an insert. */
export function insertSummary(r: {
  createdTables: string[];
  addedRows: { keys: string[] }[];
  addedColumns: { headers: string[] }[];
  notRestored: string[];
  preservedInputs: number;
  conflicts: unknown[];
  resolution: "replace" | "keep" | null;
  movedYears?: number;
}): Bilingual {
  const added = r.addedRows.reduce((n, a) => n + a.keys.length, 0);
  const columns = r.addedColumns.reduce((n, a) => n + a.headers.length, 0);
  const zh = [
    r.createdTables.length ? `新建表格 ${r.createdTables.length} 个` : "",
    added ? `新增行 ${added} 行` : "",
    columns ? `新增列 ${columns} 列` : "",
    `保留已填数据 ${r.preservedInputs} 项`,
    r.conflicts.length ? `${r.resolution === "replace" ? "替换" : "保留"}不同之处 ${r.conflicts.length} 处` : "",
    r.notRestored.length ? `已删除的 ${r.notRestored.join("、")} 未恢复` : "",
    r.movedYears ? `已完成项目的竣工年度 ${r.movedYears} 项移入“实际竣工年度”（计划竣工年度请按规划补填）` : "",
  ].filter(Boolean);
  const en = [
    r.createdTables.length ? `${r.createdTables.length} table(s) created` : "",
    added ? `${added} row(s) added` : "",
    columns ? `${columns} column(s) added` : "",
    `${r.preservedInputs} entered value(s) kept`,
    r.conflicts.length ? `${r.conflicts.length} difference(s) ${r.resolution === "replace" ? "replaced" : "kept"}` : "",
    r.notRestored.length ? `deleted rows not restored: ${r.notRestored.join(", ")}` : "",
    r.movedYears ? `${r.movedYears} finished project(s)' completion year moved to Actual completion year (fill in the planned year from the plan)` : "",
  ].filter(Boolean);
  return { zh: `完成：${zh.join("；")}。`, en: `Done: ${en.join("; ")}.` };
}

/** The completion picture of a flagged row. */
export const progressText = {
  completion: { zh: "完成率", en: "completion" },
  elapsed: { zh: "时间进度", en: "time elapsed" },
} as const;

/** After exporting the plan as JSON. */
export const exportedText = (file: string): Bilingual => ({
  zh: `已导出 ${file}，可提供给其他区县用 npm run template -- --plan 生成工作簿。`,
  en: `Exported ${file}: another district can build a workbook from it with npm run template -- --plan.`,
});

/** After applying the plan definition: the period it set, baselines carried over, then as an insert. */
export function applySummary(r: Parameters<typeof insertSummary>[0], carried: number, period: { startYear: number; targetYear: number }, moved = 0): Bilingual {
  const base = insertSummary(r);
  return {
    zh: `规划期 ${period.startYear}–${period.targetYear}。${moved ? `${moved} 行任务或里程碑的期间改为新规划期。` : ""}${carried ? `${carried} 项基期值沿用上期终值（已标出，可修改）。` : ""}${base.zh}`,
    en: `Plan period ${period.startYear}–${period.targetYear}. ${moved ? `${moved} task or milestone row(s) moved to the new period. ` : ""}${carried ? `${carried} baseline(s) carried over from the previous plan (marked, editable). ` : ""}${base.en}`,
  };
}

/** The pane's report section. */
export const reportPaneText = {
  latest: { zh: "有数据的最近年份", en: "Latest year with data" },
  generate: { zh: "生成年度报告", en: "Generate annual report" },
  final: { zh: "生成终期评估报告", en: "Generate the final evaluation" },
  replace: { zh: "替换该报告", en: "Replace that report" },
  existing: { zh: "工作簿中的报告：", en: "Reports in this workbook:" },
} as const satisfies Record<string, Bilingual>;
