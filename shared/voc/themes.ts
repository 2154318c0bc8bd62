// Themes of segmented comments: which themes of the topic library each comment mentions, its
// lexicon sentiment, and per theme its count, its share among detractors vs promoters, its effect on
// NPS and example comments. Pure: the engine segments (jieba), this file counts.

import { npsClass, npsIfDetractorsPassive, type NpsFigure } from './nps';
import { isPunctuation } from './tokens';
import type { TopicDefinition } from './lexicon';

export type CommentSource = 'survey' | 'interaction' | 'ticket';

export interface TokenisedComment {
  source: CommentSource;
  /** Row id in its source table. */
  rowId: number;
  customerKey: string;
  date: string;
  /** The survey answer's 0–10 score; null for notes and tickets. */
  nps: number | null;
  text: string;
  tokens: readonly string[];
}

export interface SentimentLexicon {
  terms: Readonly<Record<string, number>>;
  negators: readonly string[];
  intensifiers: Readonly<Record<string, number>>;
}

export interface Sentiment {
  /** Sum of matched weights, negated and strengthened, squashed to −1..1 by x / (|x| + 1). */
  score: number;
  /** Lexicon words found. */
  hits: number;
}

/**
 * Lexicon sentiment: each sentiment word adds its weight, times an intensifier just before it
 * (太慢), flipped by a negator up to two words before it (不 合理, 没有 及时). The sum is squashed so
 * one strong word and a paragraph of mild ones land on the same −1..1 scale.
 */
export function sentimentOf(tokens: readonly string[], lex: SentimentLexicon): Sentiment {
  const negators = negatorSet(lex);
  let sum = 0;
  let hits = 0;
  for (let i = 0; i < tokens.length; i++) {
    const w = lex.terms[tokens[i] as string];
    if (w === undefined || w === 0) continue;
    hits++;
    let x = w;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const boost = prev !== undefined ? lex.intensifiers[prev] : undefined;
    if (boost !== undefined) x *= boost;
    if ((prev !== undefined && negators.has(prev)) || (prev2 !== undefined && negators.has(prev2) && !isPunctuation(prev ?? ''))) x = -x;
    sum += x;
  }
  return { score: sum / (Math.abs(sum) + 1), hits };
}

