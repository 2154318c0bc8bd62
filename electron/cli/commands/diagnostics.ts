import type { Command } from 'commander';

export function registerDiagnosticsCommands(_program: Command): void {}
