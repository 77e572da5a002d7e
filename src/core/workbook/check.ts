/**
 * Validation on demand. Pasted values bypass Excel's own data validation, so every input is read
 * back and checked here. Each finding names the sheet and cell and says what to do, in both
 * languages; nothing is changed in the data.
 */
import { checkMessages } from "./text";
import { type Bilingual } from "../i18n";
import { EXCEL_ERROR, isBlank, readValue } from "../values";
import { cellAddress, parseAddress } from "./a1";
import { unitProblem } from "../calc/units";
import { bandAccepted, readTarget } from "../calc/target";
import { stateFromText } from "../calc/milestone";
import { yearMarkFindings } from "./marks";
import { meets } from "../calc/compare";
import { pct, plainNumber } from "../format";
import { fromLabel, PROJECT_KIND_LABELS, PROJECT_STATE_LABELS, SCHOOL_STAGES, SCHOOL_STAGE_LABELS } from "../calc/projects";
import { FH, PH, IH, MH, isCohortLabel, isGrossLabel, noteHeader, SCHOOL_INDICATORS, SH, STAGE_OPTIONS, TH, planYears, unitFromLabel, yearHeader } from "./layout";
import type { Plan, Unit } from "../plan/schema";
import type { Cell, TableSnapshot, WorkbookSnapshot } from "./model";

export interface Finding {
  severity: "error" | "warning";
  code: string;
  sheet: string;
  address: string;
  table: string;
  /** The row's ID or school name, for the list in the pane. */
  key: string;
  header: string;
  message: Bilingual;
}

/**
 * A funding figure this many times off its neighbours is a unit or percent slip, not a change: yuan
 * for 10k yuan is 10,000 times (less a year's growth), a rate typed as an amount millions of times.
 */
export const FUNDING_SLIP_RATIO = 1000;
/** A funding figure that changes by more than this share from the year before is questioned. */
export const FUNDING_JUMP_RATIO = 0.5;

/** Relative change between consecutive years beyond which a value is questioned. */
export const JUMP_RATIO = 0.5;
/** For percentages: an absolute change beyond this many points is questioned. */
export const JUMP_POINTS = 0.15;

class TableReader {
  constructor(
    readonly table: TableSnapshot,
    readonly findings: Finding[],
  ) {}

  col(header: string): number {
    return this.table.headers.indexOf(header);
  }

  value(row: number, header: string): Cell | undefined {
    const c = this.col(header);
    return c < 0 ? undefined : this.table.values[row]?.[c];
  }

  address(row: number, header: string): string {
    return cellAddress(this.table.col + this.col(header), this.table.row + 1 + row);
  }

  add(severity: Finding["severity"], code: string, row: number, header: string, key: string, message: Bilingual): void {
    this.findings.push({
      severity,
      code,
      sheet: this.table.sheet,
      address: this.address(row, header),
      table: this.table.name,
      key,
      header,
      message,
    });
  }

  /**
   * A number, or a finding: Excel errors, logical values and text (even readable text, which
   * Excel's own functions would not count) are reported with what to type instead.
   */
  number(row: number, header: string, key: string): number | null {
    const cell = this.value(row, header);
    if (isBlank(cell)) return null;
    const where = this.address(row, header);
    if (typeof cell === "number") return cell;
    if (typeof cell === "boolean") {
      this.add("error", "not-number", row, header, key, checkMessages.notNumber(where, String(cell).toUpperCase()));
      return null;
    }
    const text = String(cell).trim();
    if (EXCEL_ERROR.test(text)) {
      this.add("error", "excel-error", row, header, key, checkMessages.excelError(where, text.toUpperCase()));
      return null;
    }
    const read = readValue(text);
    this.add(
      "error",
      read.ok ? "text-number" : "not-number",
      row,
      header,
      key,
      read.ok ? checkMessages.textNumber(where, text, read.value.value) : checkMessages.notNumber(where, text),
    );
    return null;
  }
}

function checkValue(reader: TableReader, row: number, header: string, key: string, unit: Unit | null, value: number, canExceed100 = false): boolean {
  const where = reader.address(row, header);
  const problem = unitProblem(unit, value, canExceed100);
  if (problem) {
    const message = { negative: checkMessages.negative, "percent-points": checkMessages.percentPoints, "percent-range": checkMessages.percentRange }[problem];
    reader.add("error", problem, row, header, key, message(where, value));
    return false;
  }
  if (unit === "coefficient" && value > 1) {
    reader.add("warning", "coefficient-range", row, header, key, checkMessages.coefficientRange(where, value));
  }
  return true;
}

