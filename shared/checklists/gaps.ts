// Gap list and before/after comparison.
import type { AssessmentAggregate } from './aggregate';
import type { AssessmentScore } from './scoring';
import type { BilingualText, ChecklistTemplate, MaturityStage } from './template-schema';

export type GapTarget = { kind: 'score'; score: number } | { kind: 'stage'; stageId: string };

export interface GapItem {
  questionId: string;
  sectionId: string;
  text: BilingualText;
  score: number;
  target: number;
  /** target − score, in points of the question's 0-100 score */
  gap: number;
  /** The question's share of the overall score (section share × share within the section); all sum to 1. */
  weight: number;
  /** weight × gap: how many overall points closing this gap is worth. The list is ordered by it. */
  priority: number;
  recommendation: BilingualText;
}

export interface SectionGap {
  sectionId: string;
  score: number | null;
  stage: MaturityStage | null;
  target: number;
  /** Null when the section has no score yet (nothing answered is not a gap of 100). */
  gap: number | null;
}

export interface GapList {
  target: number;
  targetStage: MaturityStage | null;
  items: GapItem[];
  sections: SectionGap[];
}

/** The template's default target is its `targetStage`, else a score of 100. */
export function resolveTarget(template: ChecklistTemplate, target?: GapTarget): { score: number; stage: MaturityStage | null } {
  const wanted: GapTarget = target ?? (template.targetStage ? { kind: 'stage', stageId: template.targetStage } : { kind: 'score', score: 100 });
  if (wanted.kind === 'score') return { score: wanted.score, stage: null };
  const stage = template.stages.find((candidate) => candidate.id === wanted.stageId);
  if (stage === undefined) throw new RangeError(`unknown target stage "${wanted.stageId}" in template ${template.id}`);
  // Reaching a stage means reaching its lower bound.
  return { score: stage.min, stage };
}

/**
 * Each scored question's share of the overall score, from the template alone: the ranking must not
 * change because one respondent skipped an unrelated question.
 */
export function effectiveWeights(template: ChecklistTemplate): Map<string, number> {
  const weights = new Map<string, number>();
  const sectionTotal = template.sections.reduce((sum, section) => sum + section.weight, 0);
  for (const section of template.sections) {
    let questionTotal = 0;
    for (const question of section.questions) if (question.kind !== 'text') questionTotal += question.weight;
    for (const question of section.questions) {
      if (question.kind === 'text' || questionTotal === 0 || sectionTotal === 0) continue;
      weights.set(question.id, (section.weight / sectionTotal) * (question.weight / questionTotal));
    }
  }
  return weights;
}

function buildGapList(
  template: ChecklistTemplate,
  questionScores: ReadonlyMap<string, number>,
  sectionScores: ReadonlyArray<{ sectionId: string; score: number | null; stage: MaturityStage | null }>,
  target?: GapTarget,
): GapList {
  const resolved = resolveTarget(template, target);
  const weights = effectiveWeights(template);
  const items: Array<GapItem & { order: number }> = [];
  let order = 0;
  for (const section of template.sections) {
    for (const question of section.questions) {
      order += 1;
      if (question.kind === 'text') continue;
      const score = questionScores.get(question.id);
      if (score === undefined || score >= resolved.score) continue;
      const weight = weights.get(question.id) ?? 0;
      const gap = resolved.score - score;
      items.push({
        questionId: question.id,
        sectionId: section.id,
        text: question.text,
        score,
        target: resolved.score,
        gap,
        weight,
        priority: weight * gap,
        recommendation: question.recommendation,
        order,
      });
    }
  }
  items.sort((a, b) => b.priority - a.priority || b.gap - a.gap || a.order - b.order);
  return {
    target: resolved.score,
    targetStage: resolved.stage,
    items: items.map(({ order: _order, ...item }) => item),
    sections: sectionScores.map((section) => ({
      sectionId: section.sectionId,
      score: section.score,
      stage: section.stage,
      target: resolved.score,
      gap: section.score === null ? null : Math.max(0, resolved.score - section.score),
    })),
  };
}

/** Gaps of one respondent's assessment; unanswered questions are not gaps (see score.unanswered). */
export function gapList(template: ChecklistTemplate, score: AssessmentScore, target?: GapTarget): GapList {
  const questionScores = new Map<string, number>();
  for (const section of score.sections) {
    for (const question of section.questions) {
      if (question.score !== null) questionScores.set(question.questionId, question.score);
    }
  }
  return buildGapList(template, questionScores, score.sections, target);
}

