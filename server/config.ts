import path from 'node:path';

/** Runtime configuration, read once from the environment with safe defaults. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Seed a demo collective, edition and articles into an empty database. */
  seedDemo: boolean;
  /** Print the admin set-up link and other first-run notes to the console. */
  log: (message: string) => void;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    seedDemo: env.GALLEY_NO_DEMO !== '1',
    log: (message) => console.log(message),
  };
}