function checkJump(reader: TableReader, row: number, header: string, key: string, unit: Unit | null, previous: number, value: number, fromLabel: string) {
  const change = Math.abs(value - previous);
  const jump = unit === "percent" ? change > JUMP_POINTS : previous !== 0 && change / Math.abs(previous) > JUMP_RATIO;
  if (jump) {
    reader.add("warning", "jump", row, header, key, checkMessages.jump(reader.address(row, header), fromLabel, previous, value, unit === "percent"));
  }
}

/**
 * A 左右 target's band: a share from 0 to 99 %. Pasted past Excel's own rule, anything else would
 * leave the verdict with no target (150 %) or the default 5 % instead of what was meant (text).
 */
function checkBand(reader: TableReader, row: number, header: string, key: string) {
  const cell = reader.value(row, header);
  if (bandAccepted(cell)) return;
  reader.add("error", "band", row, header, key, checkMessages.band(reader.address(row, header), String(cell)));
}

function checkIndicators(reader: TableReader, plan: Plan) {
  const { table } = reader;
  const years = planYears(plan);
  const grossRatios = new Set(plan.indicators.filter((i) => i.canExceed100).map((i) => i.id));
  const cohortRatios = new Set(plan.indicators.filter((i) => i.cohort).map((i) => i.id));
  table.values.forEach((_, row) => {
    const id = String(reader.value(row, IH.id) ?? "").trim();
    const hasData = years.some((y) => !isBlank(reader.value(row, yearHeader(y))));
    if (!id) {
      if (hasData) reader.add("warning", "missing-id", row, IH.id, `#${row + 1}`, checkMessages.missingId(reader.address(row, IH.id)));
      return;
    }
    const unit = unitFromLabel(reader.value(row, IH.unit));
    const canExceed100 = grossRatios.has(id) || isGrossLabel(reader.value(row, IH.unit));
    const cohort = cohortRatios.has(id) || isCohortLabel(reader.value(row, IH.unit));
    if (!unit && reader.col(IH.unit) >= 0) reader.add("warning", "unknown-unit", row, IH.unit, id, checkMessages.unknownUnit(reader.address(row, IH.unit)));
    checkBand(reader, row, IH.band, id);
    let previous: { value: number; label: string } | null = null;
    for (const header of [IH.baseline, IH.target]) {
      const cell = reader.value(row, header);
      if (isBlank(cell)) {
        reader.add("error", header === IH.baseline ? "missing-baseline" : "missing-target", row, header, id,
          header === IH.baseline ? checkMessages.missingBaseline(reader.address(row, header), id) : checkMessages.missingTarget(reader.address(row, header), id));
      } else {
        // Targets are read as the verdict reads them: ranges ("5–7个"), bands ("1100人左右"), "每年…".
        const read = header === IH.target ? readTarget(cell) : readValue(cell);
        if (!read.ok) reader.add("error", "not-number", row, header, id, checkMessages.notNumber(reader.address(row, header), String(cell)));
        else if (header === IH.baseline) previous = { value: read.value.value, label: String(plan.period.baseYear) };
      }
    }
    for (const year of years) {
      const header = yearHeader(year);
      if (reader.col(header) < 0) continue;
      const value = reader.number(row, header, id);
      if (value === null) continue;
      if (!checkValue(reader, row, header, id, unit, value, canExceed100)) continue;
      // A cohort ratio above 100 % is possible (pupils moving in) but unusual: the year's note says why.
      if (cohort && unit === "percent" && value > 1 && isBlank(reader.value(row, noteHeader(year)))) {
        reader.add("warning", "cohort-over-100", row, header, id, checkMessages.cohortOver100(reader.address(row, header), value, noteHeader(year)));
      }
      if (previous) checkJump(reader, row, header, id, unit, previous.value, value, previous.label);
      previous = { value, label: String(year) };
    }
  });
}

