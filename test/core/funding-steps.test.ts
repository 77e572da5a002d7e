/**
 * The funding checks' building blocks (domain notes: 三个增长, 两个只增不减, teachers' pay), each
 * case worked out by hand: a step of one series, every stage together with absent stages left out,
 * growth against growth, a level against another, the steps a series is judged over, and how a
 * range is read (across or down) with its positions.
 */
import {
  combine,
  fasterAt,
  fasterCall,
  growthCall,
  growthRate,
  notBelow,
  readFigure,
  readSeries,
  risesAt,
  risesCall,
  stepsWithData,
  stepVerdict,
} from "../../src/core/calc/funding";

describe("one step", () => {
  test("figures: a number ≥ 0; blank is none; text, negatives and NaN are invalid", () => {
    expect([readFigure(5), readFigure(0), readFigure(""), readFigure(null), readFigure(-1), readFigure("5"), readFigure(Number.NaN)]).toEqual([5, 0, null, null, "invalid", "invalid", "invalid"]);
  });

  test("grows (strict) and never falls (not strict), at equality and one yuan apart", () => {
    expect([stepVerdict(100, 101, true), stepVerdict(100, 100, true), stepVerdict(100, 99, true)]).toEqual(["met", "notMet", "notMet"]);
    expect([stepVerdict(100, 101, false), stepVerdict(100, 100, false), stepVerdict(100, 99, false)]).toEqual(["met", "met", "notMet"]);
    expect([stepVerdict(null, 100, false), stepVerdict(100, null, true)]).toEqual(["noData", "noData"]);
    expect([stepVerdict("invalid", 100, false), stepVerdict(100, "invalid", false), stepVerdict(null, "invalid", true)]).toEqual(["invalid", "invalid", "invalid"]);
  });

  test("the worst verdict wins: invalid, then not met, then no data; nothing is no data", () => {
    expect(combine([])).toBe("noData");
    expect(combine(["met", "met"])).toBe("met");
    expect(combine(["met", "noData"])).toBe("noData");
    expect(combine(["noData", "notMet", "met"])).toBe("notMet");
    expect(combine(["notMet", "invalid"])).toBe("invalid");
  });

  test("growth: 100 → 110 is +10 %; from 0 or a blank there is none", () => {
    expect(growthRate(100, 110)).toBeCloseTo(0.1, 15);
    expect([growthRate(0, 10), growthRate(null, 10), growthRate(10, null), growthRate("invalid", 10)]).toEqual([null, null, null, null]);
  });
});

describe("every stage at a position", () => {
  // Two stages over three years; positions are 0-based, a step from i−1 to i.
  const series = [
    [100, 110, 120],
    [50, 50, 55],
  ];
  test("grows: 2 strict rises in step 2, an equal figure in step 1", () => {
    expect(risesAt(series, 1, true)).toBe("notMet");
    expect(risesAt(series, 2, true)).toBe("met");
    expect(risesAt(series, 1, false)).toBe("met");
    expect(risesAt(series, 0, false)).toBe("noData");
  });

  test("a stage with no students in both years and no figures is left out; with students, a missing figure is no data", () => {
    const withHole = [
      [100, 110],
      [null, null],
    ];
    expect(risesAt(withHole, 1, true, [[10, 10], [0, null]])).toBe("met");
    expect(risesAt(withHole, 1, true, [[10, 10], [5, 5]])).toBe("noData");
    expect(risesAt(withHole, 1, true)).toBe("noData");
    // Students in only one of the two years: still judged.
    expect(risesAt(withHole, 1, true, [[10, 10], [0, 5]])).toBe("noData");
  });

  test("appropriations grow faster than revenue: +10 % against +5 % yes, +5 % against +5 % no", () => {
    const a = [100, 110, 115.5];
    const b = [200, 210, 220.5];
    expect(fasterAt(a, b, 1)).toBe("met");
    expect(fasterAt(a, b, 2)).toBe("notMet");
    expect(fasterAt(a, b, 0)).toBe("noData");
    expect(fasterAt([100, null], b, 1)).toBe("noData");
    expect(fasterAt([100, 110], [200, "invalid"], 1)).toBe("invalid");
    expect(fasterAt([0, 110], b, 1)).toBe("noData");
  });

  test("teachers' pay at least civil servants': equal is met", () => {
    expect([notBelow(100, 100), notBelow(99, 100), notBelow(null, 100), notBelow(100, "invalid"), notBelow("invalid", null)]).toEqual(["met", "notMet", "noData", "invalid", "invalid"]);
  });

  test("steps judged: from the first year with any figure to the last; a hole inside counts", () => {
    expect(stepsWithData([[null, 1, null, 3, null]])).toEqual([2, 3]);
    expect(stepsWithData([[null, null], [null, 5]])).toEqual([]);
    expect(stepsWithData([[1, 2], [null, null, 3]])).toEqual([1, 2]);
    expect(stepsWithData([])).toEqual([]);
  });
});

