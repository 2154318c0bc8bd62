import type { Command } from 'commander';
import { VIEW_SECTIONS, type SavedView, type ViewSection } from '../../../shared/views/saved-view';
import { action } from '../program';
import { CliFailure, printResult } from '../output';

function invalid(detail: string): CliFailure {
  return new CliFailure({ code: 'INVALID_ARGUMENTS', message: detail, params: { detail } });
}

function viewLine(v: SavedView): string {
  return `#${v.id}  ${v.section}  ${v.name}  (${v.updatedAt.slice(0, 16).replace('T', ' ')})`;
}

function idArg(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw invalid(`a view id is a positive whole number, not "${text}"`);
  return n;
}

/** rwb views list|save|rename|delete: the saved views the sidebar lists, kept in the workspace. */
export function registerViewsCommands(program: Command): void {
  const views = program.command('views').description("saved views: a section's filters, sort, columns, run and parameters under a name");
  views
    .command('list')
    .argument('<file>', 'workspace file')
    .option('--section <id>', `only one section: ${VIEW_SECTIONS.join(', ')}`)
    .action(
      action(async (s, g, file, opts) => {
        await s.call('engagement.open', { path: String(file) });
        const section = (opts as { section?: string }).section as ViewSection | undefined;
        const list = await s.call('views.list', section ? { section } : {});
        printResult(g, list, () => (list.length === 0 ? (g.lang === 'en' ? 'No saved views.' : '没有已保存的视图。') : list.map(viewLine).join('\n')));
      }),
    );
  views
    .command('save')
    .argument('<file>', 'workspace file')
    .requiredOption('--section <id>', `the section: ${VIEW_SECTIONS.join(', ')}`)
    .requiredOption('--name <name>', 'the view name')
    .requiredOption('--state <json>', "the section's view state as a JSON object (as `views list --json` shows it)")
    .option('--replace', 'replace a view of the same name')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { section: string; name: string; state: string; replace?: boolean };
        let state: unknown;
        try {
          state = JSON.parse(o.state);
        } catch (err) {
          throw invalid(`--state: not JSON (${err instanceof Error ? err.message : String(err)})`);
        }
        if (!state || typeof state !== 'object' || Array.isArray(state)) throw invalid('--state takes a JSON object');
        await s.call('engagement.open', { path: String(file) });
        const v = await s.call('views.save', {
          section: o.section as ViewSection,
          name: o.name,
          state: state as Record<string, unknown>,
          replace: o.replace ?? false,
        });
        printResult(g, v, () => viewLine(v));
      }),
    );
  views
    .command('rename')
    .argument('<file>', 'workspace file')
    .argument('<id>', 'view id')
    .requiredOption('--name <name>', 'the new name')
    .action(
      action(async (s, g, file, id, opts) => {
        await s.call('engagement.open', { path: String(file) });
        const v = await s.call('views.rename', { id: idArg(String(id)), name: (opts as { name: string }).name });
        printResult(g, v, () => viewLine(v));
      }),
    );
  views
    .command('delete')
    .argument('<file>', 'workspace file')
    .argument('<id>', 'view id')
    .action(
      action(async (s, g, file, id) => {
        await s.call('engagement.open', { path: String(file) });
        const out = await s.call('views.delete', { id: idArg(String(id)) });
        printResult(g, out, () => (out.deleted ? (g.lang === 'en' ? 'Deleted.' : '已删除。') : g.lang === 'en' ? 'No such view.' : '没有这个视图。'));
      }),
    );
}
