// A theme run: every comment in scope segmented (jieba + the engagement's dictionary), assigned to
// the topic library's themes, scored for sentiment; communication signals found in interaction notes
// and comments; the result stored as a voc_run. Runs in a job thread (job-threads.ts): 100,000
// comments keep a core busy for seconds.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import { checkpoint } from '../jobs';
import { WorkbenchError } from '../errors';
import { npsOf } from '../../../shared/voc/nps';
import { segmenterWords, type VocConfig } from '../../../shared/voc/config';
import { analyseThemes, sentimentLabel, type TokenisedComment } from '../../../shared/voc/themes';
import { anyWordPattern, findCommunicationSignals } from '../../../shared/voc/communication';
import type { CommunicationSignalKind } from '../../../shared/voc/lexicon';
import type { CommunicationFinding, VocThemeParams, VocThemeRun, VocThemeRunSummary } from '../../../shared/voc/types';
import { VocThemeParamsSchema } from '../../../shared/voc/types';
import { domainSegmenter, type Segmenter } from './segment';
import { readComments, readResponses } from './inputs-sql';

const CHUNK = 2000;
/** Findings kept in the stored run (newest first); counts cover all of them. */
export const MAX_STORED_FINDINGS = 2000;

export interface ThemeRunOptions {
  params: VocThemeParams;
  config: VocConfig;
  now: string;
  progress?: (phase: string, done: number, total: number | null) => void;
  signal?: { readonly aborted: boolean };
}

export interface ThemeComputation {
  result: Omit<VocThemeRun, 'id' | 'createdAt' | 'durationMs'>;
  /** Per comment: its themes (for tests and the benchmark). */
  assigned: { themes: string[]; sentiment: number }[];
}

/** Tokenise and analyse (no writes). */
export async function computeThemes(sqlite: ReadableDB, opts: Omit<ThemeRunOptions, 'now'>): Promise<ThemeComputation> {
  const { params, config } = opts;
  const seg = domainSegmenter(segmenterWords(config));
  const raw = [...readComments(sqlite, params.sources, params.scope)];
  const comments: TokenisedComment[] = [];
  opts.progress?.('voc.segment', 0, raw.length);
  for (let i = 0; i < raw.length; i += CHUNK) {
    await checkpoint(opts.signal);
    for (const c of raw.slice(i, i + CHUNK)) comments.push({ ...c, tokens: seg.cut(c.text) });
    opts.progress?.('voc.segment', Math.min(raw.length, i + CHUNK), raw.length);
  }
  await checkpoint(opts.signal);
  opts.progress?.('voc.themes', 0, null);
  const nps = npsOf(readResponses(sqlite, params.scope).map((r) => r.nps));
  const analysis = analyseThemes(comments, config.themes, { terms: config.sentiment, negators: config.negators, intensifiers: config.intensifiers }, nps, {
    examplesPerTheme: params.examplesPerTheme,
    unassignedTop: 30,
    stopWords: new Set(config.stopWords),
  });
  const sentiment = { negative: 0, neutral: 0, positive: 0 };
  for (const a of analysis.assigned) sentiment[sentimentLabel(a.sentiment)]++;
  await checkpoint(opts.signal);
  opts.progress?.('voc.signals', 0, null);
  const communication = communicationFindings(sqlite, config, seg, params);
  const { assigned, ...rest } = analysis;
  return { result: { params, nps, analysis: rest, sentiment, communication }, assigned };
}

/** Competitor, decision-maker and complaint sentences in interaction notes and survey comments in scope. */
export function communicationFindings(
  sqlite: ReadableDB,
  config: VocConfig,
  seg: Segmenter,
  params: Pick<VocThemeParams, 'scope'>,
): VocThemeRun['communication'] {
  const words = config.signals;
  const any = anyWordPattern(words);
  const findings: CommunicationFinding[] = [];
  const cut = (s: string) => seg.cut(s);
  for (const c of readComments(sqlite, ['interaction', 'survey'], params.scope)) {
    // Most notes mention none of the words: skip segmenting them.
    if (!any.test(c.text)) continue;
    for (const h of findCommunicationSignals(c.text, cut, words, config.negators)) {
      findings.push({ kind: h.kind, source: c.source, rowId: c.rowId, customerKey: c.customerKey, date: c.date, term: h.term, sentence: h.sentence });
    }
  }
  const counts: Record<CommunicationSignalKind, number> = { competitor: 0, decisionMaker: 0, complaint: 0 };
  const customerSets: Record<CommunicationSignalKind, Set<string>> = { competitor: new Set(), decisionMaker: new Set(), complaint: new Set() };
  for (const f of findings) {
    counts[f.kind]++;
    customerSets[f.kind].add(f.customerKey);
  }
  findings.sort((a, b) => b.date.localeCompare(a.date) || a.customerKey.localeCompare(b.customerKey));
  return {
    counts,
    customers: { competitor: customerSets.competitor.size, decisionMaker: customerSets.decisionMaker.size, complaint: customerSets.complaint.size },
    findings: findings.slice(0, MAX_STORED_FINDINGS),
  };
}

export async function runThemes(sqlite: WritableDB, opts: ThemeRunOptions): Promise<VocThemeRun> {
  const started = performance.now();
  const { result } = await computeThemes(sqlite, opts);
  const durationMs = Math.round(performance.now() - started);
  const id = Number(
    sqlite
      .prepare(`insert into voc_run (created_at, params, comments, coverage_pct, duration_ms, results) values (?, ?, ?, ?, ?, ?)`)
      .run(opts.now, JSON.stringify(result.params), result.analysis.comments, result.analysis.coveragePct, durationMs, JSON.stringify(result)).lastInsertRowid,
  );
  return { id, createdAt: opts.now, durationMs, ...result };
}

export function loadThemeRun(sqlite: ReadableDB, id: number | null): VocThemeRun | null {
  const row = (
    id === null
      ? sqlite.prepare(`select id, created_at, duration_ms, results from voc_run order by id desc limit 1`).get()
      : sqlite.prepare(`select id, created_at, duration_ms, results from voc_run where id = ?`).get(id)
  ) as { id: number; created_at: string; duration_ms: number; results: string } | undefined;
  if (!row) {
    if (id !== null) throw new WorkbenchError('NOT_FOUND', { what: 'voc run', id });
    return null;
  }
  const result = JSON.parse(row.results) as Omit<VocThemeRun, 'id' | 'createdAt' | 'durationMs'>;
  return { ...result, params: VocThemeParamsSchema.parse(result.params), id: row.id, createdAt: row.created_at, durationMs: row.duration_ms };
}

export function listThemeRuns(sqlite: ReadableDB): VocThemeRunSummary[] {
  return (
    sqlite.prepare(`select id, created_at, comments, coverage_pct, duration_ms from voc_run order by id desc`).all() as {
      id: number;
      created_at: string;
      comments: number;
      coverage_pct: number | null;
      duration_ms: number;
    }[]
  ).map((r) => ({ id: r.id, createdAt: r.created_at, comments: r.comments, coveragePct: r.coverage_pct, durationMs: r.duration_ms }));
}
