/**
 * The edge between core results and Excel: a CalcError becomes a CustomFunctions.Error with a
 * message in Excel's display language; an unexpected exception becomes #VALUE!, never a crash.
 */
import type { Calc, CalcErrorKind } from "../core/calc/errors";
import { calcMessages } from "../core/messages";
import { languageFromLocale, type Language } from "../core/i18n";
import { DEFAULT_PERIOD, type Period } from "../core/calc/progress";

/** The workbook's plan period (its PM_BaseYear / PM_TargetYear), read when the add-in starts. */
let workbookPeriod: Period | null = null;

export function setWorkbookPeriod(period: Period | null): void {
  workbookPeriod = period;
}

/** Defaults for a hand-typed formula's base and target years: the workbook's names, else the embedded plan's. */
export function defaultPeriod(): Period {
  return workbookPeriod ?? DEFAULT_PERIOD;
}

export function displayLanguage(): Language {
  try {
    return languageFromLocale(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "en";
  }
}

function excelError(kind: CalcErrorKind, message: string): CustomFunctions.Error {
  const codes: Record<CalcErrorKind, CustomFunctions.ErrorCode> = {
    value: CustomFunctions.ErrorCode.invalidValue,
    na: CustomFunctions.ErrorCode.notAvailable,
    div0: CustomFunctions.ErrorCode.divisionByZero,
  };
  return new CustomFunctions.Error(codes[kind], message);
}

/** Runs a core calculation and returns its value, or throws the Excel error it stands for. */
export function unwrap<T>(run: () => Calc<T>): T {
  let result: Calc<T>;
  try {
    result = run();
  } catch {
    throw excelError("value", calcMessages.unexpected[displayLanguage()]);
  }
  if (result.ok) return result.value;
  throw excelError(result.error.kind, result.error.message[displayLanguage()]);
}
