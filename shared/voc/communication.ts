// Communication signals in free text: competitor mentions, decision-maker changes and complaints,
// found by the same machinery as the themes (segmented words matched against the editable signal
// words) and reported with the sentence that holds them, so a signal's evidence reads as the
// client wrote it.

import type { CommunicationSignalKind } from './lexicon';

export const COMMUNICATION_KINDS = ['competitor', 'decisionMaker', 'complaint'] as const satisfies readonly CommunicationSignalKind[];

const SENTENCE_END = /[。！？!?；;\n\r]+/u;

/** Sentences of a note or comment, trimmed, empty ones dropped. Commas do not end a sentence. */
export function sentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The sentence of `text` holding the character at `at` (for an evidence excerpt). */
export function sentenceAt(text: string, at: number): string {
  let from = 0;
  for (const m of text.matchAll(new RegExp(SENTENCE_END.source, 'gu'))) {
    const end = m.index ?? 0;
    if (at < end) return text.slice(from, end).trim();
    from = end + m[0].length;
  }
  return text.slice(from).trim();
}

const patterns = new WeakMap<object, RegExp>();
/** One pattern for every signal word of a word list (built once per list object). */
export function anyWordPattern(words: Readonly<Record<CommunicationSignalKind, readonly string[]>>): RegExp {
  let re = patterns.get(words);
  if (!re) {
    const all = COMMUNICATION_KINDS.flatMap((k) => words[k]).filter((w) => w.length > 0);
    re = all.length ? new RegExp(all.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'u') : /(?!)/u;
    patterns.set(words, re);
  }
  return re;
}

export interface CommunicationHit {
  kind: CommunicationSignalKind;
  /** The signal word found. */
  term: string;
  sentence: string;
}

/**
 * Signal words in one text. A word matches a segmented word exactly; a word of three or more
 * characters also matches inside a longer word or across words (换了负责人 is cut 换 了 负责人), which
 * for words that long is what the writer meant. One hit per kind and sentence.
 */
export function findCommunicationSignals(
  text: string,
  cut: (sentence: string) => readonly string[],
  words: Readonly<Record<CommunicationSignalKind, readonly string[]>>,
): CommunicationHit[] {
  const out: CommunicationHit[] = [];
  const any = anyWordPattern(words);
  for (const s of sentences(text)) {
    // Most sentences hold none of the words: only those that might are segmented.
    if (!any.test(s)) continue;
    const tokens = new Set(cut(s));
    for (const kind of COMMUNICATION_KINDS) {
      for (const w of words[kind]) {
        if (tokens.has(w) || (w.length >= 3 && s.includes(w))) {
          out.push({ kind, term: w, sentence: s });
          break;
        }
      }
    }
  }
  return out;
}
