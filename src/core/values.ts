/**
 * Reading values the way plans and planners write them.
 *
 * Accepts numbers, and text such as `19.62:1` (also `∶` U+2236 and `：`), `＜0.40`, `<=0.4`, `≥4.2`,
 * `92.52%`, `65%以上`, `1100人左右`, full-width digits, a stray space inside a number (`11. 65`) and
 * thousands separators (`46,395`). Anything else becomes a specific error that quotes the input:
 * never NaN, never a guess.
 *
 * Percent text is returned as a fraction (`92.52%` → 0.9252), matching how percent indicators live
 * in cells as Excel percentages. Scaling is done on the decimal string, so the result is the double
 * nearest to the printed decimal (no 0.9252000000000001).
 */
import { valueMessages } from "./messages";
import { type Bilingual } from "./i18n";

/** `~` means "about" (左右 / 约). */
export const COMPARATORS = ["=", "<", "<=", ">", ">=", "~"] as const;
export type Comparator = (typeof COMPARATORS)[number];

export interface PlanValue {
  value: number;
  comparator: Comparator;
  /** What the text said about its unit: a `%` sign, an `N:1` ratio, or nothing. */
  form: "plain" | "percent" | "ratio";
  /** The input as received (trimmed), for messages and round trips. */
  text: string;
}

export type ValueErrorCode =
  | "blank"
  | "excel-error"
  | "not-a-number"
  | "not-finite"
  | "boolean"
  | "ratio-denominator"
  | "conflicting-comparators";

export interface ValueError {
  code: ValueErrorCode;
  input: string;
  message: Bilingual;
}

export type ReadResult = { ok: true; value: PlanValue } | { ok: false; error: ValueError };

export interface ReadOptions {
  /**
   * Bare numbers in text are percentage points, as in a plan table column headed `（%）`:
   * `"99.2"` → 0.992. Numbers that arrive as numbers are never rescaled (a cell holds fractions).
   */
  percentPoints?: boolean;
}

/** Excel's error values, as text (what `values` gives for an error cell). */
export const EXCEL_ERROR =
  /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

// Longest first so that `<=` wins over `<` and `不超过` over `超过`.
const PREFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ["<=", "<="],
  [">=", ">="],
  ["≤", "<="],
  ["≥", ">="],
  ["≦", "<="],
  ["≧", ">="],
  ["<", "<"],
  [">", ">"],
  ["≈", "~"],
  ["~", "~"],
  ["不超过", "<="],
  ["不高于", "<="],
  ["不大于", "<="],
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["不足", "<"],
  ["不满", "<"],
  ["低于", "<"],
  ["少于", "<"],
  ["小于", "<"],
  ["高于", ">"],
  ["超过", ">"],
  ["大于", ">"],
  ["至少", ">="],
  ["约", "~"],
  ["达到", "="],
  ["达", "="],
  ["=", "="],
];

// Chinese legal reading: 以上/以下/以内 include the number.
const SUFFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ["及以上", ">="],
  ["及以下", "<="],
  ["以上", ">="],
  ["以下", "<="],
  ["以内", "<="],
  ["左右", "~"],
];

// Measure words a planner may leave after a number; they carry no scale.
const UNIT_WORDS = /(?:年|人|个|所|名|项|元|万元|亿元|平方米|m²|m2|间|台|班|次|批次|枚|件|个百分点)$/u;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function fail(code: ValueErrorCode, input: string, message: Bilingual): ReadResult {
  return { ok: false, error: { code, input, message } };
}

/** Full-width and look-alike characters to their ASCII forms; spaces inside numbers removed. */
export function normalizeValueText(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[\u2236\uFE13\uFE55]/g, ":")
    .replace(/[\u2212\u2012\u2013\uFE63]/g, "-")
    .replace(/[\u00A0\u3000]/g, " ")
    .trim()
    .replace(/(?<=[\d.])\s+(?=[\d.])/g, "")
    .replace(/(?<=\d)\s+(?=[%:,])/g, "")
    .replace(/(?<=[:,])\s+(?=\d)/g, "");
}

