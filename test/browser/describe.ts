import { browserMissing } from "./harness";

if (browserMissing) {
  if (process.env.CI) throw new Error(`Browser tests cannot run in CI: ${browserMissing}`);
  console.warn(`Browser tests skipped: ${browserMissing}`);
}

/** `describe` that skips, saying why, when there is no browser (a failure in CI instead). */
export const describeInBrowser = browserMissing ? describe.skip : describe;
