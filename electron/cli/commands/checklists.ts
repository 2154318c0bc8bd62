import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, printResult, type CliGlobals } from '../output';
import { formatError } from '../../../shared/errors';
import { parseAnswerText } from '../../../shared/checklists/answer-text';
import type { BilingualText, ChecklistQuestion } from '../../../shared/checklists/template-schema';
import type { AssessmentResult, AssessmentSummary } from '../../../shared/checklists/wire';
import type { CliSession } from '../session';

const pick = (text: BilingualText, g: CliGlobals) => (g.lang === 'zh-CN' ? text.zh : text.en);
const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '-' : n.toFixed(1));
const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * A refused template or answers file lists every problem, one per line: the generic one-line failure
 * would fold them together and the consultant needs to see each file › path to fix it.
 */
async function refusedLines<T>(g: CliGlobals, body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof CliFailure && err.wire.code === 'VALIDATION_FAILED' && !g.json) {
      const lines = String(err.wire.params['detail'] ?? '').split('\n');
      const head = formatError('VALIDATION_FAILED', { detail: '' }, g.lang).trim();
      process.stderr.write(`rwb: ${head}\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
      process.exitCode = 1;
      return undefined;
    }
    throw err;
  }
}

function describeAssessment(a: AssessmentSummary, g: CliGlobals): string {
  const zh = g.lang === 'zh-CN';
  const stage = a.stage ? pick(a.stage.label, g) : '-';
  return [
    `#${a.id}  ${a.title}${a.subject ? `  (${a.subject})` : ''}`,
    `  ${zh ? '模板' : 'Template'}: ${a.templateId} ${a.templateVersion}    ${zh ? '状态' : 'Status'}: ${a.status}`,
    `  ${zh ? '答题人' : 'Respondents'}: ${a.respondents.map((r) => `${r.name} ${r.completion.toFixed(0)}%`).join(', ')}`,
    `  ${zh ? '得分' : 'Score'}: ${fmt(a.score)}  ${zh ? '阶段' : 'Stage'}: ${stage}`,
  ].join('\n');
}

function describeResult(r: AssessmentResult, g: CliGlobals): string {
  const zh = g.lang === 'zh-CN';
  const sectionTitle = new Map(r.template.sections.map((s) => [s.id, pick(s.title, g)]));
  const questionText = new Map(r.template.sections.flatMap((s) => s.questions.map((q) => [q.id, pick(q.text, g)] as const)));
  const respondents = r.aggregate.respondents;
  const lines = [describeAssessment(r.summary, g), ''];
  lines.push([zh ? '维度' : 'Section', ...respondents, zh ? '平均' : 'Average', zh ? '标准差' : 'SD', zh ? '阶段' : 'Stage'].join('\t'));
  for (const s of r.aggregate.sections) {
    lines.push(
      [
        sectionTitle.get(s.sectionId) ?? s.sectionId,
        ...s.byRespondent.map((b) => fmt(b.score)),
        fmt(s.spread?.mean),
        fmt(s.spread?.sd),
        s.stage ? pick(s.stage.label, g) : '-',
      ].join('\t'),
    );
  }
  const o = r.aggregate.overall;
  lines.push(
    [zh ? '总体' : 'Overall', ...o.byRespondent.map((b) => fmt(b.score)), fmt(o.spread?.mean), fmt(o.spread?.sd), o.stage ? pick(o.stage.label, g) : '-'].join(
      '\t',
    ),
  );
  const disagreements = r.aggregate.disagreements.filter((q) => (q.spread?.sd ?? 0) > 0).slice(0, 5);
  if (disagreements.length > 0) {
    lines.push('', zh ? '分歧最大的题目:' : 'Most disagreement:');
    for (const q of disagreements) {
      lines.push(
        `  ${q.questionId}  SD ${fmt(q.spread?.sd)}  [${q.byRespondent.map((b) => `${b.respondent} ${fmt(b.score)}`).join(', ')}]  ${questionText.get(q.questionId) ?? ''}`,
      );
    }
  }
  if (r.gaps.items.length > 0) {
    lines.push('', zh ? `差距（目标 ${fmt(r.gaps.target)}，按 权重×差距 排序）:` : `Gaps (target ${fmt(r.gaps.target)}, by weight × gap):`);
    for (const gap of r.gaps.items.slice(0, 8)) {
      lines.push(
        `  ${gap.questionId}  ${fmt(gap.score)} → ${fmt(gap.target)}  ${zh ? '优先级' : 'priority'} ${gap.priority.toFixed(2)}  ${pick(gap.recommendation, g)}`,
      );
    }
  }
  return lines.join('\n');
}

