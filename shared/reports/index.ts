export * from './model';
export * from './format';
export * from './colour-rules';
export * from './pseudonymise';
export { reportText, type ReportMessageKey } from './messages';
export * from './definition';