function checkTasks(reader: TableReader, plan: Plan) {
  reader.table.values.forEach((_, row) => {
    const id = String(reader.value(row, TH.id) ?? "").trim() || `#${row + 1}`;
    const unit = unitFromLabel(reader.value(row, TH.unit));
    const target = reader.value(row, TH.target);
    checkBand(reader, row, TH.band, id);
    if (!isBlank(target) && !readTarget(target).ok) {
      reader.add("error", "not-number", row, TH.target, id, checkMessages.notNumber(reader.address(row, TH.target), String(target)));
    }
    for (const year of planYears(plan)) {
      const header = yearHeader(year);
      if (reader.col(header) < 0) continue;
      const value = reader.number(row, header, id);
      if (value !== null) checkValue(reader, row, header, id, unit, value);
    }
  });
}

function checkSchools(reader: TableReader) {
  const seen = new Map<string, number>();
  const inputs = [SH.enrolment, SH.classes, SH.standardClasses, ...SCHOOL_INDICATORS.map((i) => i.raw)];
  reader.table.values.forEach((_, row) => {
    const name = String(reader.value(row, SH.school) ?? "").trim();
    const stage = String(reader.value(row, SH.stage) ?? "").trim();
    const hasData = !isBlank(reader.value(row, SH.stage)) || inputs.some((h) => !isBlank(reader.value(row, h)));
    if (!name && !hasData) return; // an empty row
    const key = name || `#${row + 1}`;
    if (!name) reader.add("error", "missing-school", row, SH.school, key, checkMessages.missingSchool(reader.address(row, SH.school)));
    if (!STAGE_OPTIONS.includes(stage)) reader.add("error", "stage", row, SH.stage, key, checkMessages.stage(reader.address(row, SH.stage), stage));
    if (name && STAGE_OPTIONS.includes(stage)) {
      const id = `${name}\u0000${stage}`;
      const first = seen.get(id);
      if (first !== undefined) {
        reader.add("error", "duplicate-school", row, SH.school, key, checkMessages.duplicateSchool(reader.address(row, SH.school), name, stage, reader.address(first, SH.school)));
      } else seen.set(id, row);
    }
    const numbers = new Map<string, number | null>();
    for (const header of inputs) {
      const value = reader.number(row, header, key);
      numbers.set(header, value);
      if (value !== null && value < 0) reader.add("error", "negative", row, header, key, checkMessages.negative(reader.address(row, header), value));
    }
    const enrolment = numbers.get(SH.enrolment);
    if (isBlank(reader.value(row, SH.enrolment))) {
      reader.add("error", "missing-enrolment", row, SH.enrolment, key, checkMessages.missingEnrolment(reader.address(row, SH.enrolment), key));
    } else if (enrolment === 0) {
      reader.add("error", "zero-enrolment", row, SH.enrolment, key, checkMessages.zeroEnrolment(reader.address(row, SH.enrolment), key));
    }
    const classes = numbers.get(SH.classes);
    if (classes != null && enrolment != null && enrolment > 0 && classes > enrolment) {
      reader.add("error", "classes-over-enrolment", row, SH.classes, key, checkMessages.classesOverEnrolment(reader.address(row, SH.classes), classes, enrolment));
    }
    const standard = numbers.get(SH.standardClasses);
    if (standard != null && classes != null && standard > classes) {
      reader.add("error", "standard-over-classes", row, SH.standardClasses, key, checkMessages.standardOverClasses(reader.address(row, SH.standardClasses), standard, classes));
    }
  });
}

/**
 * Merged cells inside a table: Excel keeps only the first cell's value, so every cell of the area
 * is named (never read as the neighbour's value, never silently "no data").
 */
function checkMerged(reader: TableReader, keyHeader: string) {
  const { table } = reader;
  for (const area of table.merged ?? []) {
    const [from, to = from] = area.split(":");
    const a = parseAddress(from!);
    const b = parseAddress(to!);
    for (let r = Math.max(a.row, table.row + 1); r <= Math.min(b.row, table.row + table.values.length); r++) {
      for (let c = Math.max(a.col, table.col); c <= Math.min(b.col, table.col + table.headers.length - 1); c++) {
        const row = r - table.row - 1;
        const header = table.headers[c - table.col]!;
        const key = String(reader.value(row, keyHeader) ?? "").trim() || `#${row + 1}`;
        reader.add("error", "merged", row, header, key, checkMessages.merged(reader.address(row, header), area));
      }
    }
  }
}

