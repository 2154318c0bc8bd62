// The voice-of-the-customer settings a workspace keeps (migration 0018, voc_config): the domain
// dictionary, stop words, topic library, sentiment lexicon and communication-signal words. A new
// workspace starts from the shipped lexicon; the consultant edits it; edits are validated here.
// Theme edits (rename, merge, split) are pure functions so the UI previews what the engine stores.

import { z } from 'zod';
import { DOMAIN_TERMS, INTENSIFIERS, NEGATORS, SENTIMENT_TERMS, SIGNAL_TERMS, STOP_WORDS, TOPIC_LIBRARY, type TopicDefinition } from './lexicon';

const term = z.string().trim().min(1).max(40);
const terms = z.array(term).max(50000);

export const TopicSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.object({ 'zh-CN': z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) }),
  terms: z.array(term).min(1).max(2000),
});

export const VocConfigSchema = z
  .object({
    domainTerms: terms,
    stopWords: terms,
    themes: z.array(TopicSchema).min(1).max(200),
    sentiment: z.record(term, z.number().min(-3).max(3)),
    negators: terms,
    intensifiers: z.record(term, z.number().min(0).max(5)),
    signals: z.object({ competitor: terms, decisionMaker: terms, complaint: terms }),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.themes.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: `theme "${t.id}" appears twice` });
      seen.add(t.id);
    });
  });

export type VocConfig = z.infer<typeof VocConfigSchema>;

export function defaultVocConfig(): VocConfig {
  return {
    domainTerms: [...DOMAIN_TERMS],
    stopWords: [...STOP_WORDS],
    themes: TOPIC_LIBRARY.map((t) => ({ id: t.id, name: { ...t.name }, terms: [...t.terms] })),
    sentiment: { ...SENTIMENT_TERMS },
    negators: [...NEGATORS],
    intensifiers: { ...INTENSIFIERS },
    signals: { competitor: [...SIGNAL_TERMS.competitor], decisionMaker: [...SIGNAL_TERMS.decisionMaker], complaint: [...SIGNAL_TERMS.complaint] },
  };
}

/** Longest signal word loaded into the segmenter; longer ones are phrases, matched inside the text. */
const MAX_SEGMENTER_SIGNAL_WORD = 4;

/** Every word the segmenter must keep whole: the dictionary, theme terms, sentiment and (short) signal words. */
export function segmenterWords(c: VocConfig): string[] {
  const signalWords = [...c.signals.competitor, ...c.signals.decisionMaker, ...c.signals.complaint].filter((w) => w.length <= MAX_SEGMENTER_SIGNAL_WORD);
  return [...new Set([...c.domainTerms, ...c.themes.flatMap((t) => t.terms), ...Object.keys(c.sentiment), ...signalWords])];
}

export function renameTheme(themes: readonly TopicDefinition[], id: string, name: TopicDefinition['name']): TopicDefinition[] {
  return themes.map((t) => (t.id === id ? { ...t, name: { ...name } } : t));
}

/** `from` joins `into`: its terms are added (once each) and it leaves the library. */
export function mergeThemes(themes: readonly TopicDefinition[], into: string, from: string): TopicDefinition[] {
  const source = themes.find((t) => t.id === from);
  if (!source || into === from || !themes.some((t) => t.id === into)) return [...themes];
  return themes.filter((t) => t.id !== from).map((t) => (t.id === into ? { ...t, terms: [...new Set([...t.terms, ...source.terms])] } : t));
}

/** The listed terms move from `id` into a new theme placed right after it (both must keep a term). */
export function splitTheme(
  themes: readonly TopicDefinition[],
  id: string,
  moved: readonly string[],
  newId: string,
  name: TopicDefinition['name'],
): TopicDefinition[] {
  const i = themes.findIndex((t) => t.id === id);
  const source = themes[i];
  if (!source || themes.some((t) => t.id === newId)) return [...themes];
  const move = new Set(moved);
  const keep = source.terms.filter((t) => !move.has(t));
  const taken = source.terms.filter((t) => move.has(t));
  if (keep.length === 0 || taken.length === 0) return [...themes];
  const out = [...themes];
  out.splice(i, 1, { ...source, terms: keep }, { id: newId, name: { ...name }, terms: taken });
  return out;
}