describe("reading a range and a position", () => {
  test("one row runs across the years; a column or a block runs down, a series per column", () => {
    const across = readSeries([[1, 2, 3]], "values");
    expect(across.ok && across.value).toMatchObject({ across: true, series: [[1, 2, 3]] });
    const down = readSeries([[1, 10], [2, 20]], "values");
    expect(down.ok && down.value).toMatchObject({ across: false, series: [[1, 2], [10, 20]] });
    const single = readSeries(7, "values");
    expect(single.ok && single.value).toMatchObject({ series: [[7]] });
    const empty = readSeries([], "counts");
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message.en).toContain("counts");
  });

  test("GROWTH at a position, over a whole series, and what it refuses", () => {
    expect(growthCall([[100], [110], [121]], 3)).toEqual({ ok: true, value: expect.closeTo(0.1, 15) });
    expect(growthCall([[100], [110]], 1)).toEqual({ ok: true, value: "" });
    expect(growthCall([[100], [""]], 2)).toEqual({ ok: true, value: "" });
    const all = growthCall([[100, 110, 121]], "");
    expect(all.ok && all.value).toEqual([["", expect.closeTo(0.1, 15), expect.closeTo(0.1, 15)]]);
    const down = growthCall([[100, 10], [110, 20]], "");
    expect(down.ok && down.value).toEqual([["", ""], [expect.closeTo(0.1, 15), 1]]);
    for (const position of [0, 4, 1.5, "x"]) {
      const r = growthCall([[100], [110], [121]], position);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message.en).toContain(String(position));
    }
    const zero = growthCall([[0], [10]], 2);
    expect(!zero.ok && zero.error.kind).toBe("div0");
    const text = growthCall([[100], ["一百"]], 2);
    expect(!text.ok && text.error.message.en).toContain("一百");
    const two = growthCall([[1, 2], [3, 4]], 2);
    expect(!two.ok && two.error.kind).toBe("value");
  });
});

