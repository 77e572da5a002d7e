/**
 * A failure a planner is told about in one bilingual line (and an exit code on the command line: 2
 * usage, 1 input or output). A module of its own, with nothing to load, so a page can tell one from
 * an internal error without loading the workbook library.
 */
import type { Bilingual } from "../core/i18n";

export class CliFailure extends Error {
  constructor(
    readonly code: 1 | 2,
    readonly text: Bilingual,
    /** Lines printed under the message (each problem, each conflict). */
    readonly details: string[] = [],
  ) {
    super(text.en);
  }
}
