export function inputsFingerprint(root: string, inputs: string[]): string
export function buildIfChanged(root: string, opts: { inputs: string[]; output: string; build: string[] }): boolean
