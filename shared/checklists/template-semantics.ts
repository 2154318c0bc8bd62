// The checks a schema cannot express. Each names the exact place in the document so an author can
// fix the file without guessing: a template is refused with the exact problem, never a bare "invalid".
import { makeIssue } from './template-issues';
import type { IssueParams, TemplateIssue, TemplateIssueCode } from './template-issues';
import type { ChecklistTemplate, NumericQuestion, ChoiceQuestion, ScaleQuestion } from './template-schema';

const SCALE_LEVELS = ['1', '2', '3', '4', '5'] as const;

export function semanticIssues(file: string, template: ChecklistTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const add = (path: string, code: TemplateIssueCode, params: IssueParams = {}): void => {
    issues.push(makeIssue(file, path, code, params));
  };

  // Question ids are unique across the whole template, not per section: answers are stored by
  // question id, and a question may later move between sections without losing its answers.
  const sectionIds = new Map<string, string>();
  const questionIds = new Map<string, string>();
  const stageIds = new Map<string, string>();
  const claim = (seen: Map<string, string>, id: string, path: string): void => {
    const first = seen.get(id);
    if (first !== undefined) add(path, 'id.duplicate', { id, firstPath: first });
    else seen.set(id, path);
  };

  template.stages.forEach((stage, i) => claim(stageIds, stage.id, `stages[${i}].id`));
  checkStages(template, add);
  if (template.targetStage !== undefined && !stageIds.has(template.targetStage)) {
    add('targetStage', 'target.unknownStage', { id: template.targetStage });
  }

  template.sections.forEach((section, s) => {
    const at = `sections[${s}]`;
    claim(sectionIds, section.id, `${at}.id`);
    if (!(section.weight > 0)) add(`${at}.weight`, 'weight.notPositive', { value: section.weight });
    if (!section.questions.some((question) => question.kind !== 'text')) add(at, 'section.noScoredQuestions');

    section.questions.forEach((question, q) => {
      const qat = `${at}.questions[${q}]`;
      claim(questionIds, question.id, `${qat}.id`);
      if (question.kind !== 'text' && !(question.weight > 0)) {
        add(`${qat}.weight`, 'weight.notPositive', { value: question.weight });
      }
      switch (question.kind) {
        case 'scale':
          checkAnchors(question, qat, add);
          break;
        case 'choice':
          checkChoice(question, qat, add);
          break;
        case 'numeric':
          checkNumeric(question, qat, add);
          break;
        case 'yesno':
        case 'text':
          break;
        default:
          return assertNever(question);
      }
    });
  });
  return issues;
}

type Add = (path: string, code: TemplateIssueCode, params?: IssueParams) => void;

// Stages are half-open ranges [min, max) in the order written, the last one closed at 100, so every
// score from 0 to 100 falls in exactly one stage: the ranges must start at 0, touch, and end at 100.
function checkStages(template: ChecklistTemplate, add: Add): void {
  const stages = template.stages;
  stages.forEach((stage, i) => {
    if (stage.level !== i + 1) add(`stages[${i}].level`, 'stages.levelOrder', { expected: i + 1, received: stage.level });
    if (!(stage.min < stage.max)) add(`stages[${i}]`, 'stages.emptyRange', { min: stage.min, max: stage.max });
    const previous = stages[i - 1];
    if (previous === undefined) {
      if (stage.min !== 0) add(`stages[${i}].min`, 'stages.start', { min: stage.min });
    } else if (stage.min > previous.max) {
      add(`stages[${i}].min`, 'stages.gap', { from: previous.max, to: stage.min });
    } else if (stage.min < previous.max) {
      add(`stages[${i}].min`, 'stages.overlap', {
        previous: previous.id,
        previousMax: previous.max,
        stage: stage.id,
        min: stage.min,
      });
    }
  });
  const last = stages[stages.length - 1];
  if (last !== undefined && last.max !== 100) add(`stages[${stages.length - 1}].max`, 'stages.end', { max: last.max });
}

function checkAnchors(question: ScaleQuestion, at: string, add: Add): void {
  for (const level of SCALE_LEVELS) {
    if (question.anchors[level] === undefined) add(`${at}.anchors`, 'scale.anchorMissing', { level });
  }
}

function checkChoice(question: ChoiceQuestion, at: string, add: Add): void {
  const options = question.options;
  if (options.length === 0) {
    add(`${at}.options`, 'choice.noOptions');
    return;
  }
  if (options.length < 2) add(`${at}.options`, 'choice.tooFewOptions', { count: options.length });
  const seen = new Map<string, string>();
  options.forEach((option, o) => {
    const path = `${at}.options[${o}].id`;
    const first = seen.get(option.id);
    if (first !== undefined) add(path, 'id.duplicate', { id: option.id, firstPath: first });
    else seen.set(option.id, path);
  });
  // Without a 100 option the question can never close its gap, and would sit in every gap list.
  const best = Math.max(...options.map((option) => option.score));
  if (best < 100) add(`${at}.options`, 'choice.noFullScore', { best });
}

function checkNumeric(question: NumericQuestion, at: string, add: Add): void {
  if (question.min !== undefined && question.max !== undefined && !(question.min < question.max)) {
    add(at, 'numeric.minAboveMax', { min: question.min, max: question.max });
  }
  const bands = question.bands;
  if (bands.length === 0) {
    add(`${at}.bands`, 'numeric.noBands');
    return;
  }
  bands.forEach((band, b) => {
    const bat = `${at}.bands[${b}]`;
    if ((band.min === undefined && b > 0) || (band.max === undefined && b < bands.length - 1)) {
      add(bat, 'numeric.openInside');
      return;
    }
    if (band.min !== undefined && band.max !== undefined && !(band.min < band.max)) {
      add(bat, 'numeric.bandEmpty', { min: band.min, max: band.max });
    }
    const previous = bands[b - 1];
    if (previous?.max === undefined || band.min === undefined) return;
    if (band.min > previous.max) add(`${bat}.min`, 'numeric.bandGap', { from: previous.max, to: band.min });
    else if (band.min < previous.max) add(`${bat}.min`, 'numeric.bandOverlap', { previousMax: previous.max, min: band.min });
  });
  const best = Math.max(...bands.map((band) => band.score));
  if (best < 100) add(`${at}.bands`, 'numeric.noFullScore', { best });
}

function assertNever(value: never): never {
  throw new Error(`unexpected question kind: ${JSON.stringify(value)}`);
}
