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
  negators: readonly string[] = [],
): CommunicationHit[] {
  const out: CommunicationHit[] = [];
  const any = anyWordPattern(words);
  const negating = new Set(negators);
  for (const s of sentences(text)) {
    // Most sentences hold none of the words: only those that might are segmented.
    if (!any.test(s)) continue;
    const list = cut(s);
    const tokens = new Set(list);
    for (const kind of COMMUNICATION_KINDS) {
      for (const w of words[kind]) {
        if (!(tokens.has(w) || (w.length >= 3 && s.includes(w)))) continue;
        // 没有投诉 / 不再抱怨 is not a complaint: a complaint word is dropped when every place it
        // occurs follows a negator. Other kinds stay as they are (没考虑竞品 still names the rival).
        if (kind === 'complaint' && negating.size > 0 && everyOccurrenceNegated(s, list, w, negating)) continue;
        out.push({ kind, term: w, sentence: s });
        break;
      }
    }
  }
  return out;
}

/** Negators reach this many words ahead (没有再催: 没有 再 催). */
const NEGATION_REACH = 2;

/**
 * Whether each occurrence of `w` in the sentence has a negator among the NEGATION_REACH words before
 * the word it starts in (a phrase matched inside the text, like 不续约, may start inside a longer
 * token). When the cut does not cover the sentence character for character, the few characters
 * before the occurrence are read instead.
 */
function everyOccurrenceNegated(sentence: string, tokens: readonly string[], w: string, negators: ReadonlySet<string>): boolean {
  const starts: number[] = [];
  let pos = 0;
  for (const t of tokens) {
    starts.push(pos);
    pos += t.length;
  }
  const aligned = pos === sentence.length;
  let any = false;
  for (let at = sentence.indexOf(w); at >= 0; at = sentence.indexOf(w, at + 1)) {
    any = true;
    let negated: boolean;
    if (aligned) {
      let k = 0;
      while (k + 1 < starts.length && (starts[k + 1] as number) <= at) k++;
      negated = tokens.slice(Math.max(0, k - NEGATION_REACH), k).some((t) => negators.has(t));
    } else {
      const head = sentence.slice(Math.max(0, at - 3), at);
      negated = [...negators].some((n) => head.endsWith(n) || head.slice(0, -1).endsWith(n));
    }
    if (!negated) return false;
  }
  return any;
}

/**
 * The complaint rule's detector: the sentences of a text holding a complaint word that no negator
 * cancels. Built once per word list (the word pattern is cached per list object).
 */
export function complaintDetector(
  complaintWords: readonly string[],
  negators: readonly string[],
): (text: string, cut: (sentence: string) => readonly string[]) => string[] {
  const words = { competitor: [], decisionMaker: [], complaint: [...complaintWords] };
  const neg = [...negators];
  return (text, cut) => findCommunicationSignals(text, cut, words, neg).map((h) => h.sentence);
}
