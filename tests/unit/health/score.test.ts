import { describe, expect, it } from 'vitest';
import {
  buildMetricMatrix,
  compileModel,
  countBands,
  countBandsByGroup,
  DEFAULT_BANDS,
  DEFAULT_HEALTH_MODEL,
  emptyFacts,
  HEALTH_MODEL_FORMAT,
  HEALTH_MODEL_VERSION,
  measurePoints,
  METRIC_COUNT,
  metricRow,
  roundScore,
  scoreCustomer,
  scoreMatrix,
  scoreRow,
  trendOf,
  weightedMean,
  type HealthMeasure,
  type HealthModel,
  type MeasureScoring,
} from '../../../shared/health';

// A linear 0→0, 100→100 scoring makes a measure's points equal its metric value, so the weights
// and the arithmetic can be checked against hand-computed numbers.
const identity: MeasureScoring = { kind: 'linear', worst: 0, best: 100 };

function model(measures: HealthMeasure[], extra: Partial<HealthModel> = {}): HealthModel {
  return {
    format: HEALTH_MODEL_FORMAT,
    version: HEALTH_MODEL_VERSION,
    id: 'test',
    name: 'test',
    basedOn: null,
    aggregation: 'weightedMean',
    measures,
    bands: { ...DEFAULT_BANDS },
    trendTolerance: 2,
    ...extra,
  };
}

// Gainsight's documented scorecard example: weights 20, 15, 22; measure scores 47, 59, 21.
const gainsight = model([
  { id: 'a', metric: 'npsLatest', label: 'A', weight: 20, scoring: identity },
  { id: 'b', metric: 'csatLatest', label: 'B', weight: 15, scoring: identity },
  { id: 'c', metric: 'ordersLast365', label: 'C', weight: 22, scoring: identity },
]);

describe('weighted score', () => {
  it("reproduces Gainsight's example: (20×47 + 15×59 + 22×21) / 57 = 40.12", () => {
    expect(
      weightedMean([
        { weight: 20, points: 47 },
        { weight: 15, points: 59 },
        { weight: 22, points: 21 },
      ]),
    ).toBeCloseTo(2287 / 57, 10);
    const r = scoreCustomer(gainsight, { npsLatest: 47, csatLatest: 59, ordersLast365: 21 });
    expect(r.score).not.toBeNull();
    expect(roundScore(r.score as number)).toBe(40.12);
    expect(r.band).toBe('red');
    // what the score is made of: 20/57 × 47 = 16.49, 15/57 × 59 = 15.53, 22/57 × 21 = 8.11
    expect(r.measures.map((m) => roundScore(m.contribution))).toEqual([16.49, 15.53, 8.11]);
    expect(r.measures.reduce((s, m) => s + m.contribution, 0)).toBeCloseTo(r.score as number, 10);
    expect(r.measures.map((m) => roundScore(m.share, 4))).toEqual([0.3509, 0.2632, 0.386]);
  });

  it('leaves an NA measure out and re-normalises the weights (not counted as zero)', () => {
    // b missing: (20×47 + 22×21) / 42 = 1402 / 42 = 33.38; counting it as 0 would give 24.60
    const r = scoreCustomer(gainsight, { npsLatest: 47, ordersLast365: 21 });
    expect(roundScore(r.score as number)).toBe(33.38);
    expect(r.measures[1]).toMatchObject({ measureId: 'b', value: null, points: null, share: 0, contribution: 0 });
    expect(roundScore(r.measures[0]?.share ?? 0, 4)).toBe(roundScore(20 / 42, 4));
  });

  it('gives no score, with a reason, when every measure is NA or only zero-weight measures have data', () => {
    const none = scoreCustomer(gainsight, {});
    expect(none).toMatchObject({ score: null, band: null, reason: 'allMeasuresNA' });
    const zero = model([
      { id: 'a', metric: 'npsLatest', label: 'A', weight: 0, scoring: identity },
      { id: 'b', metric: 'csatLatest', label: 'B', weight: 5, scoring: identity },
    ]);
    expect(scoreCustomer(zero, { npsLatest: 80 })).toMatchObject({ score: null, reason: 'onlyZeroWeights' });
    expect(weightedMean([{ weight: 3, points: null }])).toBeNull();
  });

  it('gives no score when only the signal counts have values (no customer data: the Telco snapshot read 100 / green)', () => {
    // Default model, a customer with no orders, contracts, usage, tickets or surveys: zero signals
    // earn the signal measures full points, which is the absence of data, not health.
    const onlySignals = { heavySignals: 0, otherSignals: 0 };
    expect(scoreCustomer(DEFAULT_HEALTH_MODEL, onlySignals)).toMatchObject({ score: null, band: null, reason: 'noCustomerData' });
    const c = compileModel(DEFAULT_HEALTH_MODEL);
    const matrix = new Float64Array(2 * METRIC_COUNT);
    matrix.set(metricRow(onlySignals), 0);
    matrix.set(metricRow({ ...onlySignals, csatLatest: 5 }), METRIC_COUNT);
    const scores = scoreMatrix(c, matrix);
    expect(Number.isNaN(scores[0])).toBe(true);
    expect(countBands(DEFAULT_BANDS, scores).none).toBe(1);
    // One data measure with a value is enough: the signals then count with it as before.
    const withData = scoreCustomer(DEFAULT_HEALTH_MODEL, { ...onlySignals, csatLatest: 5 });
    expect(withData.score).not.toBeNull();
    expect(withData.score).toBeCloseTo(scores[1] as number, 10);
  });

  it('the fast matrix path gives exactly the per-customer result, NaN for no score', () => {
    const rows = [{ npsLatest: 47, csatLatest: 59, ordersLast365: 21 }, { npsLatest: 47, ordersLast365: 21 }, {}, { csatLatest: 90 }];
    const matrix = new Float64Array(rows.length * METRIC_COUNT);
    rows.forEach((r, i) => matrix.set(metricRow(r), i * METRIC_COUNT));
    const c = compileModel(gainsight);
    const scores = scoreMatrix(c, matrix);
    rows.forEach((r, i) => {
      const slow = scoreCustomer(gainsight, r).score;
      if (slow === null) expect(Number.isNaN(scores[i])).toBe(true);
      else expect(scores[i]).toBeCloseTo(slow, 12);
    });
    expect(scoreRow(c, matrix, 3 * METRIC_COUNT)).toBe(90);
    expect(countBands(gainsight.bands, scores)).toEqual({ red: 2, yellow: 0, green: 1, none: 1 });
  });
});

