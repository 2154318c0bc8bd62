import type { Command } from 'commander';

export function registerHealthCommands(_program: Command): void {}
