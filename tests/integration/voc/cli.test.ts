// rwb voc and rwb churn-review as a user runs them, in a process of their own.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import type { VocSummary, VocThemeRun } from '../../../shared/voc/types';
import type { ChurnReview } from '../../../shared/churn-review/types';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
const file = join(dir, 'demo.rwb');

beforeAll(() => {
  expect(rwb(['demo', file], env).status).toBe(0);
}, 180_000);

describe('rwb voc', () => {
  it('--json: NPS with its interval by period and dimension, themes with their NPS effect, communication signals', () => {
    const r = rwb(['voc', file, '--grain', 'year', '--by', 'owner', '--json'], env);
    expect(r.status).toBe(0);
    const out = r.json<{ summary: VocSummary; themes: VocThemeRun }>();
    expect(out.summary.overall.nps.responses).toBe(879);
    expect(out.summary.byPeriod.map((p) => p.key)).toEqual(['2024', '2025', '2026']);
    expect(out.summary.dimension).toBe('owner');
    expect(out.summary.byDimension.reduce((n, g) => n + g.nps.responses, 0)).toBe(879);
    expect(out.themes.analysis.themes.length).toBeGreaterThanOrEqual(7);
    expect(out.themes.communication.counts.competitor).toBeGreaterThan(0);
  }, 120_000);

  it('human output names the formula and the themes in Chinese', () => {
    const r = rwb(['voc', file, '--lang', 'zh-CN'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('NPS = 推荐者');
    expect(r.stdout).toContain('售后响应');
  }, 120_000);
});

describe('rwb voc without surveys', () => {
  it('says what to import instead of printing an NPS of nothing', () => {
    const empty = join(dir, 'empty.rwb');
    expect(rwb(['new', empty, '--client', '空白客户', '--industry', '制造业'], env).status).toBe(0);
    const zh = rwb(['voc', empty, '--lang', 'zh-CN'], env);
    expect(zh.status).not.toBe(0);
    expect(zh.stderr).toContain('还没有满意度调研数据');
    const en = rwb(['voc', empty, '--lang', 'en'], env);
    expect(en.stderr).toContain('Import a survey file first');
  }, 120_000);
});

describe('rwb churn-review', () => {
  it('--period 2026-Q3 --top 5 --json: the five largest losses with their timelines, traits and both rate definitions', () => {
    const r = rwb(['churn-review', file, '--period', '2026-Q3', '--top', '5', '--json'], env);
    expect(r.status).toBe(0);
    const review = r.json<ChurnReview>();
    expect(review.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(review.customers).toHaveLength(5);
    expect(review.customers[0]!.lostRevenue).toBeGreaterThanOrEqual(review.customers[4]!.lostRevenue);
    expect(review.rates.churnOfDue.pct).not.toBeNull();
    expect(review.params.top).toBe(5);
  }, 120_000);

  it('without --period: the last complete period before the as-of date, and the line saying what counted as churn', () => {
    const r = rwb(['churn-review', file, '--top', '3', '--lang', 'en'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Churn review \d{4}(-\d{2}|-Q\d)? /);
    expect(r.stdout).toContain('Churn = the churn dates the client recorded');
  }, 120_000);

  it('a period it cannot read is refused with a coded error in the user’s language', () => {
    const zh = rwb(['churn-review', file, '--period', '2026-13', '--lang', 'zh-CN'], env);
    expect(zh.status).not.toBe(0);
    expect(zh.stderr).toContain('复盘期间“2026-13”无法识别');
    const en = rwb(['churn-review', file, '--period', 'last month', '--lang', 'en', '--json'], env);
    expect(en.status).not.toBe(0);
    expect(en.stdout + en.stderr).toContain('CHURN_REVIEW_PERIOD');
  }, 120_000);
});
