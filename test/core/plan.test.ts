import { readFileSync } from "node:fs";
import { join } from "node:path";
import template from "../../src/core/plan/templates/wujin-2021-2025.json";
import { loadPlan } from "../../src/core/plan/load";
import { embeddedPlan } from "../../src/core/plan/embedded";
import type { Plan } from "../../src/core/plan/schema";

const SOURCE = readFileSync(join(__dirname, "../../src/core/plan/templates/wujin-2021-2025.source.txt"), "utf8").split("\n");
const plan = embeddedPlan();
const clone = (): Plan => JSON.parse(JSON.stringify(template));

/**
 * The main indicator table (主要指标), transcribed by hand from chapter 2 of the plan, one row per item and
 * school stage: [ID, group, item, stage, unit, direction, baseline as printed, target as printed].
 */
const MAIN_TABLE: Array<[string, string, number, string | undefined, string, string, string, string]> = [
  ["INT-01", "international", 1, undefined, "percent", "maintain", "100", "100"],
  ["INT-02", "international", 2, undefined, "percent", "maintain", "100", "100"],
  ["INT-03", "international", 3, undefined, "percent", "higher", "99.2", "99.8"],
  ["INT-04", "international", 4, undefined, "percent", "higher", "76.89", "80"],
  ["INT-05-PRI", "international", 5, "primary", "ratio", "lower", "19.62:1", "17:1"],
  ["INT-05-JUN", "international", 5, "junior", "ratio", "lower", "14.14:1", "12:1"],
  ["INT-05-SEN", "international", 5, "senior", "ratio", "lower", "12.02:1", "11:1"],
  ["INT-06", "international", 6, undefined, "years", "higher", "11.65", "12"],
  ["LOC-01", "local", 1, undefined, "percent", "higher", "92.52", "94"],
  ["LOC-02", "local", 2, undefined, "percent", "higher", "96.84", "100"],
  ["LOC-03-PRI", "local", 3, "primary", "percent", "higher", "35.85", "80"],
  ["LOC-03-JUN", "local", 3, "junior", "percent", "higher", "50", "90"],
  ["LOC-04-PRI", "local", 4, "primary", "coefficient", "bound", "＜0.42", "＜0.40"],
  ["LOC-04-JUN", "local", 4, "junior", "coefficient", "bound", "＜0.38", "＜0.35"],
  ["LOC-05-PRI", "local", 5, "primary", "percent", "higher", "96.94", "100"],
  ["LOC-05-JUN", "local", 5, "junior", "percent", "higher", "98.2", "100"],
  ["LOC-06", "local", 6, undefined, "percent", "higher", "33.55", "40"],
  ["LOC-07", "local", 7, undefined, "percent", "higher", "77.04", "90"],
  ["LOC-08", "local", 8, undefined, "percent", "higher", "17.9", "22"],
  ["LOC-09", "local", 9, undefined, "percent", "higher", "40.05", "48"],
  ["LOC-10", "local", 10, undefined, "percent", "higher", "64", "85"],
  ["LOC-11", "local", 11, undefined, "percent", "higher", "32", "40"],
  ["LOC-12", "local", 12, undefined, "percent", "higher", "71.9", "90.6"],
];