function checkMilestones(reader: TableReader, plan: Plan) {
  const { startYear, targetYear } = plan.period;
  reader.table.values.forEach((_, row) => {
    const id = String(reader.value(row, MH.id) ?? "").trim() || `#${row + 1}`;
    const stateCell = reader.value(row, MH.state);
    const state = stateFromText(stateCell);
    if (state === undefined) reader.add("error", "milestone-state", row, MH.state, id, checkMessages.milestoneState(reader.address(row, MH.state), String(stateCell)));
    const done = reader.number(row, MH.doneYear, id); // null when blank
    if (done === null) return;
    if (!Number.isInteger(done) || done < startYear || done > targetYear) {
      reader.add("error", "done-year", row, MH.doneYear, id, checkMessages.doneYear(reader.address(row, MH.doneYear), done, startYear, targetYear));
    } else if (state !== "done") {
      reader.add("warning", "done-year-not-done", row, MH.doneYear, id, checkMessages.doneYearNotDone(reader.address(row, MH.doneYear)));
    }
  });
}

/**
 * A reviewer's cross-check (§7a, issue 28 item 6): a milestone marked done in a year whose indicator
 * rows fall short of what "done" rests on (优质均衡区 done in 2024 while that year's standard
 * class-size shares are 72 % / 83 %). A warning at its state cell, not a verdict: the planner
 * confirms the state or gives the grounds.
 */
function checkMilestoneStandards(milestones: TableReader, indicators: TableReader, plan: Plan) {
  const rowOf = new Map<string, number>();
  indicators.table.values.forEach((_, r) => rowOf.set(String(indicators.value(r, IH.id) ?? "").trim(), r));
  milestones.table.values.forEach((_, row) => {
    const id = String(milestones.value(row, MH.id) ?? "").trim();
    const standards = plan.milestones.find((m) => m.id === id)?.standards;
    if (!standards || stateFromText(milestones.value(row, MH.state)) !== "done") return;
    const year = milestones.value(row, MH.doneYear);
    if (typeof year !== "number" || !Number.isInteger(year)) return;
    const misses = standards.flatMap((st) => {
      const r = rowOf.get(st.indicator);
      const v = r === undefined ? null : indicators.value(r, yearHeader(year));
      if (typeof v !== "number" || meets(v, st.comparator, st.value)) return [];
      const ind = plan.indicators.find((i) => i.id === st.indicator);
      const shown = ind?.unit === "percent" ? pct(v) : plainNumber(v);
      return [{ name: ind?.names ?? { zh: st.indicator, en: st.indicator }, value: shown, rule: st.text }];
    });
    if (misses.length) milestones.add("warning", "milestone-standard", row, MH.state, id, checkMessages.milestoneStandard(milestones.address(row, MH.state), year, misses));
  });
}

