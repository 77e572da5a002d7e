import fc from "fast-check";
import { runs } from "../setup/fast-check";
import {
  coefficientOfVariation,
  gini,
  mcloone,
  quantile,
  distribution,
  rangeRatio,
  selectQuantile,
  selectQuantileInPlace,
  selectTwoInPlace,
  theil,
  verstegen,
  type Sample,
} from "../../src/core/calc/equity";
import { measure, readSample, readerRuns } from "../../src/core/calc/samples";

const sample = (values: number[], weights?: number[]): Sample => ({
  values: Float64Array.from(values),
  weights: Float64Array.from(weights ?? values.map(() => 1)),
});

/**
 * The published worked example (县域义务教育校际均衡指标计算方法, 以生均图书册数为例): five primary
 * schools, 302 students, 1,913 books. It prints X̄ = 6.33, S ≈ 3.26 and CV = 0.52; the domain notes
 * give X̄ = 6.334, S = 3.264, CV = 0.515 weighted and 0.489 unweighted. The long decimals below come
 * from an independent brute-force computation in Python (double sums, no sorting tricks).
 */
const STUDENTS = [45, 37, 89, 76, 55];
const BOOKS = [279, 137, 935, 160, 402];
const PER_STUDENT = BOOKS.map((b, i) => b / STUDENTS[i]!);
const books = sample(PER_STUDENT, STUDENTS);
const booksUnweighted = sample(PER_STUDENT);

describe("difference coefficient on the published worked example", () => {
  test("weighted CV is 0.515 (printed 0.52): fails the 0.50 primary threshold", () => {
    const cv = coefficientOfVariation(books);
    expect(cv).toBeCloseTo(0.5152566298844764, 12);
    expect(cv.toFixed(2)).toBe("0.52");
    expect(cv).toBeGreaterThan(0.5);
  });

  test("the unweighted CV is 0.489: the wrong method would pass the school district", () => {
    const cv = coefficientOfVariation(booksUnweighted);
    expect(cv).toBeCloseTo(0.48877068160501713, 12);
    expect(cv).toBeLessThan(0.5);
  });
});

describe("equity measures: golden values", () => {
  // Hand-checkable case 1, 2, 3, 4 (unweighted): μ = 2.5; Σ|xi − xj| over ordered pairs = 20, so
  // Gini = 20 / (2·16·2.5) = 0.25; CV = √1.25 / 2.5 = 1/√5; median (2+3)/2 = 2.5, McLoone
  // (1+2)/(2·2.5) = 0.6, Verstegen (3+4)/(2·2.5) = 1.4; P5 = 1, P95 = 4, range ratio 3.
  const hand = sample([1, 2, 3, 4]);
  test.each([
    ["CV", coefficientOfVariation, 1 / Math.sqrt(5)],
    ["Gini", gini, 0.25],
    ["McLoone", mcloone, 0.6],
    ["Verstegen", verstegen, 1.4],
    ["range ratio", rangeRatio, 3],
    // Theil: (1/4)Σ(x/2.5)ln(x/2.5), evaluated independently in Python.
    ["Theil", theil, 0.10644013528622318],
  ] as const)("%s of 1,2,3,4", (_name, fn, expected) => {
    expect(fn(hand)).toBeCloseTo(expected, 12);
  });

  // The worked example, weighted and unweighted; expected values from the independent Python computation.
  test.each([
    ["Gini", gini, 0.2883771891865694, 0.27371250927195456],
    ["Theil", theil, 0.14362955479650918, 0.1245757036302837],
    ["McLoone", mcloone, 0.42392235226948327, 0.4683843435965677],
    ["Verstegen", verstegen, 1.4975358422939067, 1.4366700715015321],
    ["range ratio", rangeRatio, 3.990168539325843, 3.990168539325843],
  ] as const)("%s of the books example", (_name, fn, weighted, unweighted) => {
    expect(fn(books)).toBeCloseTo(weighted, 12);
    expect(fn(booksUnweighted)).toBeCloseTo(unweighted, 12);
  });

  test("weighted quantiles follow the type-2 convention", () => {
    expect(quantile(distribution(sample([1, 2, 3, 4])), 0.5)).toBe(2.5);
    expect(quantile(distribution(sample([1, 2, 3])), 0.5)).toBe(2);
    // Weight 3 on the value 1 puts the median there (cumulative 3 of 4 > 2).
    expect(quantile(distribution(sample([1, 2], [3, 1])), 0.5)).toBe(1);
    // Ties merge: 5,5,5,9 → median 5.
    expect(quantile(distribution(sample([5, 9, 5, 5])), 0.5)).toBe(5);
    // A zero-weight school carries no pupils and cannot be the median.
    expect(quantile(distribution(sample([1, 100, 3], [1, 0, 1])), 0.5)).toBe(2);
  });

  test("integer weights equal repeating each school that many times", () => {
    const repeated = sample([1, 1, 1, 2, 7, 7]);
    const weighted = sample([1, 2, 7], [3, 1, 2]);
    for (const fn of [coefficientOfVariation, gini, theil, mcloone, verstegen, rangeRatio]) {
      expect(fn(weighted)).toBeCloseTo(fn(repeated), 12);
    }
  });
});