describe("embedded Wujin template", () => {
  test("passes the schema and the cross-field checks", () => {
    expect(loadPlan(template)).toEqual({ ok: true, plan: expect.any(Object) });
    expect(plan.period).toEqual({ baseYear: 2020, startYear: 2021, targetYear: 2025 });
    expect(plan.groups.map((g) => g.names.zh)).toEqual(["国际通用类指标", "地方发展性指标"]);
  });

  test("has exactly the rows of the main indicator table, in order", () => {
    expect(plan.indicators.map((i) => i.id)).toEqual(MAIN_TABLE.map((r) => r[0]));
    // 6 internationally comparable items and 12 local items, as the plan says.
    expect(new Set(plan.indicators.filter((i) => i.group === "international").map((i) => i.item)).size).toBe(6);
    expect(new Set(plan.indicators.filter((i) => i.group === "local").map((i) => i.item)).size).toBe(12);
  });

  test.each(MAIN_TABLE)("%s matches the plan as printed", (id, group, item, stage, unit, direction, baseline, target) => {
    const ind = plan.indicators.find((i) => i.id === id)!;
    expect({ group: ind.group, item: ind.item, stage: ind.stage, unit: ind.unit, direction: ind.direction }).toEqual({
      group,
      item,
      stage,
      unit,
      direction,
    });
    expect(ind.baseline.text).toBe(baseline);
    expect(ind.target.text).toBe(target);
    // The quoted row label stands on the cited line, and both figures follow within the table row.
    expect(SOURCE[ind.source.line - 1]).toContain(ind.source.quote);
    const row = SOURCE.slice(ind.source.line - 1, ind.source.line + 10).map((l) => l.trim());
    expect(row).toContain(baseline);
    expect(row).toContain(target);
  });

  test("percent figures are stored as fractions, ratios as students per teacher, bounds with their comparator", () => {
    const byId = (id: string) => plan.indicators.find((i) => i.id === id)!;
    expect(byId("LOC-01").baseline).toEqual({ value: 0.9252, comparator: "=", text: "92.52" });
    expect(byId("INT-03").baseline.value).toBe(0.992);
    expect(byId("INT-05-PRI").baseline).toEqual({ value: 19.62, comparator: "=", text: "19.62:1" });
    expect(byId("LOC-04-PRI").baseline).toEqual({ value: 0.42, comparator: "<", text: "＜0.42" });
    expect(byId("LOC-04-JUN").target).toEqual({ value: 0.35, comparator: "<", text: "＜0.35" });
    expect(byId("INT-06").target.value).toBe(12);
  });
});

describe("task targets from chapter 3", () => {
  test("at least twenty, each quoting its source sentence on the cited line", () => {
    expect(plan.tasks.length).toBeGreaterThanOrEqual(20);
    for (const task of plan.tasks) {
      expect(task.source.chapter).toBe(3);
      expect(SOURCE[task.source.line - 1]).toContain(task.source.quote);
    }
  });

  test("every printed figure of a task appears in its quoted sentence", () => {
    for (const task of plan.tasks) {
      const figures = task.kind === "range" ? [task.min, task.max] : task.kind === "change" ? [task.from, task.target] : [task.target];
      for (const f of figures) {
        const digits = f.text.replace(/[^0-9.-]/g, ""); // "2-3项以上" keeps its dash
        if (task.partOf) continue; // parts sum the printed new-build and expansion counts; checked below
        // A starting figure printed elsewhere (chapter 1's baselines, §7a.5) is quoted from there.
        const source = task.kind === "change" && f === task.from && task.fromSource ? task.fromSource : task.source;
        expect(`${task.id}: ${source.quote}`).toContain(digits);
        expect(SOURCE[source.line - 1]).toContain(source.quote);
      }
    }
  });

  test.each([
    // [ID, kind, comparator or range, value(s)] — read off the plan text by hand.
    ["T-LLL-02", "level", ">=", [0.65]], // 社区教育参与率达到65%以上
    ["T-TEA-01", "level", "~", [20]], // 20个左右
    ["T-VOC-01", "range", "range", [5, 7]], // 5-7个
    ["T-ICT-03", "range", "range", [1, 2]], // 每年 1-2所
    ["T-VOC-03", "change", "=", [15.5, 16]], // 15.5年 → 16年
    ["T-VOC-04", "change", "~", [1000, 1100]], // 1000人 → 1100人左右
    ["T-BLD-PROJ", "level", "=", [58]],
    ["T-BLD-PLACES", "level", "=", [46395]],
  ] as const)("%s is a %s target", (id, kind, comparator, values) => {
    const task = plan.tasks.find((t) => t.id === id)!;
    expect(task.kind).toBe(kind);
    if (task.kind === "range") expect([task.min.value, task.max.value]).toEqual(values);
    else if (task.kind === "change") {
      expect([task.from.value, task.target.value]).toEqual(values);
      expect(task.target.comparator).toBe(comparator);
    } else {
      expect([task.target.value]).toEqual(values);
      expect(task.target.comparator).toBe(comparator);
    }
  });

  test("per-year targets and the building programme's span are recorded", () => {
    // 保持在15%以上 (T-EQU-01) holds every year, like 每年至少15个 and 每年1-2所 (issue 9).
    expect(plan.tasks.filter((t) => t.perYear).map((t) => t.id)).toEqual(["T-EQU-01", "T-EQU-02", "T-ICT-03"]);
    expect(plan.tasks.find((t) => t.id === "T-PRE-04")).toMatchObject({ kind: "level", target: { value: 2, comparator: ">=", text: "2-3项以上" } });
    expect(plan.tasks.find((t) => t.id === "T-CMP-02")!.note!.zh).toContain("我区现有省级‘品格提升工程’项目4个");
    expect(plan.tasks.find((t) => t.id === "T-BLD-PROJ")!.period).toEqual({ from: 2021, to: 2023 });
  });
});