function checkFunding(reader: TableReader, plan: Plan) {
  const amounts = [FH.budget, FH.appropriation, FH.revenue, ...SCHOOL_STAGES.flatMap((st) => [FH.enrolment(st), FH.spending(st), FH.publicFunds(st)]), FH.teacherPay, FH.civilPay];
  // Years run on one by one from the first row (the base year, or an earlier period's first year).
  const first = reader.value(0, FH.year);
  const start = typeof first === "number" && Number.isInteger(first) ? first : plan.period.baseYear;
  reader.table.values.forEach((_, row) => {
    const expected = start + row;
    const yearCell = reader.value(row, FH.year);
    // Growth compares each row with the row above, so the years must stand in order.
    if (yearCell !== expected) reader.add("error", "funding-year", row, FH.year, String(yearCell ?? `#${row + 1}`), checkMessages.fundingYear(reader.address(row, FH.year), expected, String(yearCell ?? "")));
    const key = String(yearCell ?? `#${row + 1}`);
    for (const header of amounts) {
      if (reader.col(header) < 0) continue;
      const value = reader.number(row, header, key);
      if (value !== null && value < 0) reader.add("error", "negative", row, header, key, checkMessages.negative(reader.address(row, header), value));
    }
  });
  // Plausibility, column by column against the year before (and, for a slip, the year after too):
  // 4.5 % typed for regular revenue of 2,250,000 (10k yuan) would certify 三个增长 on a figure no
  // finance office has (§7a.7). A slip of 1,000 times or more is an error; a change beyond ±50 % a warning.
  for (const header of amounts) {
    if (reader.col(header) < 0) continue;
    const column = reader.table.values.map((_, row) => {
      const cell = reader.value(row, header);
      return typeof cell === "number" && Number.isFinite(cell) && cell > 0 ? cell : null;
    });
    const apart = (a: number, b: number) => Math.max(a / b, b / a) >= FUNDING_SLIP_RATIO;
    const at = (i: number) => (i >= 0 && i < column.length ? column[i]! : null);
    // The figure that slipped is off from every neighbour it has. A first or last row has one: it is
    // the slip when that neighbour agrees with its own other neighbour (or, with two rows only, when
    // it is the later one).
    const slipped = (row: number): boolean => {
      const value = at(row)!;
      const sides = [row - 1, row + 1].filter((i) => at(i) !== null);
      if (!sides.length || !sides.every((i) => apart(value, at(i)!))) return false;
      if (sides.length === 2) return true;
      const n = sides[0]!;
      const beyond = at(2 * n - row);
      return beyond === null ? row > n : !apart(at(n)!, beyond);
    };
    column.forEach((value, row) => {
      if (value === null) return;
      const key = String(reader.value(row, FH.year) ?? `#${row + 1}`);
      const before = at(row - 1);
      if (slipped(row)) {
        const n = before !== null ? row - 1 : row + 1;
        reader.add("error", "funding-slip", row, header, key, checkMessages.fundingSlip(reader.address(row, header), value, at(n)!, String(reader.value(n, FH.year) ?? "")));
        return;
      }
      // A slip above is named there; the year after it is no jump of its own.
      if (before === null || apart(value, before)) return;
      if (Math.abs(value - before) / before > FUNDING_JUMP_RATIO) {
        reader.add("warning", "funding-jump", row, header, key, checkMessages.fundingJump(reader.address(row, header), value, before, String(reader.value(row - 1, FH.year) ?? "")));
      }
    });
  }
}

function checkProjects(reader: TableReader) {
  const choices = [
    [PH.stage, SCHOOL_STAGE_LABELS],
    [PH.kind, PROJECT_KIND_LABELS],
    [PH.state, PROJECT_STATE_LABELS],
  ] as const;
  reader.table.values.forEach((_, row) => {
    const name = String(reader.value(row, PH.name) ?? "").trim();
    const inputs = [PH.stage, PH.kind, PH.places, PH.start, PH.completion, PH.actualYear, PH.state, PH.planned, PH.spent];
    if (!name && inputs.every((h) => isBlank(reader.value(row, h)))) return;
    const key = name || `#${row + 1}`;
    if (!name) reader.add("error", "missing-project", row, PH.name, key, checkMessages.missingProject(reader.address(row, PH.name)));
    for (const [header, labels] of choices) {
      if (reader.col(header) < 0) continue;
      const cell = reader.value(row, header);
      const read = fromLabel(labels as Record<string, Bilingual>, cell);
      const list = Object.values(labels as Record<string, Bilingual>).map((l) => l.zh).join(" / ");
      if (read === undefined) reader.add("error", "unknown-choice", row, header, key, checkMessages.unknownChoice(reader.address(row, header), String(cell), list));
      else if (read === null) reader.add("error", "missing-choice", row, header, key, checkMessages.missingChoice(reader.address(row, header), key));
    }
    const numbers = new Map<string, number | null>();
    for (const header of [PH.places, PH.start, PH.completion, PH.actualYear, PH.planned, PH.spent]) {
      if (reader.col(header) < 0) continue;
      const value = reader.number(row, header, key);
      numbers.set(header, value);
      if (value !== null && value < 0) reader.add("error", "negative", row, header, key, checkMessages.negative(reader.address(row, header), value));
    }
    for (const header of [PH.start, PH.completion, PH.actualYear]) {
      const v = numbers.get(header);
      if (v != null && (!Number.isInteger(v) || v < 1900 || v > 2100)) reader.add("error", "project-year", row, header, key, checkMessages.projectYear(reader.address(row, header), v));
    }
    const start = numbers.get(PH.start);
    const completion = numbers.get(PH.completion);
    for (const header of [PH.completion, PH.actualYear]) {
      const end = header === PH.completion ? completion : numbers.get(header);
      if (start != null && end != null && end < start) {
        reader.add("error", "completion-before-start", row, header, key, checkMessages.completionBeforeStart(reader.address(row, header), end, start));
      }
    }
    // The actual year and the state say the same thing: finished (with its year) or not yet.
    if (reader.col(PH.actualYear) >= 0 && reader.col(PH.state) >= 0) {
      const state = fromLabel(PROJECT_STATE_LABELS, reader.value(row, PH.state));
      const actual = numbers.get(PH.actualYear);
      const finished = state === "completed" || state === "inUse";
      if (finished && actual === null && isBlank(reader.value(row, PH.actualYear))) {
        reader.add("warning", "actual-year-missing", row, PH.actualYear, key, checkMessages.actualYearMissing(reader.address(row, PH.actualYear), state));
      }
      if ((state === "notStarted" || state === "building") && actual != null) {
        reader.add("warning", "actual-year-unfinished", row, PH.actualYear, key, checkMessages.actualYearUnfinished(reader.address(row, PH.actualYear), actual, state));
      }
    }
    const planned = numbers.get(PH.planned);
    const spent = numbers.get(PH.spent);
    if (planned != null && spent != null && spent > planned) reader.add("warning", "spent-over-planned", row, PH.spent, key, checkMessages.spentOverPlanned(reader.address(row, PH.spent), spent, planned));
  });
  checkDuplicateProjects(reader);
}

