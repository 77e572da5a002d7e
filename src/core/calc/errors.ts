/**
 * Calculation errors: what a custom function turns into an Excel error value with a message.
 * Kinds map to Excel's #VALUE!, #N/A, #DIV/0! and #NUM!.
 */
import type { Bilingual } from "../i18n";

export type CalcErrorKind = "value" | "na" | "div0" | "num";

export interface CalcError {
  kind: CalcErrorKind;
  message: Bilingual;
}

export type Calc<T> = { ok: true; value: T } | { ok: false; error: CalcError };

export const ok = <T>(value: T): Calc<T> => ({ ok: true, value });
export const err = (kind: CalcErrorKind, message: Bilingual): Calc<never> => ({ ok: false, error: { kind, message } });
