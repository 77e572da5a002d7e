/**
 * The ECMA-376 schema check (`../shared/tools/ooxml/validate.sh`, beside the project) on packages the
 * tool writes: every checked part valid, none left unchecked for want of a schema.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const VALIDATE = join(__dirname, "../../../shared/tools/ooxml/validate.sh");

export function expectSchemaValid(files: readonly string[]): void {
  for (const file of files) {
    const r = spawnSync("bash", [VALIDATE, file], { encoding: "utf8", timeout: 120_000 });
    const summary = r.stdout.split("\n").filter((l) => / invalid|: \d+: /.test(l));
    expect([file, r.status, summary]).toEqual([file, 0, [expect.stringMatching(/ 0 invalid, 0 not checked$/)]]);
  }
}