/** Gaps of a workshop, from the respondents' mean score per question. */
export function gapListFromAggregate(template: ChecklistTemplate, aggregate: AssessmentAggregate, target?: GapTarget): GapList {
  const questionScores = new Map<string, number>();
  for (const question of aggregate.questions) {
    if (question.spread !== null) questionScores.set(question.questionId, question.spread.mean);
  }
  const sections = aggregate.sections.map((section) => ({
    sectionId: section.sectionId,
    score: section.spread?.mean ?? null,
    stage: section.stage,
  }));
  return buildGapList(template, questionScores, sections, target);
}

export type StageChange = 'up' | 'down' | 'same';

export interface ScoreChange {
  before: number | null;
  after: number | null;
  /** after − before; null unless both have a score. */
  delta: number | null;
  stageBefore: MaturityStage | null;
  stageAfter: MaturityStage | null;
  stageChange: StageChange | null;
  /** Difference in stage level (e.g. 2 → 4 is +2). */
  levelDelta: number | null;
}

export interface SectionComparison extends ScoreChange {
  sectionId: string;
}

export interface QuestionComparison {
  questionId: string;
  sectionId: string;
  before: number;
  after: number;
  delta: number;
}

export interface AssessmentComparison {
  /** False when the two assessments come from different templates; then nothing is compared. */
  comparable: boolean;
  templateId: string;
  versionBefore: string;
  versionAfter: string;
  versionChanged: boolean;
  overall: ScoreChange | null;
  /** Sections present in both, in the later assessment's order. */
  sections: SectionComparison[];
  /** Questions scored in both, largest change (either way) first. */
  questions: QuestionComparison[];
  /** Section ids only in the earlier or only in the later assessment (template version changed). */
  sectionsOnlyBefore: string[];
  sectionsOnlyAfter: string[];
}

function change(before: number | null, after: number | null, stageBefore: MaturityStage | null, stageAfter: MaturityStage | null): ScoreChange {
  const levelDelta = stageBefore && stageAfter ? stageAfter.level - stageBefore.level : null;
  return {
    before,
    after,
    delta: before !== null && after !== null ? after - before : null,
    stageBefore,
    stageAfter,
    stageChange: levelDelta === null ? null : levelDelta > 0 ? 'up' : levelDelta < 0 ? 'down' : 'same',
    levelDelta,
  };
}

/** Before/after of the same engagement (seed 000: the consultant is paid on the improvement). */
export function compareAssessments(before: AssessmentScore, after: AssessmentScore): AssessmentComparison {
  const base = {
    templateId: after.templateId,
    versionBefore: before.templateVersion,
    versionAfter: after.templateVersion,
    versionChanged: before.templateVersion !== after.templateVersion,
  };
  if (before.templateId !== after.templateId) {
    return { comparable: false, ...base, overall: null, sections: [], questions: [], sectionsOnlyBefore: [], sectionsOnlyAfter: [] };
  }
  const beforeSections = new Map(before.sections.map((section) => [section.sectionId, section]));
  const afterIds = new Set(after.sections.map((section) => section.sectionId));
  const beforeQuestions = new Map(before.sections.flatMap((section) => section.questions).map((question) => [question.questionId, question]));

  const sections: SectionComparison[] = [];
  const questions: QuestionComparison[] = [];
  for (const section of after.sections) {
    const earlier = beforeSections.get(section.sectionId);
    if (earlier === undefined) continue;
    sections.push({ sectionId: section.sectionId, ...change(earlier.score, section.score, earlier.stage, section.stage) });
    for (const question of section.questions) {
      const was = beforeQuestions.get(question.questionId);
      if (was?.score == null || question.score === null) continue;
      questions.push({
        questionId: question.questionId,
        sectionId: section.sectionId,
        before: was.score,
        after: question.score,
        delta: question.score - was.score,
      });
    }
  }
  // Stable sort keeps template order among equal changes.
  questions.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));

  return {
    comparable: true,
    ...base,
    overall: change(before.score, after.score, before.stage, after.stage),
    sections,
    questions,
    sectionsOnlyBefore: before.sections.map((section) => section.sectionId).filter((id) => !afterIds.has(id)),
    sectionsOnlyAfter: after.sections.map((section) => section.sectionId).filter((id) => !beforeSections.has(id)),
  };
}
