/**
 * Calculation errors: what a custom function turns into an Excel error value with a message.
 * Excel shows a custom message only with #VALUE! and #N/A (excel.md: custom functions), so every
 * input mistake with a fix is #VALUE!, a figure the plan does not define is #N/A, and #DIV/0! is
 * kept for what is plainly a division by zero (no enrolment at all, a zero mean or median).
 */
import type { Bilingual } from "../i18n";

export type CalcErrorKind = "value" | "na" | "div0";

export interface CalcError {
  kind: CalcErrorKind;
  message: Bilingual;
}

export type Calc<T> = { ok: true; value: T } | { ok: false; error: CalcError };

export const ok = <T>(value: T): Calc<T> => ({ ok: true, value });
export const err = (kind: CalcErrorKind, message: Bilingual): Calc<never> => ({ ok: false, error: { kind, message } });
