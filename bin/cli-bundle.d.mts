// Types of cli-bundle.mjs, for the TypeScript that imports it (the import benchmark).
export declare const root: string;
export declare const cliBundle: string;
export declare function cliBundleIsFresh(): boolean;