describe('bands', () => {
  it.each([
    [0, 'red'],
    [50, 'red'],
    [50.4, 'yellow'], // above red's inclusive upper bound
    [51, 'yellow'],
    [75, 'yellow'],
    [75.01, 'green'],
    [76, 'green'],
    [100, 'green'],
  ])('score %d is %s', (score, band) => {
    const m = model([{ id: 'a', metric: 'npsLatest', label: 'A', weight: 1, scoring: identity }]);
    expect(scoreCustomer(m, { npsLatest: score }).band).toBe(band);
  });

  it('follows edited bands', () => {
    const m = model([{ id: 'a', metric: 'npsLatest', label: 'A', weight: 1, scoring: identity }], {
      bands: { redMax: 30, yellowMax: 60 },
    });
    expect(scoreCustomer(m, { npsLatest: 45 }).band).toBe('yellow');
    expect(scoreCustomer(m, { npsLatest: 61 }).band).toBe('green');
  });

  it('counts bands per group (tier, owner)', () => {
    const scores = Float64Array.from([10, 60, 90, Number.NaN, 55]);
    const counts = countBandsByGroup(DEFAULT_BANDS, scores, [0, 0, 1, 1, 1], 2);
    expect(Array.from(counts)).toEqual([1, 1, 0, 0, 0, 1, 1, 1]);
  });
});