async function questionOf(s: CliSession, id: number, questionId: string): Promise<ChecklistQuestion | null> {
  const detail = await s.call('checklist.get', { id });
  for (const section of detail.template.sections) for (const q of section.questions) if (q.id === questionId) return q;
  return null;
}

export function registerChecklistsCommands(program: Command): void {
  const checklist = program.command('checklist').description('self-assessment checklists and workshops (自检清单)');

  checklist
    .command('templates')
    .description('list checklist templates (built-in, and those kept in FILE.rwb when given)')
    .argument('[file]', 'workspace file')
    .action(
      action(async (s, g, file) => {
        if (typeof file === 'string') await s.call('engagement.open', { path: file });
        const list = await s.call('checklist.templates', {});
        printResult(g, list, () =>
          list
            .map((t) => `${t.id.padEnd(28)} ${t.version.padEnd(7)} ${t.origin.padEnd(8)} ${String(t.questionCount).padStart(3)}  ${pick(t.title, g)}`)
            .join('\n'),
        );
      }),
    );

  checklist
    .command('start')
    .description('start an assessment from a template with named respondents')
    .argument('<file>', 'workspace file')
    .argument('<template>', 'template id (see `rwb checklist templates`)')
    .option('--respondent <name>', 'respondent (repeat for a workshop)', collect, [])
    .option('--subject <name>', 'who is assessed, for per-person templates (销售能力矩阵)')
    .option('--title <title>', 'assessment title')
    .action(
      action(async (s, g, file, template, opts) => {
        const o = opts as { respondent: string[]; subject?: string; title?: string };
        await s.call('engagement.open', { path: String(file) });
        const respondents = o.respondent.length > 0 ? o.respondent : [g.lang === 'zh-CN' ? '顾问' : 'Consultant'];
        const started = await s.call('checklist.start', {
          templateId: String(template),
          respondents,
          locale: g.lang,
          ...(o.subject !== undefined ? { subject: o.subject } : {}),
          ...(o.title !== undefined ? { title: o.title } : {}),
        });
        printResult(g, started.summary, () => describeAssessment(started.summary, g));
      }),
    );

  checklist
    .command('list')
    .description('list the assessments of an engagement')
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        await s.call('engagement.open', { path: String(file) });
        const list = await s.call('checklist.list', {});
        printResult(g, list, () => list.map((a) => describeAssessment(a, g)).join('\n'));
      }),
    );

  checklist
    .command('answer')
    .description('record one answer (--respondent --question --value) or an answers file (--from)')
    .argument('<file>', 'workspace file')
    .argument('<id>', 'assessment id')
    .option('--respondent <name>')
    .option('--question <id>')
    .option('--value <value>', 'scale 1-5, yes/no, option id, number, text, or na (不适用)')
    .option('--note <text>')
    .option('--evidence <text>')
    .option('--from <answers.json>', 'answers file: {"respondents": {"NAME": {"QUESTION": VALUE}}}')
    .action(
      action(async (s, g, file, id, opts) => {
        const o = opts as { respondent?: string; question?: string; value?: string; note?: string; evidence?: string; from?: string };
        await s.call('engagement.open', { path: String(file) });
        const assessment = Number(id);
        if (o.from !== undefined) {
          const path = o.from;
          const r = await refusedLines(g, () => s.call('checklist.answerMany', { id: assessment, path, locale: g.lang }));
          if (r === undefined) return;
          printResult(g, r, () =>
            g.lang === 'zh-CN'
              ? `已写入 ${r.written} 个答案${r.respondentsAdded.length ? `；新增答题人：${r.respondentsAdded.join('、')}` : ''}`
              : `Wrote ${r.written} answers${r.respondentsAdded.length ? `; added respondents: ${r.respondentsAdded.join(', ')}` : ''}`,
          );
          return;
        }
        if (o.respondent === undefined || o.question === undefined) {
          throw new CliFailure({
            code: 'INVALID_ARGUMENTS',
            message: 'need --respondent and --question (or --from)',
            params: { detail: '--respondent, --question / --from' },
          });
        }
        const question = await questionOf(s, assessment, o.question);
        const value = o.value === undefined ? undefined : question ? parseAnswerText(question, o.value) : o.value;
        const respondent = o.respondent;
        const questionId = o.question;
        const r = await refusedLines(g, () =>
          s.call('checklist.answer', {
            id: assessment,
            respondent,
            questionId,
            ...(value !== undefined ? { value } : {}),
            ...(o.note !== undefined ? { note: o.note } : {}),
            ...(o.evidence !== undefined ? { evidence: o.evidence } : {}),
            locale: g.lang,
          }),
        );
        if (r === undefined) return;
        printResult(g, r, () =>
          g.lang === 'zh-CN' ? `已保存（${r.respondent} 完成 ${r.completion.toFixed(0)}%）` : `Saved (${r.respondent} ${r.completion.toFixed(0)}% complete)`,
        );
      }),
    );

  checklist
    .command('complete')
    .description('mark an assessment complete (--reopen to go back to draft)')
    .argument('<file>', 'workspace file')
    .argument('<id>', 'assessment id')
    .option('--reopen')
    .action(
      action(async (s, g, file, id, opts) => {
        await s.call('engagement.open', { path: String(file) });
        const r = await s.call('checklist.complete', { id: Number(id), complete: !(opts as { reopen?: boolean }).reopen });
        printResult(g, r, () => describeAssessment(r, g));
      }),
    );

  checklist
    .command('score')
    .description('score an assessment: per respondent, average, disagreement, stage and gaps')
    .argument('<file>', 'workspace file')
    .argument('<id>', 'assessment id')
    .action(
      action(async (s, g, file, id) => {
        await s.call('engagement.open', { path: String(file) });
        const r = await s.call('checklist.score', { id: Number(id) });
        printResult(g, r, () => describeResult(r, g));
      }),
    );

  checklist
    .command('import-template')
    .description('import a checklist template file into the engagement (refused with every problem listed)')
    .argument('<file>', 'workspace file')
    .argument('<template>', 'template JSON file')
    .action(
      action(async (s, g, file, template) => {
        await s.call('engagement.open', { path: String(file) });
        const r = await refusedLines(g, () => s.call('checklist.importTemplate', { path: String(template), locale: g.lang }));
        if (r === undefined) return;
        printResult(g, r, () => `${r.id} ${r.version}  ${pick(r.title, g)}${r.replaced ? (g.lang === 'zh-CN' ? '（已替换）' : ' (replaced)') : ''}`);
      }),
    );

  checklist
    .command('export-template')
    .description('write a template to a JSON file')
    .argument('<file>', 'workspace file')
    .argument('<template>', 'template id')
    .argument('<out>', 'JSON file to write')
    .action(
      action(async (s, g, file, template, out) => {
        await s.call('engagement.open', { path: String(file) });
        const r = await s.call('checklist.exportTemplate', { id: String(template), path: String(out) });
        printResult(g, r, () => r.path);
      }),
    );
}
