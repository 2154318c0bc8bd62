import { describe, expect, test } from 'vitest';
import en from '../../../shared/i18n/locales/en/checklists.json';
import zhCN from '../../../shared/i18n/locales/zh-CN/checklists.json';
import { INVALID_ANSWER_REASONS } from '../../../shared/checklists/answers';
import { checklistText, formatTemplateIssue, TEMPLATE_ISSUE_CODES } from '../../../shared/checklists/template-issues';
import { validateTemplateDocument, validateTemplateText } from '../../../shared/checklists/template-schema';
import { fixtureDocument, readFixture, validateFixture } from './load';

type Expected = { path: string; code: string; params: Record<string, string | number> };

// One malformed fixture per kind of mistake, with the exact issues it must produce (and nothing else).
const MALFORMED: Array<{ file: string; issues: Expected[] }> = [
  {
    file: 'missing-field.json',
    issues: [{ path: 'sections[0].questions[1].recommendation', code: 'field.required', params: { expected: 'object' } }],
  },
  {
    file: 'wrong-type.json',
    issues: [{ path: 'sections[1].weight', code: 'field.wrongType', params: { expected: 'number', received: 'string' } }],
  },
  {
    file: 'duplicate-id.json',
    issues: [{ path: 'sections[2].questions[0].id', code: 'id.duplicate', params: { id: 'a1', firstPath: 'sections[0].questions[0].id' } }],
  },
  {
    file: 'stages-overlap.json',
    issues: [
      {
        path: 'stages[2].min',
        code: 'stages.overlap',
        params: { previous: 'repeatable', previousMax: 40, stage: 'defined', min: 35 },
      },
    ],
  },
  {
    file: 'stages-gap.json',
    issues: [
      { path: 'stages[3].min', code: 'stages.gap', params: { from: 60, to: 65 } },
      { path: 'stages[4].max', code: 'stages.end', params: { max: 95 } },
    ],
  },
  {
    file: 'scale-anchors-incomplete.json',
    issues: [{ path: 'sections[2].questions[1].anchors', code: 'scale.anchorMissing', params: { level: '4' } }],
  },
  {
    file: 'choice-without-options.json',
    issues: [{ path: 'sections[2].questions[4].options', code: 'choice.noOptions', params: {} }],
  },
  {
    file: 'weight-not-positive.json',
    issues: [
      { path: 'sections[0].questions[0].weight', code: 'weight.notPositive', params: { value: 0 } },
      { path: 'sections[2].weight', code: 'weight.notPositive', params: { value: -1 } },
    ],
  },
  {
    file: 'unknown-kind.json',
    issues: [
      {
        path: 'sections[1].questions[0].kind',
        code: 'question.unknownKind',
        params: { received: 'rating', expected: 'scale, yesno, choice, numeric, text' },
      },
    ],
  },
  {
    file: 'misspelt-field.json',
    issues: [
      { path: 'sections[0].questions[0].weight', code: 'field.required', params: { expected: 'number' } },
      { path: 'sections[0].questions[0].wieght', code: 'field.unknown', params: { key: 'wieght' } },
    ],
  },
  {
    file: 'numeric-bands-gap.json',
    issues: [{ path: 'sections[1].questions[1].bands[1].min', code: 'numeric.bandGap', params: { from: 10, to: 12 } }],
  },
  {
    file: 'unsupported-version.json',
    issues: [{ path: '', code: 'format.unsupported', params: { found: '"rwb-checklist" / 2', supported: 1 } }],
  },
];

