import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BUILTIN_TEMPLATE_FILES } from '../../../shared/checklists/builtin';
import { validateTemplateText } from '../../../shared/checklists/template-schema';
import { scoreAssessment } from '../../../shared/checklists/scoring';
import type { BilingualText, ChecklistTemplate } from '../../../shared/checklists/template-schema';
import { loadBuiltin, validateBuiltin } from './load';

function texts(template: ChecklistTemplate): BilingualText[] {
  const out: BilingualText[] = [template.title, template.description];
  if (template.subject) out.push(template.subject.label);
  for (const stage of template.stages) out.push(stage.label, ...(stage.description ? [stage.description] : []));
  for (const section of template.sections) {
    out.push(section.title, ...(section.description ? [section.description] : []));
    for (const question of section.questions) {
      out.push(question.text, ...(question.help ? [question.help] : []));
      if (question.kind === 'text') continue;
      out.push(question.recommendation);
      if (question.kind === 'scale') out.push(...Object.values(question.anchors).filter((a) => a !== undefined));
      if (question.kind === 'choice') out.push(...question.options.map((option) => option.label));
      if (question.kind === 'numeric' && question.unit) out.push(question.unit);
    }
  }
  return out;
}

// Characters that differ between traditional and simplified and occur in the seeds; the product
// speaks Simplified Chinese, so none of them may leak into a template copied from a seed.
const TRADITIONAL = /[銷項戶與據應維護層議會務導實體開續費級經團隊術數據時間問題關係鍵對說這個們為後從變條標準簽約價並發現況計劃擇優測試報質]/u;
const HAN = /\p{Script=Han}/u;

describe('built-in templates', () => {
  test.each(BUILTIN_TEMPLATE_FILES)('%s validates', (file) => {
    const result = validateBuiltin(file);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test.each(BUILTIN_TEMPLATE_FILES)('%s is bilingual: simplified Chinese and English', (file) => {
    for (const text of texts(loadBuiltin(file))) {
      // Symbols such as the unit "%" are the same in both languages.
      if (text.zh !== text.en) expect(text.zh, text.en).toMatch(HAN);
      expect(text.zh).not.toMatch(TRADITIONAL);
      expect(text.en, text.zh).not.toMatch(HAN);
    }
  });

  test.each(BUILTIN_TEMPLATE_FILES)('%s: every scored question has a recommendation distinct from the question', (file) => {
    const template = loadBuiltin(file);
    for (const question of template.sections.flatMap((section) => section.questions)) {
      if (question.kind === 'text') continue;
      expect(question.recommendation.zh).not.toBe(question.text.zh);
    }
  });

  test('客户留存率自检清单: four sections, at least 20 scored questions, all question kinds', () => {
    const template = loadBuiltin('retention-self-check.json');
    expect(template.title.zh).toBe('客户留存率自检清单');
    expect(template.sections.map((section) => section.title.zh)).toEqual(['组织准备', '数据基础', '技术工具', '流程设计']);
    const questions = template.sections.flatMap((section) => section.questions);
    expect(questions.filter((question) => question.kind !== 'text').length).toBeGreaterThanOrEqual(20);
    expect(new Set(questions.map((question) => question.kind))).toEqual(new Set(['scale', 'yesno', 'choice', 'numeric', 'text']));
    expect(template.stages.map((stage) => stage.label.zh)).toEqual(['初始级', '可重复级', '已定义级', '已管理级', '优化级']);
    const wording = questions.map((question) => question.text.zh).join('\n');
    // Taken from seed 000's 四步落地 and 三阶联动.
    expect(wording).toContain('销售VP与项目总监共同领衔');
    expect(wording).toContain('复盘一次客户流失案例，追溯销售与项目环节的疏漏');
    expect(wording).toContain('自动同步到项目系统');
  });

  test('销售能力矩阵 is answered per salesperson', () => {
    const template = loadBuiltin('sales-capability-matrix.json');
    expect(template.subject?.label).toEqual({ zh: '销售人员', en: 'Salesperson' });
    expect(template.sections.map((section) => section.title.zh)).toEqual(['客户洞察', '需求挖掘', '关系管理', '数据应用']);
  });

  test('销售-项目协同SOP检查 follows seed 000’s four steps', () => {
    const template = loadBuiltin('sales-project-sop.json');
    expect(template.sections.map((section) => section.title.zh)).toEqual(['步骤1 组织重构', '步骤2 工具部署', '步骤3 数据治理', '步骤4 持续优化']);
    expect(template.subject).toBeUndefined();
  });

  test('数据合规自查 cites 数据安全法 and 个人信息保护法', () => {
    const template = loadBuiltin('data-compliance.json');
    expect(template.description.zh).toContain('《数据安全法》');
    expect(template.description.zh).toContain('《个人信息保护法》');
    const help = template.sections.flatMap((section) => section.questions).map((question) => question.help?.zh ?? '');
    expect(help.some((text) => text.includes('《数据安全法》'))).toBe(true);
    expect(help.filter((text) => text.includes('《个人信息保护法》')).length).toBeGreaterThan(5);
  });

  test.each(BUILTIN_TEMPLATE_FILES)('%s: best answers everywhere score 100 and reach the top stage', (file) => {
    const template = loadBuiltin(file);
    const answers: Record<string, number | boolean | string> = {};
    for (const question of template.sections.flatMap((section) => section.questions)) {
      if (question.kind === 'scale') answers[question.id] = 5;
      if (question.kind === 'yesno') answers[question.id] = true;
      if (question.kind === 'choice') {
        const best = question.options.find((option) => option.score === 100);
        if (best) answers[question.id] = best.id;
      }
      if (question.kind === 'numeric') {
        // Any value inside the band worth 100, respecting the question's bounds.
        const band = question.bands.find((candidate) => candidate.score === 100);
        const low = band?.min ?? question.min ?? 0;
        const high = band?.max ?? low + 10;
        answers[question.id] = question.inclusive === 'max' ? high : low;
      }
    }
    const result = scoreAssessment(template, answers);
    expect(result.invalid).toEqual([]);
    expect(result.completion.percent).toBe(100);
    expect(result.score).toBe(100);
    expect(result.stage?.level).toBe(template.stages.length);
  });
});

test('the minimal example in FORMAT.md is a valid template', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../resources/checklists/FORMAT.md', import.meta.url)), 'utf8');
  const example = /## Minimal example\s+```json\n([\s\S]*?)```/.exec(doc)?.[1];
  expect(example).toBeDefined();
  const result = validateTemplateText('FORMAT.md', example ?? '');
  expect(result.issues).toEqual([]);
});