const negatorSets = new WeakMap<SentimentLexicon, ReadonlySet<string>>();
/** Built once per lexicon object: sentimentOf runs once per comment. */
function negatorSet(lex: SentimentLexicon): ReadonlySet<string> {
  let set = negatorSets.get(lex);
  if (!set) {
    set = new Set(lex.negators);
    negatorSets.set(lex, set);
  }
  return set;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
/** |score| below this is neutral (a single −0.5 word scores −0.33). */
export const SENTIMENT_NEUTRAL_BAND = 0.3;
export function sentimentLabel(score: number): SentimentLabel {
  if (score <= -SENTIMENT_NEUTRAL_BAND) return 'negative';
  if (score >= SENTIMENT_NEUTRAL_BAND) return 'positive';
  return 'neutral';
}

/** term → the themes listing it (a term may sit in two themes). */
export function themeIndex(themes: readonly TopicDefinition[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const t of themes) {
    for (const term of t.terms) {
      const list = index.get(term);
      if (!list) index.set(term, [t.id]);
      else if (!list.includes(t.id)) list.push(t.id);
    }
  }
  return index;
}

/** The themes a comment's words mention, in library order. */
export function themesOf(tokens: readonly string[], index: ReadonlyMap<string, readonly string[]>, order: ReadonlyMap<string, number>): string[] {
  const found = new Set<string>();
  for (const t of tokens) for (const id of index.get(t) ?? []) found.add(id);
  return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

export interface ThemeExample {
  source: CommentSource;
  rowId: number;
  customerKey: string;
  date: string;
  nps: number | null;
  text: string;
  sentiment: number;
}

export interface ThemeStat {
  id: string;
  name: TopicDefinition['name'];
  /** Comments mentioning the theme (all sources). */
  comments: number;
  /** Survey comments mentioning it, by the answer's class. */
  promoters: number;
  passives: number;
  detractors: number;
  /** theme detractors ÷ detractors who commented × 100; null without such comments. */
  shareOfDetractors: number | null;
  shareOfPromoters: number | null;
  /** NPS if this theme's detractors had been passives; null without survey answers. */
  npsIfPassive: number | null;
  /** npsIfPassive − NPS, in points. */
  npsEffect: number | null;
  meanSentiment: number | null;
  negativeComments: number;
  /** The words that placed comments in the theme, most frequent first. */
  terms: { term: string; count: number }[];
  customers: number;
  examples: ThemeExample[];
}

export interface ThemeAnalysis {
  comments: number;
  /** Comments with at least one theme. */
  themed: number;
  coveragePct: number | null;
  /** Survey comments with a score, by class (the share denominators). */
  detractorComments: number;
  promoterComments: number;
  themes: ThemeStat[];
  /** Frequent words no theme lists: candidates for the dictionary or a new theme. */
  unassigned: { term: string; count: number }[];
  /** Per comment, aligned with the input: its themes and sentiment. */
  assigned: { themes: string[]; sentiment: number }[];
}

export interface ThemeOptions {
  examplesPerTheme: number;
  unassignedTop: number;
  stopWords: ReadonlySet<string>;
}

/**
 * Themes over every comment. `overall` is the NPS of all survey answers in scope (commented or not),
 * the base a theme's NPS effect is measured against.
 */
export function analyseThemes(
  comments: readonly TokenisedComment[],
  themes: readonly TopicDefinition[],
  lex: SentimentLexicon,
  overall: NpsFigure,
  opts: ThemeOptions,
): ThemeAnalysis {
  const index = themeIndex(themes);
  const order = new Map(themes.map((t, i) => [t.id, i]));
  const stats = new Map(
    themes.map((t) => [
      t.id,
      {
        def: t,
        comments: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        sentimentSum: 0,
        negative: 0,
        terms: new Map<string, number>(),
        termSet: new Set(t.terms),
        customers: new Set<string>(),
        examples: new ExampleKeeper(opts.examplesPerTheme),
      },
    ]),
  );
  const unassigned = new Map<string, number>();
  const assigned: { themes: string[]; sentiment: number }[] = [];
  let themed = 0;
  let detractorComments = 0;
  let promoterComments = 0;
  for (const c of comments) {
    const ids = themesOf(c.tokens, index, order);
    const s = sentimentOf(c.tokens, lex).score;
    assigned.push({ themes: ids, sentiment: s });
    const cls = c.source === 'survey' && c.nps != null ? npsClass(c.nps) : null;
    if (cls === 'detractor') detractorComments++;
    if (cls === 'promoter') promoterComments++;
    if (ids.length > 0) themed++;
    for (const t of c.tokens) {
      if (t.length < 2 || isPunctuation(t) || opts.stopWords.has(t) || index.has(t) || /^\d/.test(t)) continue;
      unassigned.set(t, (unassigned.get(t) ?? 0) + 1);
    }
    const unique = ids.length > 0 ? new Set(c.tokens) : null;
    for (const id of ids) {
      const st = stats.get(id);
      if (!st) continue;
      st.comments++;
      st.sentimentSum += s;
      if (s <= -SENTIMENT_NEUTRAL_BAND) st.negative++;
      st.customers.add(c.customerKey);
      if (cls === 'promoter') st.promoters++;
      else if (cls === 'passive') st.passives++;
      else if (cls === 'detractor') st.detractors++;
      for (const t of unique ?? []) if (st.termSet.has(t)) st.terms.set(t, (st.terms.get(t) ?? 0) + 1);
      st.examples.offer({ source: c.source, rowId: c.rowId, customerKey: c.customerKey, date: c.date, nps: c.nps, text: c.text, sentiment: s });
    }
  }
  const out: ThemeStat[] = [];
  for (const st of stats.values()) {
    const ifPassive = npsIfDetractorsPassive(overall, st.detractors);
    out.push({
      id: st.def.id,
      name: st.def.name,
      comments: st.comments,
      promoters: st.promoters,
      passives: st.passives,
      detractors: st.detractors,
      shareOfDetractors: detractorComments ? (100 * st.detractors) / detractorComments : null,
      shareOfPromoters: promoterComments ? (100 * st.promoters) / promoterComments : null,
      npsIfPassive: ifPassive,
      npsEffect: ifPassive != null && overall.nps != null ? ifPassive - overall.nps : null,
      meanSentiment: st.comments ? st.sentimentSum / st.comments : null,
      negativeComments: st.negative,
      terms: [...st.terms.entries()].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || a.term.localeCompare(b.term)),
      customers: st.customers.size,
      examples: st.examples.pick(),
    });
  }
  out.sort((a, b) => (b.npsEffect ?? 0) - (a.npsEffect ?? 0) || b.comments - a.comments);
  return {
    comments: comments.length,
    themed,
    coveragePct: comments.length ? (100 * themed) / comments.length : null,
    detractorComments,
    promoterComments,
    themes: out,
    unassigned: [...unassigned.entries()]
      .map(([term, count]) => ({ term, count }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .slice(0, opts.unassignedTop),
    assigned,
  };
}

/**
 * Examples that show the theme's range: the most negative, the most positive, then the most recent,
 * each distinct text once (survey tools repeat stock phrases). Kept as the comments stream past, so
 * a theme of 50,000 comments holds a handful, not all of them.
 */
class ExampleKeeper {
  private lowest: ThemeExample | null = null;
  private highest: ThemeExample | null = null;
  /** Newest first, distinct texts, at most n + 2 (two may be taken by the extremes). */
  private recent: ThemeExample[] = [];

  constructor(private readonly n: number) {}

  offer(e: ThemeExample): void {
    if (this.n <= 0) return;
    if (!this.lowest || e.sentiment < this.lowest.sentiment || (e.sentiment === this.lowest.sentiment && e.date > this.lowest.date)) this.lowest = e;
    if (!this.highest || e.sentiment > this.highest.sentiment || (e.sentiment === this.highest.sentiment && e.date > this.highest.date)) this.highest = e;
    const cap = this.n + 2;
    const last = this.recent[this.recent.length - 1];
    if (this.recent.length >= cap && last && e.date <= last.date) return;
    const same = this.recent.findIndex((x) => x.text === e.text);
    if (same >= 0) {
      if ((this.recent[same] as ThemeExample).date >= e.date) return;
      this.recent.splice(same, 1);
    }
    let at = this.recent.findIndex((x) => e.date > x.date);
    if (at < 0) at = this.recent.length;
    this.recent.splice(at, 0, e);
    if (this.recent.length > cap) this.recent.pop();
  }

  pick(): ThemeExample[] {
    const seen = new Set<string>();
    const out: ThemeExample[] = [];
    const take = (e: ThemeExample | null | undefined) => {
      if (e && !seen.has(e.text) && out.length < this.n) {
        seen.add(e.text);
        out.push(e);
      }
    };
    take(this.lowest);
    take(this.highest);
    for (const e of this.recent) take(e);
    return out;
  }
}
