/**
 * The plan definition (规划定义, table PM_Plan with PM_BaseYear / PM_TargetYear above it): the plan as
 * rows a planner edits, written from the plan on insert and read back into a plan on apply. Reading
 * checks every cell first (unknown units, text where a figure belongs, the period) and then the whole
 * plan with the same zod schema and loader as the embedded template; every problem names its cell, in
 * both languages, and nothing is written while any remains.
 *
 * What the rows cannot hold (contradictions, the building programme, item numbers, quotes, notes) is
 * kept from the plan the workbook follows, matched by ID.
 */
import { labels } from "../messages";
import { pick, type Bilingual, type Language } from "../i18n";
import { plainNumber } from "../format";
import { loadPlan } from "../plan/load";
import type { Attribute, Figure, Indicator, Milestone, Plan, TaskTarget, Unit } from "../plan/schema";
import { readTarget } from "../calc/target";
import { isBlank, readValue } from "../values";
import { cellAddress } from "./a1";
import type { Finding } from "./check";
import { DEFINITION_CELLS, DEFINITION_NAMES, DH, IH, indicatorUnitLabel, isCohortLabel, isGrossLabel, unitFromLabel, yearHeader } from "./layout";
import { asText, type Cell, type WorkbookSnapshot, type WriteOp } from "./model";
import { definitionMessages } from "./text";

export const ROW_KINDS = ["indicator", "task", "milestone"] as const;
export type RowKind = (typeof ROW_KINDS)[number];
export const ROW_KIND_LABELS: Record<RowKind, Bilingual> = {
  indicator: { zh: "指标", en: "Indicator" },
  task: { zh: "任务", en: "Task" },
  milestone: { zh: "里程碑", en: "Milestone" },
};

/** 属性 as a plan's table prints it. */
export const ATTRIBUTE_LABELS: Record<Attribute, Bilingual> = {
  binding: { zh: "约束性", en: "Binding" },
  expected: { zh: "预期性", en: "Expected" },
};

const find = <K extends string>(table: Record<K, Bilingual>, cell: Cell): K | undefined => {
  const t = String(cell ?? "").trim().toLowerCase();
  return (Object.keys(table) as K[]).find((k) => table[k].zh.toLowerCase() === t || table[k].en.toLowerCase() === t);
};

/** A loader's message about a field, in front of it the cell it comes from. */
const atCell = (where: string, detail: Bilingual): Bilingual => ({ zh: `${where}：${detail.zh}`, en: `${where}: ${detail.en}` });

/** A figure as the plan prints it (percentages in points: 92.52 for 92.52 %). */
function printed(value: number, unit: Unit): string {
  return unit === "percent" ? plainNumber(value * 100) : plainNumber(value);
}

// ---------------------------------------------------------------------------------------------
// Plan → rows (written on insert)