describe('measure scoring', () => {
  const higher: MeasureScoring = {
    kind: 'thresholds',
    direction: 'higherIsBetter',
    steps: [
      { bound: 3, points: 60 },
      { bound: 12, points: 100 }, // listed out of order on purpose
      { bound: 6, points: 80 },
    ],
    otherwise: 0,
  };
  const lower: MeasureScoring = {
    kind: 'thresholds',
    direction: 'lowerIsBetter',
    steps: [
      { bound: 2, points: 100 },
      { bound: 24, points: 60 },
    ],
    otherwise: 0,
  };
  const grid: MeasureScoring = {
    kind: 'grid',
    ranges: [
      { min: null, max: 0, points: 10 },
      { min: 0, max: 10, points: 50 },
      { min: 10, max: 20, points: 90 },
    ],
    otherwise: null,
  };

  it.each([
    ['higher', higher, 12, 100],
    ['higher', higher, 11.9, 80],
    ['higher', higher, 6, 80],
    ['higher', higher, 3, 60],
    ['higher', higher, 2.9, 0],
    ['lower', lower, 2, 100],
    ['lower', lower, 2.1, 60],
    ['lower', lower, 24, 60],
    ['lower', lower, 25, 0],
    ['grid', grid, -5, 10],
    ['grid', grid, 0, 50], // ranges are [min, max)
    ['grid', grid, 10, 90],
    ['grid', grid, 20, null], // outside every range and no fallback: NA
    ['linear', { kind: 'linear', worst: 48, best: 2 } as MeasureScoring, 25, 50],
    ['linear', { kind: 'linear', worst: 48, best: 2 } as MeasureScoring, 60, 0],
    ['linear', { kind: 'linear', worst: 48, best: 2 } as MeasureScoring, 1, 100],
  ])('%s: value %d earns %s', (_k, scoring, value, points) => {
    expect(measurePoints(scoring, value)).toBe(points);
  });

  it('a missing value earns no points', () => {
    expect(measurePoints(higher, null)).toBeNull();
  });
});

describe('lowest aggregation (rule-style models)', () => {
  it('takes the worst measure and credits it with the whole score', () => {
    const m = model(
      [
        { id: 'a', metric: 'npsLatest', label: 'A', weight: 1, scoring: identity },
        { id: 'b', metric: 'csatLatest', label: 'B', weight: 1, scoring: identity },
      ],
      { aggregation: 'lowest' },
    );
    const r = scoreCustomer(m, { npsLatest: 70, csatLatest: 20 });
    expect(r.score).toBe(20);
    expect(r.measures.map((x) => x.share)).toEqual([0, 1]);
    expect(scoreRow(compileModel(m), metricRow({ npsLatest: 70 }), 0)).toBe(70);
  });
});

describe('trend arrow', () => {
  it.each([
    [60, 50, 2, 'up'],
    [50, 60, 2, 'down'],
    [52, 50, 2, 'same'], // exactly the tolerance still reads as same
    [52.01, 50, 2, 'up'],
    [50, 50, 0, 'same'],
    [50, null, 2, null],
    [null, 50, 2, null],
  ])('%s vs %s (±%s) is %s', (cur, prev, tol, trend) => {
    expect(trendOf(cur, prev, tol)).toBe(trend);
  });
});

describe('what-if speed', () => {
  // Speed is measured in tests/bench/health.bench.ts, not asserted here (no timed tests).
  it('re-scores a whole matrix after a slider move and counts every customer in a band', async () => {
    // relationship's model: the facts below feed its four measures.
    const { RELATIONSHIP_MODEL: model } = await import('../../../shared/health');
    const facts = Array.from({ length: 100_000 }, (_, i) => {
      const f = emptyFacts(`c${i}`, '2024-06-30');
      f.lastOrderDate = '2024-06-01';
      f.ordersLast365 = i % 15;
      f.surveyReadings = [{ date: '2024-05-01', source: 'survey', nps: i % 11, csat: 1 + (i % 5) }];
      f.responseHoursRecent = i % 2 === 0 ? i % 50 : null;
      f.demandsLast365 = i % 7;
      f.demandsConvertedLast365 = i % 4 > i % 7 ? i % 7 : i % 4;
      return f;
    });
    const matrix = buildMetricMatrix(facts);
    const small = matrix.subarray(0, 10_000 * METRIC_COUNT);
    const out = new Float64Array(100_000);
    const c0 = compileModel(model);
    scoreMatrix(c0, small, out); // warm-up

    // a slider move: new weight, recompile, re-score, count bands
    const moved = { ...model, measures: model.measures.map((m, i) => (i === 0 ? { ...m, weight: 40 } : m)) };
    const c1 = compileModel(moved);
    const s10k = scoreMatrix(c1, small, out);
    const small10k = countBands(moved.bands, s10k, 10_000);
    expect(small10k.red + small10k.yellow + small10k.green + small10k.none).toBe(10_000);

    const all = scoreMatrix(c1, matrix, out);
    const bands = countBands(moved.bands, all);
    expect(bands.red + bands.yellow + bands.green + bands.none).toBe(100_000);
    // the moved weight changed something: the first measure now counts double
    expect(Array.from(scoreMatrix(c0, small, new Float64Array(10_000)))).not.toEqual(Array.from(s10k.subarray(0, 10_000)));
  });
});
