// Token clean-up after jieba: jieba's dictionary glues a degree adverb or 不 onto a one-character
// word (太慢, 很慢, 不全, 不看, 不合理). Split, they read as the lexicon needs them: 太 strengthens 慢,
// 不 flips 合理, and 慢 is counted whatever adverb came before it. Words where 不 is part of the meaning
// (不错 "good", 不少 "many", 不满 "discontent") stay whole.

const DEGREE_PREFIXES = new Set(['太', '很', '更', '挺']);
/** One-character adjectives a degree adverb gets glued to (太慢, 很高); 更换 is a word, not 更+换. 最 is left alone: 最近, 最好, 最多 are words. */
const GRADABLE = new Set([...'慢快高低贵多少差好长短大小难乱累烦忙晚久远近准稳强弱硬软贵']);
const NOT_PREFIX = '不';
const LEXICALISED_NOT = new Set([
  '不错',
  '不少',
  '不同',
  '不断',
  '不过',
  '不仅',
  '不但',
  '不然',
  '不如',
  '不管',
  '不用',
  '不满',
  '不足',
  '不便',
  '不良',
  '不久',
  '不停',
  '不够',
  '不能',
  '不得不',
  '不一定',
  '不一样',
  '不可能',
  '不至于',
  '不论',
  '不要',
  '不好意思',
]);

const PUNCTUATION = /^[\p{P}\p{S}\s]+$/u;

export function isPunctuation(token: string): boolean {
  return PUNCTUATION.test(token);
}

/** Split degree-adverb and 不 compounds; everything else passes through unchanged. */
export function normaliseTokens(tokens: readonly string[], keepWhole: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (keepWhole.has(t)) {
      out.push(t);
    } else if (t.length === 2 && DEGREE_PREFIXES.has(t[0] as string) && GRADABLE.has(t[1] as string)) {
      out.push(t.slice(0, 1), t.slice(1));
    } else if ((t.length === 2 || t.length === 3) && t.startsWith(NOT_PREFIX) && !LEXICALISED_NOT.has(t)) {
      out.push(NOT_PREFIX, t.slice(1));
    } else {
      out.push(t);
    }
  }
  return out;
}