export function definitionRows(plan: Plan, language: Language): Array<{ key: string; cells: Record<string, Cell> }> {
  const groups = new Map(plan.groups.map((g) => [g.id, pick(g.names, language)]));
  const kind = (k: RowKind) => ROW_KIND_LABELS[k][language];
  const rows: Array<{ key: string; cells: Record<string, Cell> }> = [];
  for (const ind of plan.indicators) {
    rows.push({
      key: ind.id,
      cells: {
        [DH.id]: ind.id,
        [DH.kind]: kind("indicator"),
        [DH.group]: groups.get(ind.group) ?? ind.group,
        [DH.name]: ind.names.zh,
        [DH.nameEn]: ind.names.en,
        [DH.stage]: ind.stage ? labels.stage[ind.stage][language] : "",
        [DH.unit]: indicatorUnitLabel(ind, language),
        [DH.direction]: labels.direction[ind.direction][language],
        [DH.baseline]: ind.baseline.text,
        [DH.target]: ind.target.text,
        [DH.source]: ind.source.line,
        [DH.attribute]: ind.attribute ? ATTRIBUTE_LABELS[ind.attribute][language] : "",
      },
    });
  }
  for (const task of plan.tasks) {
    const each = task.perYear && !/^每年/.test(task.kind === "range" ? task.min.text : task.target.text) ? "每年" : "";
    rows.push({
      key: task.id,
      cells: {
        [DH.id]: task.id,
        [DH.kind]: kind("task"),
        [DH.group]: task.section,
        [DH.name]: task.names.zh,
        [DH.nameEn]: task.names.en,
        [DH.unit]: pick(task.unitLabel, language),
        [DH.baseline]: task.kind === "change" ? task.from.text : "",
        [DH.target]: each + (task.kind === "range" ? `${task.min.text}–${task.max.text}` : task.target.text),
        [DH.period]: task.period.from === task.period.to ? String(task.period.to) : `${task.period.from}–${task.period.to}`,
        [DH.source]: task.source.line,
        [DH.link]: task.indicator ?? task.partOf ?? "",
        [DH.attribute]: task.attribute ? ATTRIBUTE_LABELS[task.attribute][language] : "",
      },
    });
  }
  for (const m of plan.milestones) {
    rows.push({
      key: m.id,
      cells: { [DH.id]: m.id, [DH.kind]: kind("milestone"), [DH.group]: m.section, [DH.name]: m.names.zh, [DH.nameEn]: m.names.en, [DH.period]: String(m.plannedYear), [DH.source]: m.source.line },
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Rows → plan (read on apply)

export interface Carried {
  id: string;
  value: number;
  /** The baseline cell of the definition the value is offered in. */
  sheet: string;
  address: string;
  text: string;
  from: number;
}

/**
 * A definition row whose period (a task) or planned year (a milestone) followed the workbook's old
 * plan period, and the same years in the new one: offered in one step when the period moves.
 */
export interface PeriodMove {
  id: string;
  sheet: string;
  /** The row's period cell. */
  address: string;
  from: string;
  to: string;
}

export type DefinitionResult =
  | { kind: "none" }
  | { kind: "ok"; plan: Plan; carried: Carried[]; moves: PeriodMove[]; period: Plan["period"] }
  | { kind: "invalid"; problems: Finding[]; moves: PeriodMove[]; period: Plan["period"] };

/** The one question when the period moved: how many rows, the periods, a few of them. */
export function movePrompt(moves: readonly PeriodMove[], old: Plan["period"], period: Plan["period"], language: Language): Bilingual {
  const span = (p: Plan["period"]) => `${p.startYear}–${p.targetYear}`;
  const sample = moves.slice(0, 4).map((m) => `${m.id} ${m.from} → ${m.to}`).join(language === "zh" ? "；" : "; ") + (moves.length > 4 ? " …" : "");
  return definitionMessages.movePeriods(moves.length, span(old), span(period), sample);
}

/** The moved rows' period cells rewritten, so the definition sheet says what was applied (as text, like the column). */
export function moveOps(moves: readonly PeriodMove[]): WriteOp[] {
  return moves.map((m) => ({ op: "setCells", sheet: m.sheet, address: m.address, formulas: [[asText(m.to)]] }));
}

/**
 * The years of a row in the new period, when they followed the old one: each year of the old period
 * keeps its place (the old target year is the new target year; any other moves with the start), and
 * the row moves only when it no longer fits the new period and every year lands inside it.
 */
export function movedYears(years: readonly number[], old: Plan["period"], period: Plan["period"]): number[] | null {
  if (!years.length || (old.startYear === period.startYear && old.targetYear === period.targetYear)) return null;
  const inside = (y: number, p: Plan["period"]) => y >= p.startYear && y <= p.targetYear;
  if (years.every((y) => inside(y, period)) || !years.every((y) => inside(y, old))) return null;
  const moved = years.map((y) => (y === old.targetYear ? period.targetYear : y + period.startYear - old.startYear));
  return moved.every((y) => inside(y, period)) && moved.every((y, i) => i === 0 || y >= moved[i - 1]!) ? moved : null;
}

/** Each indicator's value in a year of the workbook's indicator table: the previous plan's final values. */
export function valuesInYear(snapshot: WorkbookSnapshot, year: number): Map<string, number> {
  const table = snapshot.tables.indicators;
  const out = new Map<string, number>();
  if (!table) return out;
  const id = table.headers.indexOf(IH.id);
  const y = table.headers.indexOf(yearHeader(year));
  if (id < 0 || y < 0) return out;
  for (const row of table.values) {
    const v = row[y];
    if (typeof v === "number" && Number.isFinite(v)) out.set(String(row[id] ?? "").trim(), v);
  }
  return out;
}

function figureFrom(cell: Cell, unit: Unit): Figure | "ambiguous" | null {
  if (typeof cell === "number") {
    // A number typed into the cell: 0.94 formatted as 94 % is a fraction; 94 in a percent row is points.
    const value = unit === "percent" && cell > 1.5 ? cell / 100 : cell;
    return { value, comparator: "=", text: printed(value, unit) };
  }
  const text = String(cell ?? "").trim();
  if (!text) return null;
  const points = unit === "percent";
  const read = readValue(text, { percentPoints: points });
  if (read.ok) {
    // "0.94" in a percent row would be 0.94 %: too easily meant as 94 %.
    if (points && !/[%％]/.test(text) && read.value.value > 0 && read.value.value < 0.015) return "ambiguous";
    return { value: read.value.value, comparator: read.value.comparator, text };
  }
  const target = readTarget(text, { read: { percentPoints: points } });
  if (target.ok && target.value.kind === "bound") return { value: target.value.value, comparator: target.value.comparator, text };
  return null;
}

/** A task's unit from its label: the unit of the task the plan already has with that label, else by the label. */
function taskUnit(label: string, base: TaskTarget | undefined): Unit {
  if (base && (base.unitLabel.zh === label || base.unitLabel.en === label)) return base.unit;
  const known = unitFromLabel(label);
  if (known) return known;
  if (/^(年|years?)$/i.test(label)) return "years";
  if (/^(人|名|persons?|people)$/i.test(label)) return "persons";
  return "count";
}

function yearsOf(cell: Cell): number[] {
  return (String(cell ?? "").match(/\d{4}/g) ?? []).map(Number);
}

interface Located {
  sheet: string;
  /** Address of a definition row's cell by header. */
  at: (row: number, header: string) => string;
}

export function readDefinition(snapshot: WorkbookSnapshot, base: Plan, language: Language, options: { movePeriods?: boolean } = {}): DefinitionResult {
  const table = snapshot.tables.plan;
  const named = snapshot.namedCells ?? {};
  if (!table) return { kind: "none" };
  const col = (h: string) => table.headers.indexOf(h);
  const cell = (r: number, h: string): Cell => (col(h) < 0 ? null : (table.values[r]?.[col(h)] ?? null));
  const loc: Located = { sheet: table.sheet, at: (r, h) => cellAddress(table.col + Math.max(0, col(h)), table.row + 1 + r) };
  const problems: Finding[] = [];
  const problem = (sheet: string, address: string, key: string, header: string, message: Bilingual) =>
    problems.push({ severity: "error", code: "definition", sheet, address, table: table.name, key, header, message });
  const namedCell = (k: keyof typeof DEFINITION_NAMES) => named[DEFINITION_NAMES[k]] ?? { value: null, sheet: table.sheet, address: DEFINITION_CELLS[k] };

  // The period first: every year below is checked against it.
  const baseCell = namedCell("baseYear");
  const targetCell = namedCell("targetYear");
  const year = (c: { value: Cell; sheet: string; address: string }, k: keyof typeof DEFINITION_NAMES) => {
    // A deleted name is named as such, not read as a blank cell where it used to point.
    if (!named[DEFINITION_NAMES[k]]) {
      problem(c.sheet, c.address, "", "", definitionMessages.missingName(DEFINITION_NAMES[k], `${c.sheet}!${c.address}`));
      return null;
    }
    const v = c.value;
    if (typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2200) return v;
    problem(c.sheet, c.address, "", "", definitionMessages.year(`${c.sheet}!${c.address}`, String(v ?? "")));
    return null;
  };
  const baseYear = year(baseCell, "baseYear");
  const targetYear = year(targetCell, "targetYear");
  if (baseYear !== null && targetYear !== null && targetYear <= baseYear) {
    problem(targetCell.sheet, targetCell.address, "", "", definitionMessages.periodOrder(`${targetCell.sheet}!${targetCell.address}`, targetYear, baseYear));
  }
  const period = { baseYear: baseYear ?? base.period.baseYear, startYear: (baseYear ?? base.period.baseYear) + 1, targetYear: targetYear ?? base.period.targetYear };

  // Rows that followed the old period: offered the new one (or, when asked for, moved to it).
  const moves: PeriodMove[] = [];
  const yearsIn = (r: number, key: string): number[] => {
    const years = yearsOf(cell(r, DH.period));
    const moved = baseYear !== null && targetYear !== null && targetYear > baseYear ? movedYears(years, base.period, period) : null;
    if (!moved) return years;
    const text = (ys: number[]) => (ys.length > 1 && ys[0] !== ys[ys.length - 1] ? `${ys[0]}–${ys[ys.length - 1]}` : String(ys[ys.length - 1]));
    moves.push({ id: key, sheet: table.sheet, address: loc.at(r, DH.period), from: String(cell(r, DH.period) ?? ""), to: text(moved) });
    return options.movePeriods ? moved : years;
  };

  const previous = valuesInYear(snapshot, period.baseYear);
  const carried: Carried[] = [];
  const groups = [...base.groups];
  const groupId = (name: string) => {
    const found = groups.find((g) => g.names.zh === name || g.names.en === name || g.id === name);
    if (found) return found.id;
    const id = `g${groups.length + 1}`;
    groups.push({ id, names: { zh: name, en: name } });
    return id;
  };
  const rowOf = { indicators: [] as number[], tasks: [] as number[], milestones: [] as number[] };
  const indicators: Indicator[] = [];
  const tasks: TaskTarget[] = [];
  const milestones: Milestone[] = [];
  const where = (r: number, h: string) => `${table.sheet}!${loc.at(r, h)}`;
  const bad = (r: number, h: string, key: string, message: Bilingual) => problem(table.sheet, loc.at(r, h), key, h, message);

  table.values.forEach((_, r) => {
    const id = String(cell(r, DH.id) ?? "").trim();
    const kindCell = cell(r, DH.kind);
    if (!id && isBlank(kindCell) && isBlank(cell(r, DH.name))) return; // an empty row
    const key = id || `#${r + 1}`;
    const kind = find(ROW_KIND_LABELS, kindCell);
    if (!kind) return bad(r, DH.kind, key, definitionMessages.kind(where(r, DH.kind), String(kindCell ?? "")));
    const zh = String(cell(r, DH.name) ?? "").trim();
    const en = String(cell(r, DH.nameEn) ?? "").trim() || zh;
    if (!zh) bad(r, DH.name, key, definitionMessages.missing(where(r, DH.name), key));
    const sourceLine = typeof cell(r, DH.source) === "number" ? (cell(r, DH.source) as number) : null;
    const attributeCell = cell(r, DH.attribute);
    const attribute = isBlank(attributeCell) ? undefined : find(ATTRIBUTE_LABELS, attributeCell);
    if (attribute === undefined && !isBlank(attributeCell)) bad(r, DH.attribute, key, definitionMessages.attribute(where(r, DH.attribute), String(attributeCell)));
    const attributed = attribute ? { attribute } : {};
    const section = String(cell(r, DH.group) ?? "").trim();
    if (!section) bad(r, DH.group, key, definitionMessages.missing(where(r, DH.group), key));
    const source = (old: { source: Indicator["source"] } | undefined, quote: string) => ({
      chapter: old?.source.chapter ?? 1,
      ...(old?.source.section ? { section: old.source.section } : {}),
      line: sourceLine ?? old?.source.line ?? 1,
      quote: old?.source.quote ?? (quote || zh || id),
    });

    if (kind === "indicator") {
      const old = base.indicators.find((i) => i.id === id);
      const unitCell = cell(r, DH.unit);
      const unit = unitFromLabel(unitCell);
      if (!unit) return bad(r, DH.unit, key, definitionMessages.unit(where(r, DH.unit), String(unitCell ?? ""), Object.values(labels.unit).map((l) => l[language]).join(" / ")));
      const direction = find(labels.direction, cell(r, DH.direction));
      if (!direction) return bad(r, DH.direction, key, definitionMessages.direction(where(r, DH.direction), String(cell(r, DH.direction) ?? ""), Object.values(labels.direction).map((l) => l[language]).join(" / ")));
      const stageCell = cell(r, DH.stage);
      const stage = isBlank(stageCell) ? undefined : find(labels.stage, stageCell);
      if (stage === undefined && !isBlank(stageCell)) bad(r, DH.stage, key, definitionMessages.stage(where(r, DH.stage), String(stageCell)));
      let baseline = figureFrom(cell(r, DH.baseline), unit);
      const target = figureFrom(cell(r, DH.target), unit);
      // The previous plan's final value is offered where the new plan leaves the baseline blank.
      if (baseline === null && previous.has(id)) {
        const value = previous.get(id)!;
        baseline = { value, comparator: "=", text: printed(value, unit) };
        carried.push({ id, value, sheet: table.sheet, address: loc.at(r, DH.baseline), text: baseline.text, from: period.baseYear });
      }
      for (const [h, f] of [[DH.baseline, baseline], [DH.target, target]] as const) {
        if (f === null) bad(r, h, key, definitionMessages.figure(where(r, h), String(cell(r, h) ?? ""), isBlank(cell(r, h))));
        else if (f === "ambiguous") bad(r, h, key, definitionMessages.ambiguousPercent(where(r, h), String(cell(r, h))));
      }
      if (!baseline || !target || baseline === "ambiguous" || target === "ambiguous") return;
      rowOf.indicators.push(r);
      indicators.push({
        id,
        group: groupId(section),
        item: old?.item ?? indicators.filter((i) => i.group === groupId(section)).length + 1,
        names: { zh, en },
        ...(stage ? { stage } : {}),
        unit,
        direction,
        baseline,
        target,
        ...(isGrossLabel(unitCell) ? { canExceed100: true } : {}),
        ...(isCohortLabel(unitCell) ? { cohort: true } : {}),
        ...(old?.computed ? { computed: old.computed } : {}),
        ...attributed,
        source: source(old, `${zh} ${target.text}`),
      });
      return;
    }

    if (kind === "task") {
      const old = base.tasks.find((t) => t.id === id);
      const label = String(cell(r, DH.unit) ?? "").trim();
      if (!label) return bad(r, DH.unit, key, definitionMessages.missing(where(r, DH.unit), key));
      const unit = taskUnit(label, old);
      const years = yearsIn(r, key);
      const from = years[0] ?? period.targetYear;
      const to = years[years.length - 1] ?? period.targetYear;
      if (years.some((y) => y < period.startYear || y > period.targetYear)) {
        return bad(r, DH.period, key, definitionMessages.taskPeriod(where(r, DH.period), String(cell(r, DH.period)), period.startYear, period.targetYear));
      }
      const targetText = String(cell(r, DH.target) ?? "").trim();
      const perYear = /^(每年|年均)/.test(targetText);
      const bare = targetText.replace(/^(每年|年均)/, "");
      const range = /^(.+?)\s*(?:-|–|—|~|～|至|到)\s*(.+)$/u.exec(bare);
      const link = String(cell(r, DH.link) ?? "").trim();
      const common = {
        id,
        section,
        names: { zh, en },
        unit,
        unitLabel: old && (old.unitLabel.zh === label || old.unitLabel.en === label) ? old.unitLabel : { zh: label, en: label },
        period: { from, to },
        perYear,
        ...(link && base.tasks.some((t) => t.id === link) ? { partOf: link } : {}),
        ...(link && !base.tasks.some((t) => t.id === link) ? { indicator: link } : {}),
        ...(old?.note ? { note: old.note } : {}),
        ...attributed,
        source: source(old, targetText),
      };
      if (range && !/以上$/.test(bare) && !/^[<>≤≥＜＞]/.test(bare)) {
        const min = figureFrom(range[1]!, unit);
        const max = figureFrom(range[2]!, unit);
        if (!min || !max || min === "ambiguous" || max === "ambiguous") return bad(r, DH.target, key, definitionMessages.figure(where(r, DH.target), targetText, false));
        rowOf.tasks.push(r);
        tasks.push({ ...common, kind: "range", min, max });
        return;
      }
      const target = figureFrom(bare, unit);
      if (!target || target === "ambiguous") return bad(r, DH.target, key, definitionMessages.figure(where(r, DH.target), targetText, !targetText));
      const fromCell = cell(r, DH.baseline);
      if (!isBlank(fromCell)) {
        const start = figureFrom(fromCell, unit);
        if (!start || start === "ambiguous") return bad(r, DH.baseline, key, definitionMessages.figure(where(r, DH.baseline), String(fromCell), false));
        rowOf.tasks.push(r);
        // Where the plan printed the starting figure elsewhere, that quote stays while the figure does.
        const printed = old?.kind === "change" && old.fromSource && old.from.value === start.value ? { fromSource: old.fromSource } : {};
        tasks.push({ ...common, kind: "change", from: start, target, ...printed });
        return;
      }
      rowOf.tasks.push(r);
      tasks.push({ ...common, kind: "level", target });
      return;
    }

    const old = base.milestones.find((m) => m.id === id);
    const planned = yearsIn(r, key)[0];
    if (planned === undefined) return bad(r, DH.period, key, definitionMessages.plannedYear(where(r, DH.period), String(cell(r, DH.period) ?? "")));
    rowOf.milestones.push(r);
    milestones.push({ id, section, names: { zh, en }, plannedYear: planned, source: source(old, zh), ...(old?.standards ? { standards: old.standards } : {}) });
  });

  const name = String(namedCell("name").value ?? "").trim();
  const nameEn = String(namedCell("nameEn").value ?? "").trim();
  const ids = new Set([...indicators, ...tasks, ...milestones].map((x) => x.id));
  const building = base.building && [base.building.projectsTask, base.building.placesTask, ...base.building.parts.flatMap((p) => [p.projectsTask, p.placesTask])].every((t) => t === undefined || ids.has(t)) ? base.building : undefined;
  const candidate = {
    ...base,
    names: { zh: name || base.names.zh, en: nameEn || name || base.names.en },
    period,
    groups: groups.filter((g) => indicators.some((i) => i.group === g.id)),
    indicators,
    tasks,
    // A milestone's standards follow the indicator rows that stay, as contradictions do.
    milestones: milestones.map((m) => {
      if (!m.standards) return m;
      const standards = m.standards.filter((st) => ids.has(st.indicator));
      const rest: Milestone = { ...m };
      delete rest.standards;
      return standards.length ? { ...rest, standards } : rest;
    }),
    contradictions: base.contradictions.filter((c) => c.refs.every((ref) => ids.has(ref))),
    building,
  };
  if (!building) delete (candidate as { building?: unknown }).building;
  if (problems.length) return { kind: "invalid", problems, moves, period };

  // The whole plan as the embedded template is checked: schema, duplicate IDs, figures, directions.
  const loaded = loadPlan(candidate);
  if (loaded.ok) return { kind: "ok", plan: loaded.plan, carried, moves, period };
  for (const issue of loaded.issues) {
    const [list, index, field] = issue.path;
    const rows = typeof list === "string" && list in rowOf ? rowOf[list as keyof typeof rowOf] : null;
    const r = rows && typeof index === "number" ? rows[index] : undefined;
    const header = FIELD_HEADERS[String(field)] ?? DH.id;
    if (r !== undefined) {
      const key = String(cell(r, DH.id) ?? `#${r + 1}`);
      bad(r, header, key, atCell(where(r, header), issue.detail));
    } else {
      // The period was checked above (a loader issue there cannot arise); what is left concerns the
      // whole plan (no indicator at all), named at the plan's name.
      const c = namedCell("name");
      problem(c.sheet, c.address, "", "", atCell(`${c.sheet}!${c.address}`, issue.detail));
    }
  }
  return { kind: "invalid", problems, moves, period };
}

/** Which column of a definition row a field of the plan comes from. */
const FIELD_HEADERS: Record<string, string> = {
  id: DH.id,
  group: DH.group,
  section: DH.group,
  names: DH.name,
  stage: DH.stage,
  unit: DH.unit,
  unitLabel: DH.unit,
  direction: DH.direction,
  baseline: DH.baseline,
  from: DH.baseline,
  target: DH.target,
  min: DH.target,
  max: DH.target,
  period: DH.period,
  plannedYear: DH.period,
  source: DH.source,
  partOf: DH.link,
  indicator: DH.link,
};
