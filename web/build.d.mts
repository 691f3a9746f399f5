/** Types of build.mjs, for the browser tests that build the app before they start. */
export declare const OUT: string
export declare function sourceHash(): string
export declare function isBuildCurrent(hash?: string): boolean
export declare function buildWeb(opts?: { force?: boolean; quiet?: boolean }): Promise<boolean>
