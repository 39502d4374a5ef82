export declare const allowedImports: string[];
export declare const forbiddenText: string[];
export declare function checkWorkerBundle(outdir: string): string[];