const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true, noDefaultInfinity: true });
const weight = fc.integer({ min: 1, max: 5000 });
const schools = fc.array(fc.tuple(positive, weight), { minLength: 1, maxLength: 60 });

describe("equity measures: properties", () => {
  test("CV, Gini and Theil are unchanged when values or weights are scaled", () => {
    fc.assert(
      fc.property(schools, fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, k) => {
        const base = sample(rows.map((r) => r[0]), rows.map((r) => r[1]));
        const scaledValues = sample(rows.map((r) => r[0] * k), rows.map((r) => r[1]));
        const scaledWeights = sample(rows.map((r) => r[0]), rows.map((r) => r[1] * k));
        for (const fn of [coefficientOfVariation, gini, theil]) {
          const expected = fn(base);
          expect(fn(scaledValues)).toBeCloseTo(expected, 8);
          expect(fn(scaledWeights)).toBeCloseTo(expected, 8);
        }
      }),
    );
  });

  test("all-equal values give 0 (and 1 for the median ratios)", () => {
    fc.assert(
      fc.property(positive, fc.array(weight, { minLength: 1, maxLength: 50 }), (x, ws) => {
        const s = sample(ws.map(() => x), ws);
        expect(coefficientOfVariation(s)).toBe(0);
        expect(gini(s)).toBeCloseTo(0, 12);
        expect(theil(s)).toBeCloseTo(0, 12);
        expect(mcloone(s)).toBe(1);
        expect(verstegen(s)).toBe(1);
        expect(rangeRatio(s)).toBe(0);
      }),
    );
  });

  test("the O(n log n) Gini equals the double-sum definition", () => {
    fc.assert(
      fc.property(schools, (rows) => {
        const xs = rows.map((r) => r[0]);
        const ws = rows.map((r) => r[1]);
        const total = ws.reduce((a, b) => a + b, 0);
        const mean = xs.reduce((a, x, i) => a + x * ws[i]!, 0) / total;
        let sum = 0;
        for (let i = 0; i < xs.length; i++) for (let j = 0; j < xs.length; j++) sum += ws[i]! * ws[j]! * Math.abs(xs[i]! - xs[j]!);
        expect(gini(sample(xs, ws))).toBeCloseTo(sum / (2 * total * total * mean), 9);
      }),
    );
  });

  test("bounds: 0 ≤ Gini < 1, 0 < McLoone ≤ 1 ≤ Verstegen, CV ≥ 0", () => {
    fc.assert(
      fc.property(schools, (rows) => {
        const s = sample(rows.map((r) => r[0]), rows.map((r) => r[1]));
        expect(gini(s)).toBeGreaterThanOrEqual(-1e-12);
        expect(gini(s)).toBeLessThan(1);
        expect(mcloone(s)).toBeGreaterThan(0);
        expect(mcloone(s)).toBeLessThanOrEqual(1);
        expect(verstegen(s)).toBeGreaterThanOrEqual(1);
        expect(coefficientOfVariation(s)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("reading ranges into samples", () => {
  const names = { values: "values", weights: "weights" };

  test("columns, rows and blocks are flattened row by row; blank values skip their row", () => {
    const column = readSample([[6.2], [""], [3.7], [null]], [[45], [999], [37], [""]], names);
    expect(column.ok && Array.from(column.value.values)).toEqual([6.2, 3.7]);
    expect(column.ok && Array.from(column.value.weights)).toEqual([45, 37]);
    const row = readSample([[1, 2, 3]], [[1, 1, 2]], names);
    expect(row.ok && Array.from(row.value.weights)).toEqual([1, 1, 2]);
  });

  test("plan-style text is read", () => {
    const s = readSample([["19.62:1"], ["92.52%"], ["１２"]], undefined, names);
    expect(s.ok && Array.from(s.value.values)).toEqual([19.62, 0.9252, 12]);
  });

  test.each([
    [[[1], [2]], [[1]], "value", /values has 2 cells but weights has 1/],
    [[[1], ["abc"]], undefined, "value", /Argument values \(item 2\): Cannot read "abc"/],
    [[[1], [2]], [[10], [""]], "value", /weights is blank at item 2/],
    [[[1], [2]], [[10], [-3]], "value", /weights is negative at item 2/],
    [[[1], [2]], [[0], [0]], "div0", /weights adds up to 0/],
    [[[""], [null]], undefined, "na", /values holds no values/],
    [[[1], ["#N/A"]], undefined, "value", /Excel error #N\/A/],
  ] as const)("bad input %j / %j → %s", (values, weights, kind, message) => {
    const s = readSample(values, weights, names);
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.error.kind).toBe(kind);
    expect(s.error.message.en).toMatch(message);
    expect(s.error.message.zh).toMatch(/values|weights/);
  });

  test("measure preconditions give Excel errors, never NaN", () => {
    const run = (name: Parameters<typeof measure>[0], values: number[]) => measure(name, sample(values), "values");
    expect(run("cv", [0, 0, 0])).toMatchObject({ ok: false, error: { kind: "div0" } });
    expect(run("cv", [-1, -2])).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(run("gini", [-1, 2])).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(run("theil", [0, 0])).toMatchObject({ ok: false, error: { kind: "div0" } });
    expect(run("mcloone", [0, 0, 5])).toMatchObject({ ok: false, error: { kind: "div0" } });
    expect(run("rangeRatio", [0, 1, 2])).toMatchObject({ ok: false, error: { kind: "div0" } });
    expect(run("cv", [1, 2, 3, 4])).toEqual({ ok: true, value: expect.closeTo(1 / Math.sqrt(5), 12) });
  });
});

describe("which reader a range takes (issue 12: the hot path keeps 100,000 rows fast)", () => {
  const names = { values: "values", weights: "weights" };
  // Both readers give the same sample, so the count is the only sign of which one ran.
  const read = (values: unknown, weights?: unknown, filter?: { groups: unknown; key: string }) => {
    const before = { ...readerRuns };
    const result = readSample(values, weights, names, filter);
    const path = readerRuns.fast > before.fast ? "fast" : readerRuns.general > before.general ? "general" : "none";
    return { path, values: result.ok ? Array.from(result.value.values) : result.error.kind, weights: result.ok ? Array.from(result.value.weights) : null };
  };

  test.each([
    ["a column of numbers with blanks, weights alike", [[6.2], [""], [3.7], [null]], [[45], [999], [37], [""]], { path: "fast", values: [6.2, 3.7], weights: [45, 37] }],
    ["a row, weights alike", [[1, 2, 3]], [[1, 1, 2]], { path: "fast", values: [1, 2, 3], weights: [1, 1, 2] }],
    ["a block read row by row, no weights", [[1, 2], [3, 4], [5, ""]], undefined, { path: "fast", values: [1, 2, 3, 4, 5], weights: [1, 1, 1, 1, 1] }],
    ["a zero weight is a weight", [[1], [2]], [[0], [4]], { path: "fast", values: [1, 2], weights: [0, 4] }],
  ])("%s: fast", (_, values, weights, expected) => expect(read(values, weights)).toEqual(expected));

  test.each([
    ["a single cell", 7, undefined, { path: "general", values: [7], weights: [1] }],
    ["a plain array (not a 2D block)", [1, 2, 3], undefined, { path: "general", values: [1, 2, 3], weights: [1, 1, 1] }],
    ["plan-style text", [[1], ["92.52%"]], undefined, { path: "general", values: [1, 0.9252], weights: [1, 1] }],
    ["an Excel error", [[1], ["#N/A"]], undefined, { path: "general", values: "value", weights: null }],
    ["infinity", [[1], [Infinity]], undefined, { path: "general", values: "value", weights: null }],
    ["a ragged block", [[1, 2], [3]], undefined, { path: "general", values: [1, 2, 3], weights: [1, 1, 1] }],
    ["a blank weight", [[1], [2]], [[1], [""]], { path: "general", values: "value", weights: null }],
    ["a negative weight", [[1], [2]], [[1], [-1]], { path: "general", values: "value", weights: null }],
    ["text for a weight", [[1], [2]], [[1], ["3"]], { path: "general", values: [1, 2], weights: [1, 3] }],
    ["a weights row beside a values column", [[1], [2], [3]], [[4, 5, 6]], { path: "general", values: [1, 2, 3], weights: [4, 5, 6] }],
  ])("%s: general", (_, values, weights, expected) => expect(read(values, weights)).toEqual(expected));

  test("a stage filter takes the general reader and keeps only that stage's rows", () => {
    expect(read([[1], [2], [3]], [[10], [20], [30]], { groups: [["小学"], ["初中"], [" 小学 "]], key: "小学" })).toEqual({ path: "general", values: [1, 3], weights: [10, 30] });
  });

  test("a range longer than the reused buffers is read whole (5,000 schools)", () => {
    const n = 5000;
    const values = Array.from({ length: n }, (_, i) => [i + 1]);
    const first = readSample(values, undefined, names);
    // 1 + 2 + … + 5000 = 5000 · 5001 / 2
    expect(first.ok && [first.value.values.length, first.value.values.reduce((a, b) => a + b, 0), first.value.mean]).toEqual([n, 12502500, 2500.5]);
    const longer = readSample(Array.from({ length: 3 * n }, () => [2]), Array.from({ length: 3 * n }, () => [1]), names);
    expect(longer.ok && [longer.value.values.length, longer.value.weights.length, longer.value.mean]).toEqual([3 * n, 3 * n, 2]);
  });
});

describe("the sorted distribution equals a plain sort (any sign, ties merged)", () => {
  const naive = (values: number[], weights: number[]) => {
    const pairs = values.map((v, i) => [v === 0 ? 0 : v, weights[i]!] as const).sort((a, b) => a[0] - b[0]);
    const x: number[] = [];
    const p: number[] = [];
    for (const [v, w] of pairs) {
      if (x.length && x[x.length - 1] === v) p[p.length - 1]! += w;
      else {
        x.push(v);
        p.push(w);
      }
    }
    return { x, p, total: weights.reduce((a, b) => a + b, 0) };
  };
  const plain = (d: { x: Float64Array; p: Float64Array; total: number }) => ({ x: Array.from(d.x), p: Array.from(d.p), total: d.total });

  test("hand cases: negatives, −0 beside 0, ties, one value", () => {
    expect(plain(distribution(sample([3, -1, 0, -0, 3, -2.5], [1, 2, 3, 4, 5, 6])))).toEqual({ x: [-2.5, -1, 0, 3], p: [6, 2, 7, 6], total: 21 });
    expect(plain(distribution(sample([5], [2])))).toEqual({ x: [5], p: [2], total: 2 });
    expect(plain(distribution(sample([1e-300, -1e300, 1e300, -1e-300])))).toEqual({ x: [-1e300, -1e-300, 1e-300, 1e300], p: [1, 1, 1, 1], total: 4 });
  });

  test("property: any finite doubles and integer weights", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 })), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 80 }), (rows) => {
        const values = rows.map((r) => r[0]);
        const weights = rows.map((r) => r[1]);
        expect(plain(distribution(sample(values, weights)))).toEqual(naive(values, weights));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe("quantiles by selection agree with quantiles by sorting", () => {
  test("on hand cases, including exact ties and zero weights", () => {
    for (const [values, weights, q] of [
      [[1, 2, 3, 4], [1, 1, 1, 1], 0.5],
      [[1, 2, 3], [1, 1, 1], 0.5],
      [[1, 2], [3, 1], 0.5],
      [[5, 9, 5, 5], [1, 1, 1, 1], 0.5],
      [[1, 100, 3], [1, 0, 1], 0.5],
      [[1, 2, 3, 4], [1, 1, 1, 1], 0.05],
      [[1, 2, 3, 4], [1, 1, 1, 1], 0.95],
      [[7], [2], 0.5],
    ] as const) {
      const s = sample([...values], [...weights]);
      expect([values, weights, q, selectQuantile(s, q)]).toEqual([values, weights, q, quantile(distribution(s), q)]);
    }
  });
  test("property: any values, integer weights (some zero), any quantile", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(0.05, 0.25, 0.5, 0.75, 0.95),
        (rows, q) => {
          fc.pre(rows.some((r) => r[1] > 0));
          const s = sample(rows.map((r) => r[0]), rows.map((r) => r[1]));
          expect(selectQuantile(s, q)).toBe(quantile(distribution(s), q));
        },
      ),
    );
  });
});

/**
 * The fast paths, as Excel calls them (2D ranges → readSample → measure, reused buffers, in-place
 * selection, radix sort), against the plain definitions written out naively: double-sum Gini, fully
 * sorted type-2 quantiles (issue 12). Random data with ties, zero weights, blanks, one huge outlier,
 * all-equal and heavily clustered values.
 */
describe("fast paths equal the plain definitions (property, 1e-12 relative)", () => {
  type Row = [number | "", number];
  const plain = (rows: Row[]) => {
    const pairs = rows.filter((r): r is [number, number] => r[0] !== "");
    const P = pairs.reduce((a, [, w]) => a + w, 0);
    const mu = pairs.reduce((a, [x, w]) => a + w * x, 0) / P;
    const cv = Math.sqrt(pairs.reduce((a, [x, w]) => a + w * (x - mu) ** 2, 0) / P) / mu;
    let ds = 0;
    for (const [xi, wi] of pairs) for (const [xj, wj] of pairs) ds += wi * wj * Math.abs(xi - xj);
    const gini = ds / (2 * P * P * mu);
    const theil = pairs.reduce((a, [x, w]) => a + (x > 0 ? (w / P) * (x / mu) * Math.log(x / mu) : 0), 0);
    const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
    const q = (p: number) => {
      const goal = p * P;
      let c = 0;
      for (let k = 0; k < sorted.length; k++) {
        const [x, w] = sorted[k]!;
        if (w === 0) continue;
        c += w;
        if (c > goal) return x;
        if (c === goal) {
          const next = sorted.slice(k + 1).find(([, w2]) => w2 > 0);
          return next ? (x + next[0]) / 2 : x;
        }
      }
      return sorted.filter(([, w]) => w > 0).at(-1)![0];
    };
    const m = q(0.5);
    const side = (s: -1 | 1) => {
      const part = pairs.filter(([x]) => (s < 0 ? x < m : x > m));
      const p = part.reduce((a, [, w]) => a + w, 0);
      return p === 0 ? 1 : part.reduce((a, [x, w]) => a + w * x, 0) / (m * p);
    };
    return { cv, gini, theil, mcloone: side(-1), verstegen: side(1), rangeRatio: (q(0.95) - q(0.05)) / q(0.05) };
  };
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  const value = fc.oneof(
    fc.integer({ min: 1, max: 5 }).map((k) => k * 1.5), // heavily clustered: few distinct values, many ties
    fc.double({ min: 0.5, max: 100, noNaN: true }),
    fc.constant(1e9), // one huge outlier, sometimes
    fc.constant(""), // blank: the row is skipped
  );
  const rows = fc.array(fc.tuple(value, fc.integer({ min: 0, max: 60 })), { minLength: 2, maxLength: 60 });
  test.each(["cv", "gini", "theil", "mcloone", "verstegen", "rangeRatio"] as const)("%s", (name) => {
    fc.assert(
      fc.property(rows, fc.boolean(), (data, allEqual) => {
        const r: Row[] = allEqual ? data.map(([, w]) => [7.25, w]) : (data as Row[]);
        const present = r.filter(([x]) => x !== "");
        fc.pre(present.length > 0 && present.reduce((a, [, w]) => a + w, 0) > 0);
        const expected = plain(r)[name];
        fc.pre(Number.isFinite(expected));
        const sampleRead = readSample(r.map(([x]) => [x]), r.map(([, w]) => [w]), { values: "values", weights: "weights" });
        if (!sampleRead.ok) throw new Error(JSON.stringify(sampleRead.error));
        const got = measure(name, sampleRead.value, "values");
        if (!got.ok) return; // a precondition (zero median, zero P5) reported as an Excel error
        expect([name, got.value, close(got.value, expected)]).toEqual([name, got.value, true]);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("in-place selection on large samples equals full sorting (issue 12)", () => {
  // The same array selected three times in a row, as the measures do (each selection starts from
  // the order the previous one left); the reference is the sorted distribution's type-2 quantile.
  const kinds = ["uniform", "clustered", "skewed", "equal", "outlier", "zeroWeights"] as const;
  test.each(kinds)("%s data: P5, median, P95 exactly as by sorting", (kind) => {
    fc.assert(
      fc.property(fc.integer({ min: 4096, max: 12000 }), fc.integer({ min: 1, max: 2 ** 30 }), (n, seed0) => {
        let seed = seed0;
        const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
        const values = new Float64Array(n);
        const weights = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const r = random();
          values[i] =
            kind === "uniform" ? 1 + 9 * r : kind === "clustered" ? Math.floor(r * 4) : kind === "skewed" ? Math.exp(3 * r * r) : kind === "equal" ? 2.5 : i === 7 ? 1e9 : 1 + r;
          weights[i] = kind === "zeroWeights" && random() < 0.5 ? 0 : Math.round(1 + 3000 * random() ** 3);
        }
        const expected = [0.05, 0.5, 0.95].map((q) => quantile(distribution({ values, weights }), q));
        const scratch = { values: Float64Array.from(values), weights: Float64Array.from(weights) };
        const got = [0.05, 0.5, 0.95].map((q) => selectQuantileInPlace(scratch, q));
        expect(got).toEqual(expected);
        // The pair the range ratio uses: the second selection starts where the first stopped.
        const fresh = { values: Float64Array.from(values), weights: Float64Array.from(weights) };
        expect(selectTwoInPlace(fresh, 0.05, 0.95)).toEqual([expected[0], expected[2]]);
      }),
      { numRuns: runs(15) },
    );
  });
});