/** Decimal string → nearest double, scaled by 10^shift without binary rounding error. */
function decimal(text: string, shift: number): number {
  return shift === 0 ? Number(text) : Number(`${text}e${shift}`);
}

function parseNumber(text: string): string | null {
  if (NUMBER.test(text)) return text;
  if (GROUPED.test(text)) return text.replace(/,/g, "");
  return null;
}

/** Reads one value; see the module comment for what is accepted. */
export function readValue(input: unknown, options: ReadOptions = {}): ReadResult {
  if (input === null || input === undefined) return fail("blank", "", valueMessages.blank());
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return fail("not-finite", String(input), valueMessages.notFinite(String(input)));
    return { ok: true, value: { value: input, comparator: "=", form: "plain", text: String(input) } };
  }
  if (typeof input === "boolean") {
    const t = input ? "TRUE" : "FALSE";
    return fail("boolean", t, valueMessages.boolean(t));
  }
  if (typeof input === "object" && input !== null && "basicValue" in input && !("properties" in input)) {
    // A CustomFunctionsRuntime 1.4 value object (FormattedNumber, Double, String, Boolean): its plain value.
    return readValue((input as { basicValue: unknown }).basicValue, options);
  }
  if (typeof input === "object" && input !== null && (input as { type?: unknown }).type === "Entity") {
    const t = String((input as { text?: unknown }).text ?? "Entity");
    return fail("not-a-number", t, valueMessages.notNumber(t));
  }
  if (typeof input === "object" && input !== null && "code" in input) {
    // A CustomFunctions.Error or similar error object handed over by Excel.
    const code = String((input as { code: unknown }).code);
    return fail("excel-error", code, valueMessages.excelError(code));
  }
  if (typeof input !== "string") {
    const t = String(input);
    return fail("not-a-number", t, valueMessages.notNumber(t));
  }

  const text = input.trim();
  let s = normalizeValueText(input);
  if (s === "") return fail("blank", text, valueMessages.blank());
  if (EXCEL_ERROR.test(s)) return fail("excel-error", s.toUpperCase(), valueMessages.excelError(s.toUpperCase()));

  let comparator: Comparator | null = null;
  const prefix = PREFIXES.find(([p]) => s.startsWith(p));
  if (prefix) {
    comparator = prefix[1];
    s = s.slice(prefix[0].length).trim();
  }
  const suffix = SUFFIXES.find(([p]) => s.endsWith(p));
  if (suffix) {
    s = s.slice(0, -suffix[0].length).trim();
    if (comparator !== null && comparator !== "=" && comparator !== suffix[1]) {
      return fail("conflicting-comparators", text, valueMessages.conflictingComparators(text));
    }
    comparator = suffix[1];
  }
  s = s.replace(UNIT_WORDS, "").trim();

  let form: PlanValue["form"] = "plain";
  let value: number;
  const colon = s.indexOf(":");
  if (colon >= 0) {
    const left = parseNumber(s.slice(0, colon).trim());
    const right = parseNumber(s.slice(colon + 1).trim());
    if (left === null || right === null) return fail("not-a-number", text, valueMessages.notNumber(text));
    const denominator = Number(right);
    if (denominator === 0) return fail("ratio-denominator", text, valueMessages.ratioDenominator(text));
    // "19.62:1" keeps the printed decimal exactly; other denominators divide.
    value = denominator === 1 ? Number(left) : Number(left) / denominator;
    form = "ratio";
  } else {
    let shift = 0;
    if (s.endsWith("%")) {
      s = s.slice(0, -1).trim();
      shift = -2;
      form = "percent";
    } else if (s.endsWith("‰")) {
      s = s.slice(0, -1).trim();
      shift = -3;
      form = "percent";
    } else if (options.percentPoints) {
      shift = -2;
    }
    const number = parseNumber(s);
    if (number === null) return fail("not-a-number", text, valueMessages.notNumber(text));
    value = decimal(number, shift);
  }
  if (!Number.isFinite(value)) return fail("not-finite", text, valueMessages.notFinite(text));
  return { ok: true, value: { value, comparator: comparator ?? "=", form, text } };
}

/** A blank cell: nothing, or only white space. */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}
