// Offline Chinese word segmentation: @node-rs/jieba (jieba-rs, native, prebuilt for Windows, macOS
// and Linux) with the general dictionary it ships, plus the workspace's domain words so 售后, 工程师,
// 竞争对手 and 数据看板 come out whole. One segmenter per distinct word list, kept for the process.

import { Jieba } from '@node-rs/jieba';
// The .js suffix: the package has no exports map, so Node's ESM resolver (the bundled engine) needs the file name.
import { dict } from '@node-rs/jieba/dict.js';
import { normaliseTokens } from '../../../shared/voc/tokens';

export interface Segmenter {
  cut(text: string): string[];
}

/**
 * The frequency a domain word is loaded with. jieba picks the path of highest product of word
 * probabilities, so a user word needs a frequency comparable to the common words it competes with;
 * 20,000 (about the count of 服务 in jieba's dictionary) keeps 售后 whole in 售后响应 without gluing
 * it onto its neighbours.
 */
const DOMAIN_WORD_FREQ = 20000;

let general: Jieba | null = null;
const cache = new Map<string, Segmenter>();

function generalJieba(): Jieba {
  general ??= Jieba.withDict(dict);
  return general;
}

/** jieba with its own dictionary only: the out-of-the-box baseline. */
export function plainSegmenter(): Segmenter {
  const j = generalJieba();
  return { cut: (text) => j.cut(text, true) };
}

/** jieba with the domain words added (each whitespace-free word, once). */
export function domainSegmenter(words: readonly string[]): Segmenter {
  const clean = [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 0 && !/\s/.test(w)))].sort();
  const key = clean.join('\n');
  const hit = cache.get(key);
  if (hit) return hit;
  const j = Jieba.withDict(dict);
  if (clean.length > 0) j.loadDict(Buffer.from(clean.map((w) => `${w} ${DOMAIN_WORD_FREQ}`).join('\n'), 'utf8'));
  const keep = new Set(clean);
  const seg: Segmenter = { cut: (text) => normaliseTokens(j.cut(text, true), keep) };
  // A handful of workspaces per process at most; drop the oldest beyond four.
  if (cache.size >= 4) cache.delete(cache.keys().next().value as string);
  cache.set(key, seg);
  return seg;
}
