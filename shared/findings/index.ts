export * from './types';
export { proposeFindings, twoProportionZ, weakText, runText } from './propose';
export { reviewFindings, reportFindings } from './review';
