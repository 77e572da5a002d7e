/**
 * Plan files as people save them (`plan-monitor template --plan`): UTF-8 with or without Notepad's
 * byte-order mark, UTF-16 with its mark, GB18030/GBK ("ANSI" on Chinese Windows); and the messages a
 * planner gets for a file that is not JSON, a percentage written in points, a missing baseline.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { decodeText } from "../../src/core/plan/decode";
import { readPlanFile } from "../../src/xlsx/plan-file";
import type { WorkbookSnapshot } from "../../src/core/workbook/model";

/** A plan file on disk, read as the command line reads it. */
const readPlanAt = (file: string, previous: WorkbookSnapshot | null) => readPlanFile(readFileSync(file), file, previous);
import { CliFailure } from "../../src/xlsx/files";
import { main } from "../../src/xlsx/cli";

const dir = mkdtempSync(join(tmpdir(), "plan-monitor-planfile-"));
const FIXTURE = resolve(__dirname, "../fixtures/plans/example-2026-2030.json");

/** The fixture made complete: the two indicators it leaves to --from get baselines of their own. */
function completePlan(): Record<string, unknown> {
  const plan = JSON.parse(readFileSync(FIXTURE, "utf8")) as { indicators: Array<Record<string, unknown>> };
  for (const ind of plan.indicators) if (!ind.baseline) ind.baseline = { value: 0.5, comparator: "=", text: "50" };
  return plan;
}

/**
 * GB18030 bytes of a text, for the test: each character's two-byte GBK code found by decoding every
 * GBK pair (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F), ASCII as itself.
 */
function gb18030(text: string): Buffer {
  const codes = new Map<string, number[]>();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !codes.has(ch)) codes.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...codes.get(ch)!);
  }
  return Buffer.from(bytes);
}

function write(name: string, bytes: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function failure(f: () => unknown): CliFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof CliFailure) return e;
    throw e;
  }
  throw new Error("no failure");
}
const said = (e: CliFailure) => [e.text.zh, e.text.en, ...e.details].join("\n");

describe("decoding a plan file's bytes", () => {
  test.each([
    ["UTF-8", (t: string) => Buffer.from(t, "utf8"), "utf-8", false],
    ["UTF-8 with Notepad's byte-order mark", (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, "utf8")]), "utf-8", true],
    ["UTF-16 (little-endian) with its mark", (t: string) => Buffer.from(`\ufeff${t}`, "utf16le"), "utf-16le", true],
    ["UTF-16 (big-endian) with its mark", (t: string) => Buffer.from(`\ufeff${t}`, "utf16le").swap16(), "utf-16be", true],
    ["GB18030 (GBK)", (t: string) => gb18030(t), "gb18030", false],
  ])("%s", (_, encode, encoding, bom) => {
    const text = '{"名称":"示例区“十五五”教育发展规划","值":0.94}';
    expect(decodeText(encode(text))).toEqual({ text, encoding, bom });
  });

  test("GBK bytes are not valid UTF-8 (so they are never read as UTF-8 with garbled names)", () => {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gb18030("示例区"))).toThrow();
  });
});

describe("plan files as people save them", () => {
  const text = JSON.stringify(completePlan(), null, 2);

  test.each([
    ["with a byte-order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]), "utf-8"],
    ["in UTF-16", Buffer.from(`\ufeff${text}`, "utf16le"), "utf-16le"],
    // The en dashes of the English names are not in GBK: the file is as a GBK editor would save it.
    ["in GB18030", gb18030(text.replace(/–/g, "-")), "gb18030"],
  ])("%s: read, its Chinese names intact", (name, bytes, encoding) => {
    const { plan, encoding: read } = readPlanAt(write(`plan-${encoding}.json`, bytes), null);
    expect([read, plan.names.zh, plan.indicators.length]).toEqual([encoding, "示例区“十五五”教育发展规划（虚构，仅供测试）", 5]);
  });

  test("the command line says when it read a file as GB18030", async () => {
    const file = write("gbk.json", gb18030(text.replace(/–/g, "-")));
    const result = await main(["template", "--plan", file, "-o", join(dir, "gbk.xlsx")], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.lines[0]).toBe("规划文件不是 UTF-8 编码，已按 GB18030 读取 / the plan file is not UTF-8; read as GB18030");
  }, 120_000);

  test("not JSON: one line saying what the file must be, never the parser's words", () => {
    const e = failure(() => readPlanAt(write("bad.json", Buffer.from("{ names: 示例 }", "utf8")), null));
    expect(said(e)).toContain("不是有效的 JSON 文本（按 UTF-8 编码读取）");
    expect(said(e)).not.toMatch(/Unexpected token|position \d/);
  });

  test("a percentage written as 94: labelled as the plan file's error, and told to write 0.94", () => {
    const plan = completePlan() as { indicators: Array<{ target: { value: number; text: string } }> };
    plan.indicators[1]!.target = { ...plan.indicators[1]!.target, value: 97 };
    const e = failure(() => readPlanAt(write("points.json", Buffer.from(JSON.stringify(plan))), null));
    expect(said(e)).toContain("规划文件有误：");
    expect(said(e)).toContain("百分比的 value 应写成小数 0.97");
    expect(said(e)).not.toContain("模板有误");
  });

  test("indicators without a baseline and no --from: the message names the baseline field and --from", () => {
    const e = failure(() => readPlanAt(FIXTURE, null));
    expect(said(e)).toContain("用 --from 上一规划期的工作簿.xlsx");
  });
});