/**
 * A project entered twice is counted twice: 15 kindergartens instead of 14 turn a miss into reached
 * (§7a.7). The same name again is an error (the roll-up leaves that row out and the building targets
 * read 数据有误); the same stage, kind, planned places and completion year under another name is a
 * warning to confirm.
 */
function checkDuplicateProjects(reader: TableReader) {
  const byName = new Map<string, number>();
  const byShape = new Map<string, number>();
  reader.table.values.forEach((_, row) => {
    const name = String(reader.value(row, PH.name) ?? "").trim().replace(/\s+/gu, "");
    if (!name) return;
    const first = byName.get(name);
    if (first !== undefined) {
      reader.add("error", "duplicate-project", row, PH.name, name, checkMessages.duplicateProject(reader.address(row, PH.name), name, reader.address(first, PH.name)));
      return;
    }
    byName.set(name, row);
    const shape = [PH.stage, PH.kind, PH.places, PH.completion].map((h) => String(reader.value(row, h) ?? "").trim());
    if (shape.some((v) => v === "")) return;
    const key = shape.join("|");
    const same = byShape.get(key);
    if (same !== undefined) reader.add("warning", "similar-project", row, PH.name, name, checkMessages.similarProject(reader.address(row, PH.name), reader.address(same, PH.name)));
    else byShape.set(key, row);
  });
}

/** Every finding over the template's input tables, errors first, then in sheet order. */
export function checkWorkbook(plan: Plan, snapshot: WorkbookSnapshot): Finding[] {
  const findings: Finding[] = [];
  const { indicators, tasks, schools } = snapshot.tables;
  if (indicators) checkMerged(new TableReader(indicators, findings), IH.id);
  if (tasks) checkMerged(new TableReader(tasks, findings), TH.id);
  if (schools) checkMerged(new TableReader(schools, findings), SH.school);
  if (indicators) checkIndicators(new TableReader(indicators, findings), plan);
  if (tasks) checkTasks(new TableReader(tasks, findings), plan);
  if (schools) checkSchools(new TableReader(schools, findings));
  if (snapshot.tables.milestones) checkMilestones(new TableReader(snapshot.tables.milestones, findings), plan);
  if (snapshot.tables.milestones && indicators) checkMilestoneStandards(new TableReader(snapshot.tables.milestones, findings), new TableReader(indicators, []), plan);
  const { funding, projects } = snapshot.tables;
  if (funding) checkMerged(new TableReader(funding, findings), FH.year);
  if (projects) checkMerged(new TableReader(projects, findings), PH.name);
  if (funding) checkFunding(new TableReader(funding, findings), plan);
  if (projects) checkProjects(new TableReader(projects, findings));
  findings.push(...yearMarkFindings(snapshot));
  return findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}
