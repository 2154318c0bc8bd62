// What the voice-of-the-customer channels return. Plain data (JSON) so a stored run and a report
// read the same object the section shows.

import { z } from 'zod';
import type { VocGrain, VocGroupRow } from './breakdown';
import type { CommunicationSignalKind } from './lexicon';
import type { CsatFigure, NpsFigure } from './nps';
import type { CommentSource, ThemeAnalysis } from './themes';

export const VOC_GRAINS = ['month', 'quarter', 'year'] as const satisfies readonly VocGrain[];
export const COMMENT_SOURCES = ['survey', 'interaction', 'ticket'] as const satisfies readonly CommentSource[];

export const VocScopeSchema = z.object({
  /** Inclusive YYYY-MM-DD bounds on the answer (or note) date; null = all. */
  from: z.iso.date().nullable().default(null),
  to: z.iso.date().nullable().default(null),
});
export type VocScope = z.infer<typeof VocScopeSchema>;

export interface VocDimensionOption {
  /** 'segment' | 'tier' | 'owner' | 'industry' | 'region' | 'attr:<name>' */
  id: string;
  /** Distinct values among customers (a dimension with one value or hundreds is still listed). */
  values: number;
}

export interface VocSummary {
  scope: VocScope;
  /** Every survey answer in scope (the NPS base). */
  overall: { nps: NpsFigure; csat: CsatFigure; respondents: number; base: number; responseRate: number | null };
  grain: VocGrain;
  byPeriod: VocGroupRow[];
  dimension: string;
  byDimension: VocGroupRow[];
  dimensions: VocDimensionOption[];
  /** Survey answers with a written comment. */
  comments: number;
  /** The diagnostics run whose tiers were used; null when no run exists (tier is then unknown). */
  tierRunId: number | null;
}

export interface VocRespondent {
  customerKey: string;
  name: string;
  answers: number;
  lastDate: string;
  lastNps: number | null;
  lastCsat: number | null;
  lastComment: string | null;
}

export interface CommunicationFinding {
  kind: CommunicationSignalKind;
  source: CommentSource;
  rowId: number;
  customerKey: string;
  date: string;
  term: string;
  sentence: string;
}

export const VocThemeParamsSchema = z.object({
  sources: z.array(z.enum(COMMENT_SOURCES)).min(1).default(['survey']),
  scope: VocScopeSchema.prefault({}),
  examplesPerTheme: z.int().min(0).max(20).default(3),
});
export type VocThemeParams = z.infer<typeof VocThemeParamsSchema>;

export interface VocThemeRun {
  id: number;
  createdAt: string;
  params: VocThemeParams;
  durationMs: number;
  /** The NPS the theme effects are measured against (survey answers in scope). */
  nps: NpsFigure;
  analysis: Omit<ThemeAnalysis, 'assigned'>;
  /** Counts of each sentiment label over the comments. */
  sentiment: { negative: number; neutral: number; positive: number };
  /** Competitor, decision-maker and complaint sentences in interaction notes and comments (newest first, capped). */
  communication: { counts: Record<CommunicationSignalKind, number>; customers: Record<CommunicationSignalKind, number>; findings: CommunicationFinding[] };
}

export interface VocThemeRunSummary {
  id: number;
  createdAt: string;
  comments: number;
  coveragePct: number | null;
  durationMs: number;
}

/** One customer's voice, for the customer card. */
export interface CustomerVoice {
  customerKey: string;
  answers: number;
  /** The last answers (newest first, at most five). */
  recent: { date: string; nps: number | null; csat: number | null; comment: string | null }[];
  /** Competitor, decision-maker and complaint sentences of the last 365 days of notes (newest first). */
  communication: CommunicationFinding[];
  /** The stored churn reviews that list this customer. */
  reviews: { id: number; period: string }[];
}

/** Comments of one theme, for the drill under a theme row. */
export interface ThemeCommentRow {
  source: CommentSource;
  rowId: number;
  customerKey: string;
  name: string;
  date: string;
  nps: number | null;
  text: string;
  sentiment: number;
}
