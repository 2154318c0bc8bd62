// The reports domain's channels. Spread into the contract in ./index.ts.
export const reportsChannels = {};
