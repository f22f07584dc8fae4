import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { configFromEnv } from './config';
import { CLIENT_DIST, startServer } from './app';

/** `npm start`: build the client when it is missing, then serve everything on one port. */
async function main(): Promise<void> {
  const config = configFromEnv();
  if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    console.log('Building the client (first start)…');
    execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  }
  const galley = await startServer(config);
  console.log(`Galley is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${galley.port}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing writes and closing the database…`);
    galley.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