describe('malformed template fixtures are refused with the exact problem', () => {
  test.each(MALFORMED)('$file', ({ file, issues }) => {
    const result = validateFixture(file);
    expect(result.ok).toBe(false);
    expect(result.template).toBeNull();
    expect(result.issues.map(({ path, code, params }) => ({ path, code, params }))).toEqual(issues);
    for (const issue of result.issues) {
      expect(issue.file).toBe(file);
      // Both languages have a real message, not a fallback to the key.
      expect(issue.message['zh-CN']).not.toContain('validation.');
      expect(issue.message.en).not.toContain('validation.');
      expect(issue.message['zh-CN']).not.toMatch(/\{\{/);
      expect(issue.message.en).not.toMatch(/\{\{/);
    }
  });

  test('invalid JSON names the line and column of the problem', () => {
    // The fixture has a trailing comma after "stages": [] on line 7; the parser stops at the "}" on line 8.
    const result = validateFixture('invalid-json.json');
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue?.code).toBe('json.invalid');
    expect(issue?.path).toBe('');
    expect(issue?.params).toMatchObject({ line: 8, column: 1 });
    expect(issue?.message['zh-CN']).toContain('第 8 行第 1 列');
    expect(issue?.message.en).toContain('line 8, column 1');
  });

  test('the messages read in both languages, with file and path', () => {
    const [choice] = validateFixture('choice-without-options.json').issues;
    expect(choice && formatTemplateIssue(choice, 'zh-CN')).toBe('choice-without-options.json › sections[2].questions[4].options：单选题没有选项');
    expect(choice && formatTemplateIssue(choice, 'en')).toBe(
      'choice-without-options.json › sections[2].questions[4].options: The choice question has no options',
    );
    const [wrong] = validateFixture('wrong-type.json').issues;
    expect(wrong?.message['zh-CN']).toBe('类型错误：应为数字，收到文本');
    expect(wrong?.message.en).toBe('Wrong type: expected a number, got text');
    const [anchors] = validateFixture('scale-anchors-incomplete.json').issues;
    expect(anchors?.message['zh-CN']).toBe('量表缺少第 4 级的锚定描述（1-5 级都必须有）');
    const [json] = validateFixture('invalid-json.json').issues;
    expect(json && formatTemplateIssue(json, 'en')).toMatch(/^invalid-json\.json › \(document root\): Not valid JSON/);
  });

  test('the valid fixture passes', () => {
    const result = validateFixture('valid-workshop.json');
    expect(result.issues).toEqual([]);
    expect(result.template?.sections.map((section) => section.id)).toEqual(['people', 'process', 'tools']);
  });
});

// Variations of the valid fixture for the checks that have no fixture file of their own. The document
// is raw JSON on purpose (`any`): the point is to write what the schema's types forbid.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type RawDocument = any;

function mutate(change: (doc: RawDocument) => void): ReturnType<typeof validateTemplateDocument> {
  const doc = fixtureDocument('valid-workshop.json');
  change(doc);
  return validateTemplateDocument('inline.json', doc);
}

function brief(result: ReturnType<typeof validateTemplateDocument>): Expected[] {
  return result.issues.map(({ path, code, params }) => ({ path, code, params }));
}

describe('semantic and structural checks', () => {
  test.each<{ name: string; change: (doc: RawDocument) => void; issues: Expected[] }>([
    {
      name: 'stages not starting at 0',
      change: (doc) => (doc.stages[0].min = 5),
      issues: [{ path: 'stages[0].min', code: 'stages.start', params: { min: 5 } }],
    },
    {
      name: 'a stage with min = max',
      change: (doc) => {
        doc.stages[1].max = 20;
        doc.stages[2].min = 20;
      },
      issues: [{ path: 'stages[1]', code: 'stages.emptyRange', params: { min: 20, max: 20 } }],
    },
    {
      name: 'stage levels out of order',
      change: (doc) => (doc.stages[1].level = 3),
      issues: [{ path: 'stages[1].level', code: 'stages.levelOrder', params: { expected: 2, received: 3 } }],
    },
    {
      name: 'stage range above 100',
      change: (doc) => (doc.stages[4].max = 120),
      issues: [{ path: 'stages[4].max', code: 'field.tooBig', params: { maximum: 100 } }],
    },
    {
      name: 'duplicate stage id',
      change: (doc) => (doc.stages[4].id = 'initial'),
      issues: [{ path: 'stages[4].id', code: 'id.duplicate', params: { id: 'initial', firstPath: 'stages[0].id' } }],
    },
    {
      name: 'duplicate section id',
      change: (doc) => (doc.sections[2].id = 'people'),
      issues: [{ path: 'sections[2].id', code: 'id.duplicate', params: { id: 'people', firstPath: 'sections[0].id' } }],
    },
    {
      name: 'duplicate option id',
      change: (doc) => (doc.sections[1].questions[0].options[2].id = 'none'),
      issues: [
        {
          path: 'sections[1].questions[0].options[2].id',
          code: 'id.duplicate',
          params: { id: 'none', firstPath: 'sections[1].questions[0].options[0].id' },
        },
      ],
    },
    {
      name: 'unknown target stage',
      change: (doc) => (doc.targetStage = 'excellent'),
      issues: [{ path: 'targetStage', code: 'target.unknownStage', params: { id: 'excellent' } }],
    },
    {
      name: 'a choice with one option, none worth 100',
      change: (doc) => (doc.sections[1].questions[0].options = [{ id: 'only', label: { zh: '唯一', en: 'Only' }, score: 60 }]),
      issues: [
        { path: 'sections[1].questions[0].options', code: 'choice.tooFewOptions', params: { count: 1 } },
        { path: 'sections[1].questions[0].options', code: 'choice.noFullScore', params: { best: 60 } },
      ],
    },
    {
      name: 'an option score over 100',
      change: (doc) => (doc.sections[1].questions[0].options[2].score = 120),
      issues: [{ path: 'sections[1].questions[0].options[2].score', code: 'field.tooBig', params: { maximum: 100 } }],
    },
    {
      name: 'numeric bands overlapping',
      change: (doc) => (doc.sections[1].questions[1].bands[1].min = 8),
      issues: [{ path: 'sections[1].questions[1].bands[1].min', code: 'numeric.bandOverlap', params: { previousMax: 10, min: 8 } }],
    },
    {
      name: 'numeric band open in the middle',
      change: (doc) => delete doc.sections[1].questions[1].bands[1].max,
      issues: [{ path: 'sections[1].questions[1].bands[1]', code: 'numeric.openInside', params: {} }],
    },
    {
      name: 'numeric without bands and min above max',
      change: (doc) => {
        doc.sections[1].questions[1].bands = [];
        doc.sections[1].questions[1].max = -5;
      },
      issues: [
        { path: 'sections[1].questions[1]', code: 'numeric.minAboveMax', params: { min: 0, max: -5 } },
        { path: 'sections[1].questions[1].bands', code: 'numeric.noBands', params: {} },
      ],
    },
    {
      name: 'a section with only free-text questions',
      change: (doc) => (doc.sections[0].questions = [doc.sections[0].questions[2]]),
      issues: [{ path: 'sections[0]', code: 'section.noScoredQuestions', params: {} }],
    },
    {
      name: 'an empty (blank) English title',
      change: (doc) => (doc.title.en = '   '),
      issues: [{ path: 'title.en', code: 'field.empty', params: {} }],
    },
    {
      name: 'a section without questions',
      change: (doc) => (doc.sections[2].questions = []),
      issues: [{ path: 'sections[2].questions', code: 'field.tooFewItems', params: { minimum: 1 } }],
    },
    {
      name: 'an id with capitals and spaces',
      change: (doc) => (doc.sections[0].id = 'My Section'),
      issues: [{ path: 'sections[0].id', code: 'field.badFormat', params: { hint: 'id' } }],
    },
    {
      name: 'a malformed version',
      change: (doc) => (doc.version = 'v1'),
      issues: [{ path: 'version', code: 'field.badFormat', params: { hint: 'version' } }],
    },
    {
      name: 'a fractional stage level',
      change: (doc) => (doc.stages[0].level = 1.5),
      issues: [{ path: 'stages[0].level', code: 'field.notInteger', params: {} }],
    },
  ])('$name', ({ change, issues }) => {
    const result = mutate(change);
    expect(result.ok).toBe(false);
    expect(brief(result)).toEqual(issues);
  });

  test('the format hint is a sentence in the message, not the raw code', () => {
    const result = mutate((doc) => (doc.sections[0].id = 'My Section'));
    expect(result.issues[0]?.message.en).toBe('Wrong format: ids use lowercase letters, digits, hyphens and underscores, starting with a letter or digit');
  });

  test('a top-level array is refused as not an object', () => {
    const result = validateTemplateText('list.json', '[1, 2]');
    expect(brief(result)).toEqual([{ path: '', code: 'json.notObject', params: { received: 'array' } }]);
    expect(result.issues[0]?.message['zh-CN']).toBe('模板文件的顶层应为 JSON 对象，收到数组');
  });

  test('a UTF-8 byte order mark (Windows editors) is accepted', () => {
    expect(validateTemplateText('bom.json', `\uFEFF${readFixture('valid-workshop.json')}`).ok).toBe(true);
  });

  test('truncated JSON points at the end of the text', () => {
    const result = validateTemplateText('cut.json', '{\n  "format": "rwb-checklist",\n  "id": ');
    expect(result.issues[0]?.code).toBe('json.invalid');
    expect(result.issues[0]?.params).toMatchObject({ line: 3 });
  });
});

describe('catalogues', () => {
  function keys(node: unknown, prefix = ''): string[] {
    if (typeof node === 'string') return [prefix];
    return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
  }

  test('zh-CN and en have the same keys', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  test('every issue code and invalid-answer reason has a message in both languages', () => {
    const all = new Set(keys(zhCN));
    for (const code of TEMPLATE_ISSUE_CODES) expect(all, code).toContain(`validation.${code}`);
    for (const reason of INVALID_ANSWER_REASONS) expect(all, reason).toContain(`invalidAnswer.${reason}`);
  });

  test('interpolation uses the i18next {{name}} syntax', () => {
    expect(checklistText('en', 'result.completionDetail', { answered: 5, total: 6, percent: 83 })).toBe(
      '5 of 6 questions answered (83%); unanswered questions are left out of the score',
    );
    expect(checklistText('zh-CN', 'result.completionDetail', { answered: 5, total: 6, percent: 83 })).toBe('已答 5 / 6 题（83%），未答题不计入得分');
  });
});
