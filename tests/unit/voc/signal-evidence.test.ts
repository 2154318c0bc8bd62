// The health rules' keyword signals quote the sentence that holds the keyword, as the voice-of-the-
// customer scan does, instead of a fixed window that can cut a name or a figure in half.
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../shared/health/facts';
import { evaluateRule } from '../../../shared/health/signals';
import { defaultSignalRules } from '../../../shared/health/signal-rules';

describe('keyword signal evidence', () => {
  const rules = defaultSignalRules();
  const competitor = rules.find((r) => r.id === 'competitorMention')!;
  const decision = rules.find((r) => r.id === 'decisionMakerChange')!;

  it('is the whole sentence with the keyword', () => {
    const f = emptyFacts('KH1', '2026-10-31');
    f.texts = [{ date: '2026-10-12', source: 'interaction', text: '季度回访，客户整体满意。客户采购部收到对手报价，要求我方重新报价并延长质保。下周再约。' }];
    const s = evaluateRule(competitor, f)!;
    expect(s.evidence.data[0]).toMatchObject({ value: '客户采购部收到对手报价，要求我方重新报价并延长质保', keyword: '对手报价', date: '2026-10-12' });
  });

  it('falls back to a window around the keyword when the sentence is too long to quote', () => {
    const f = emptyFacts('KH1', '2026-10-31');
    const long = `${'设备运行情况良好'.repeat(20)}，原负责人离职，${'交接资料待补充'.repeat(20)}`;
    f.texts = [{ date: '2026-10-12', source: 'interaction', text: long }];
    const value = String(evaluateRule(decision, f)!.evidence.data[0]!.value);
    expect(value.startsWith('…')).toBe(true);
    expect(value).toContain('离职');
    expect(value.length).toBeLessThan(50);
  });
});