describe("what the PLAN funding functions refuse, and the blanks they pass over (worked by hand)", () => {
  const refused = (r: { ok: boolean; error?: { kind: string; message: { zh: string; en: string } } }) => (r.ok ? "accepted" : `${r.error!.kind}: ${r.error!.message.en}`);

  test("GROWTH: an empty range, a blank before, and the item a bad cell is named by", () => {
    expect(refused(growthCall([], ""))).toBe("value: Argument values must be one row or one column (a value per year).");
    // A blank year before has no growth, whichever side: never a number from a blank.
    expect(growthCall([[""], [110]], 2)).toEqual({ ok: true, value: "" });
    expect(growthCall([[100], [""], [121]], 3)).toEqual({ ok: true, value: "" });
    expect(refused(growthCall([[100], [110], [-5]], ""))).toBe('value: Argument values (item 3): "-5" is not a number of 0 or more. Enter a number.');
    expect(refused(growthCall([[100, 1], [110, 2], [120, true]], ""))).toBe('value: Argument values (item 3): "true" is not a number of 0 or more. Enter a number.');
    // Growth from 0 names the item that is 0.
    expect(refused(growthCall([[100], [0], [10]], 3))).toBe("div0: Item 2 is 0, so there is no growth rate (division by zero).");
    // Over a whole column, a blank or a 0 before leaves that year's growth blank.
    const all = growthCall([[100], [0], [10], [""], [20]], "");
    expect(all.ok && all.value).toEqual([[""], [-1], [""], [""], [""]]);
  });

  test("GROWS and NOFALL: ranges, counts and positions they refuse", () => {
    expect(refused(risesCall([], "", "", true))).toBe("value: Argument values must be one row or one column (a value per year).");
    expect(refused(risesCall([[1, 2], [3, 4]], "", [[10], [20]], true))).toBe("value: " + "Argument counts (enrolment) must have the same rows and columns as values, one count per figure.");
    expect(refused(risesCall([[1, 2], [3, 4]], "", [[10, 10, 10], [20, 20, 20]], true))).toMatch(/^value: Argument counts/);
    expect(refused(risesCall([[1, 2], [3, 4]], "", [[10, 10]], true))).toMatch(/^value: Argument counts/);
    expect(refused(risesCall([[1], [2]], 3, "", true))).toBe("value: Argument position is 3: use a whole number from 1 to 2 (which year; 1 is the first).");
    // The first year has nothing before it; a position judges that step only.
    expect(risesCall([[1], [2], [1]], 1, "", true)).toEqual({ ok: true, value: "" });
    expect(risesCall([[1], [2], [1]], 2, "", true)).toEqual({ ok: true, value: "met" });
    expect(risesCall([[1], [2], [1]], [[3]], "", false)).toEqual({ ok: true, value: "notMet" });
    // Over all years: the fall in year 3 decides.
    expect(risesCall([[1], [2], [1]], "", "", false)).toEqual({ ok: true, value: "notMet" });
    // A stage with no pupils in either year and no figures is left out; with pupils it is no data.
    const values = [[100, ""], [110, ""]];
    expect(risesCall(values, 2, [[50, 0], [50, ""]], true)).toEqual({ ok: true, value: "met" });
    expect(risesCall(values, 2, [[50, 0], [50, 30]], true)).toEqual({ ok: true, value: "noData" });
    expect(risesCall(values, 2, [[50, 30], [50, 0]], true)).toEqual({ ok: true, value: "noData" });
    expect(risesCall(values, 2, "", true)).toEqual({ ok: true, value: "noData" });
  });

  test("FASTER: one series against one, of the same length", () => {
    expect(refused(fasterCall([], [[1], [2]], ""))).toBe("value: Argument values must be one row or one column (a value per year).");
    expect(refused(fasterCall([[1], [2]], [], ""))).toBe("value: Argument reference must be one row or one column (a value per year).");
    expect(refused(fasterCall([[1, 2], [3, 4]], [[1], [2]], ""))).toBe("value: Argument values must be one row or one column (a value per year).");
    expect(refused(fasterCall([[1], [2]], [[1, 2], [3, 4]], ""))).toBe("value: Argument reference must be one row or one column (a value per year).");
    expect(refused(fasterCall([[1], [2]], [[1], [2], [3]], ""))).toMatch(/^value: The two series cover different numbers of years \(2 and 3\)/);
    expect(refused(fasterCall([[1], [2]], [[1], [2]], 0))).toMatch(/^value: Argument position is 0/);
    expect(fasterCall([[100], [120]], [[100], [110]], 1)).toEqual({ ok: true, value: "" });
    expect(fasterCall([[100], [120]], [[100], [110]], 2)).toEqual({ ok: true, value: "met" });
    // +5 % against +10 %, then +20 % against +0 %: the worst year decides over the whole series.
    expect(fasterCall([[100], [105], [126]], [[100], [110], [110]], "")).toEqual({ ok: true, value: "notMet" });
    expect(fasterCall([[100], [105], [126]], [[100], [110], [110]], 3)).toEqual({ ok: true, value: "met" });
  });

  test("a figure is a finite number of 0 or more; anything else typed is invalid", () => {
    expect([true, "12", -1, NaN, Infinity, "#N/A"].map(readFigure)).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "invalid"]);
    expect([0, 12.5, "", null].map(readFigure)).toEqual([0, 12.5, null, null]);
  });

  test("the steps judged run from the first year with a figure to the last, holes included", () => {
    expect(stepsWithData([[null, 1, null, 2, null]])).toEqual([2, 3]);
    expect(stepsWithData([[null, null], [null, 5]])).toEqual([]);
    expect(stepsWithData([[1, null, null], [null, null, 3]])).toEqual([1, 2]);
    expect(stepsWithData([])).toEqual([]);
    expect(risesAt([[1, 2]], 0, true)).toBe("noData");
    expect(fasterAt([1, 2], [1, 2], 0)).toBe("noData");
  });
});

describe("the edges of a step (worked by hand)", () => {
  test("the first year has no step, whatever its cells hold: no data, never invalid", () => {
    expect(risesAt([["invalid", 5]], 0, true)).toBe("noData");
    expect(fasterAt(["invalid", 5], [1, 2], 0)).toBe("noData");
  });

  test("each of the four cells of a FASTER step is read: a bad one in any place makes it invalid", () => {
    const good = [100, 110];
    expect(fasterAt(["invalid", 110], [100, 105], 1)).toBe("invalid");
    expect(fasterAt([100, "invalid"], [100, 105], 1)).toBe("invalid");
    expect(fasterAt(good, ["invalid", 105], 1)).toBe("invalid");
    expect(fasterAt(good, [100, "invalid"], 1)).toBe("invalid");
    // A blank on either side: no growth to compare.
    expect([fasterAt([null, 110], [100, 105], 1), fasterAt(good, [100, null], 1)]).toEqual(["noData", "noData"]);
  });

  test("a stage is left out only with no students and no figures in both years", () => {
    // Stage 2 has no students in either year; a figure typed for it is still judged (no data: one year only).
    expect(risesAt([[100, 110], [null, 5]], 1, true, [[10, 10], [0, 0]])).toBe("noData");
    expect(risesAt([[100, 110], [5, null]], 1, true, [[10, 10], [0, null]])).toBe("noData");
    // Both years blank and no students: left out, stage 1 decides.
    expect(risesAt([[100, 110], [null, null]], 1, true, [[10, 10], [null, 0]])).toBe("met");
    // Students the year before (position 0) but not now: judged, and a blank figure is no data.
    expect(risesAt([[100, 110], [null, null]], 1, true, [[10, 10], [7, 0]])).toBe("noData");
  });

  test("the steps judged skip years before the first figure and after the last", () => {
    expect(stepsWithData([[null, null, 5, 6, null]])).toEqual([3]);
  });
});