describe("contradictions", () => {
  test("direction words are right in both languages: 78 % is 0.96 points above 77.04 % (issue 9)", () => {
    const c = plan.contradictions.find((x) => x.refs.includes("LOC-07"))!;
    expect(c.summary.zh).toContain("高0.96个百分点");
    expect(c.summary.zh).not.toContain("低于");
    expect(c.summary.en).toContain("above");
  });

  const level = (id: string) => {
    const t = plan.tasks.find((x) => x.id === id)!;
    if (t.kind !== "level") throw new Error(id);
    return t.target.value;
  };
  const parts = (parent: string) => plan.tasks.filter((t) => t.partOf === parent).map((t) => (t.kind === "level" ? t.target.value : NaN));

  test("the building programme's parts: projects add to 57, not 58; places add to 46,395", () => {
    // 13+1 + 8+13 + 7+7 + 2+5+1 = 57 (plan, chapter 3, 二（一）).
    expect(parts("T-BLD-PROJ")).toEqual([14, 21, 14, 8]);
    expect(parts("T-BLD-PROJ").reduce((a, b) => a + b)).toBe(57);
    expect(level("T-BLD-PROJ")).toBe(58);
    expect(parts("T-BLD-PLACES").reduce((a, b) => a + b)).toBe(level("T-BLD-PLACES"));
    const c = plan.contradictions.find((x) => x.id === "C-BUILD-PROJECTS")!;
    expect(c.statements.map((s) => s.value)).toEqual([58, 57]);
  });

  test("table vs body text: fitness 48 vs 50, dual-qualified teachers 90 vs 78", () => {
    const fitness = plan.contradictions.find((c) => c.id === "C-FITNESS")!;
    expect(fitness.statements.map((s) => s.value)).toEqual([0.48, 0.5]);
    expect(plan.indicators.find((i) => i.id === "LOC-09")!.target.value).toBe(0.48);
    expect(level("T-STU-01")).toBe(0.5);
    const dual = plan.contradictions.find((c) => c.id === "C-DUAL-TEACHER")!;
    expect(dual.statements.map((s) => s.value)).toEqual([0.9, 0.78]);
  });

  test("each statement quotes the plan on the cited line", () => {
    for (const c of plan.contradictions) {
      for (const s of c.statements) expect(SOURCE[s.source.line - 1]).toContain(s.source.quote);
    }
  });

  test("the softer inconsistencies of the domain notes are data too (issue 9)", () => {
    expect(plan.contradictions.map((c) => c.id)).toEqual(
      expect.arrayContaining(["C-QUALITY-DISTRICT-TIMING", "C-LABOUR-AGE-WORDING", "C-DEGREE-TARGETS", "C-POSTGRAD-WORDING", "C-STUDIOS-COUNT"]),
    );
    const studios = plan.contradictions.find((c) => c.id === "C-STUDIOS-COUNT")!;
    expect(studios.statements.map((s) => s.value)).toEqual([50, 30]);
  });
});

describe("milestones: every qualitative target the plan sets, each quoted on its line", () => {
  test.each([
    ["M-PRE-GROUPS", "教育集团化办学覆盖全区所有幼儿园"],
    ["M-PRE-UNLICENSED", "清理所有无证幼儿园"],
    ["M-CMP-QUALITY-DISTRICT", "2025年前高标准创建全国义务教育优质均衡发展区"],
    ["M-PRE-UNIVERSAL-DISTRICT", "创建全国学前教育普及普惠区"],
    ["M-SEN-WUJIN-HIGH", "武进高级中学争创江苏省高品质示范高中建设立项学校"],
    ["M-ART-CALLIGRAPHY", "常州市书法教育示范区"],
    ["M-EQU-AID", "家庭经济困难学生资助全覆盖"],
    ["M-ICT-NETWORK", "万兆主干、千兆到桌面"],
    ["M-ICT-IPV6", "Ipv6访问、接入和应用的支撑环境建设"],
    ["M-INT-LANGUAGE-TEACHERS", "中小学外语教师培训全覆盖"],
  ])("%s quotes “%s” on its line", (id, words) => {
    const m = plan.milestones.find((x) => x.id === id)!;
    expect(m.source.quote).toContain(words);
    expect(SOURCE[m.source.line - 1]).toContain(m.source.quote);
    expect(m.plannedYear).toBe(2025);
  });
});

