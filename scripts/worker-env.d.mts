export declare const configNames: string[];
export declare const offlineWranglerEnv: Record<string, string>;
export declare function hyperdriveLocalUrl(databaseUrl: string, pgPassword?: string): string;
export declare function workerDevCommand(
  env: Record<string, string | undefined>,
  extraArgs?: string[],
):
  | { problem: string }
  | { problem?: undefined; args: string[]; env: Record<string, string>; port: string };
