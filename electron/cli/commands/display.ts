import type { Command } from 'commander';
import { currencyName, currencySymbol, formatAmount, type NumberScale } from '../../../shared/display/numbers';
import { action } from '../program';
import { CliFailure, printResult } from '../output';

/** rwb display FILE [--scale full|wan] [--currency CODE]: how the engagement shows amounts. */
export function registerDisplayCommands(program: Command): void {
  program
    .command('display')
    .description('the engagement currency (any ISO 4217 code) and whether amounts show in full or in 万/亿; without options, prints them')
    .argument('<file>', 'workspace file')
    .option('--scale <full|wan>', 'full figures (1,234,567) or 万/亿 (123.5万)')
    .option('--currency <code>', 'ISO 4217 code, e.g. CNY, USD, EUR, HKD, SGD')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { scale?: string; currency?: string };
        if (o.scale !== undefined && o.scale !== 'full' && o.scale !== 'wan') {
          throw new CliFailure({ code: 'INVALID_ARGUMENTS', message: '--scale takes full or wan', params: { detail: '--scale takes full or wan' } });
        }
        await s.call('engagement.open', { path: String(file) });
        const settings =
          o.scale !== undefined || o.currency !== undefined
            ? (await s.call('display.save', { ...(o.scale ? { numberScale: o.scale as NumberScale } : {}), ...(o.currency ? { currency: o.currency } : {}) }))
                .settings
            : await s.call('display.get', {});
        printResult(g, settings, () =>
          [
            `${settings.currency} · ${currencySymbol(settings.currency, g.lang)} · ${currencyName(settings.currency, g.lang)}`,
            `${settings.numberScale} · ${formatAmount(12_345_678, { locale: g.lang, currency: settings.currency, scale: settings.numberScale })}`,
          ].join('\n'),
        );
      }),
    );
}
