// Health scores, early-warning signals, action playbook and repair checks: pure logic.
export * from './dates';
export * from './facts';
export * from './metrics';
export * from './model';
export * from './score';
export * from './presets';
export * from './vocabulary';
export * from './signal-rules';
export * from './signals';
export * from './signal-dedupe';
export * from './playbook';
export * from './repair-check';
export * from './model-sources';