describe("a malformed template is rejected with messages naming the field and the indicator", () => {
  const errorsOf = (mutate: (p: Plan) => void) => {
    const p = clone();
    mutate(p);
    const result = loadPlan(p);
    if (result.ok) throw new Error("accepted a malformed template");
    return result.errors;
  };

  test("wrong type", () => {
    const [e] = errorsOf((p) => ((p.indicators[4]!.target as { value: unknown }).value = "17"));
    expect(e!.en).toContain("indicators[4] (INT-05-PRI) › target › value");
    expect(e!.en).toContain("expected number");
    expect(e!.zh).toContain("INT-05-PRI");
  });

  test("missing field and unknown enum", () => {
    const errors = errorsOf((p) => {
      delete (p.indicators[0] as Partial<Plan["indicators"][number]>).names;
      (p.indicators[1] as { unit: string }).unit = "percentage";
    });
    expect(errors.map((e) => e.en)).toEqual([
      expect.stringMatching(/indicators\[0\] \(INT-01\) › names: this field is missing/),
      expect.stringMatching(/indicators\[1\] \(INT-02\) › unit: must be one of "percent"/),
    ]);
  });

  test("printed text that does not read as the recorded value (a transcription slip)", () => {
    const [e] = errorsOf((p) => (p.indicators[8]!.baseline.value = 0.9522));
    expect(e!.en).toMatch(/indicators\[8\] \(LOC-01\) › baseline: the printed text "92.52" does not read as value 0.9522/);
  });

  test("a percentage written in points (94 where the text says 94 %): told to write the fraction", () => {
    const [e] = errorsOf((p) => (p.indicators[8]!.baseline.value = 92.52));
    expect(e!.zh).toContain("百分比的 value 应写成小数 0.9252");
    expect(e!.en).toContain("a percentage's value is a fraction, write 0.9252");
    // The embedded template's problems are the template's; a plan file's say so.
    expect(e!.zh.startsWith("模板有误：")).toBe(true);
    const file = clone();
    file.indicators[8]!.baseline.value = 92.52;
    const fromFile = loadPlan(file, "file");
    expect(fromFile.ok ? "" : fromFile.errors[0]!.zh.slice(0, 7)).toBe("规划文件有误：");
  });

  test("a task's period outside the plan's, or backwards", () => {
    const errors = errorsOf((p) => {
      p.tasks[0]!.period = { from: 2021, to: 2030 };
      p.tasks[1]!.period = { from: 2024, to: 2022 };
    }).map((e) => e.zh);
    expect(errors).toEqual([
      expect.stringMatching(/tasks\[0\] \(T-PRE-01\) › period：年份 2030 不在规划期 2021–2025 内/),
      expect.stringMatching(/tasks\[1\] \(T-PRE-02\) › period：区间下限大于上限/),
    ]);
  });

  test("direction that contradicts the figures", () => {
    const [e] = errorsOf((p) => (p.indicators[4]!.direction = "higher"));
    expect(e!.en).toContain("INT-05-PRI) › direction");
  });

  test("duplicate IDs, unknown groups and dangling references", () => {
    const errors = errorsOf((p) => {
      p.indicators[1]!.id = "INT-01";
      p.indicators[2]!.group = "national";
      p.tasks[0]!.indicator = "LOC-99";
      p.contradictions[0]!.refs.push("T-NOPE");
    }).map((e) => e.en);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("ID INT-01 is used twice"),
        expect.stringContaining("indicators[2] (INT-03) › group: group national is not defined"),
        expect.stringContaining("tasks[0] (T-PRE-01) › indicator: refers to LOC-99"),
        expect.stringContaining("refers to T-NOPE"),
      ]),
    );
  });

  test("not JSON at all", () => {
    const result = loadPlan("{ not json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.zh).toContain("JSON");
  });
});
