// Pure retention maths for the diagnostics. Inputs are compact, pre-aggregated structures (inputs.ts) that SQL
// produces cheaply; outputs are plain data for the contract, the dashboard and reports.
export * from './days';
export * from './periods';
export * from './inputs';
export * from './figures';
export * from './activity';
export * from './retention';
export * from './revenue-retention';
export * from './cohorts';
export * from './rfm';
export * from './tiers';
export * from './lifecycle';
export * from './breakdown';
export * from './formulas';
export * from './params';
export * from './run-result';
export * from './diagnose';
export * from './drill';
export * from './compare';
export * from './window';
export * from './edges';
export * from './repeat';
export * from './cohort-range';
export * from './change-tone';
export * from './trend-range';
