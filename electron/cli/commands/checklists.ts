import type { Command } from 'commander';

export function registerChecklistsCommands(_program: Command): void {}
