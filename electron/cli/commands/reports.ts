import type { Command } from 'commander';

export function registerReportsCommands(_program: Command): void {}
