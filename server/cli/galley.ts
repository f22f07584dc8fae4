import path from 'node:path';
import { backup, restore } from './backup';
import { CliError } from './errors';
import { sweepFiles } from './sweep';
import { userAdd } from './userAdd';

/**
 * `npm run galley -- <command>`: administration from the command line,
 * working on the same DATA_DIR as the server (default ./data).
 */
const USAGE = `Usage: npm run galley -- <command>

  user:add --login NAME [--role admin|member|contributor] [--name "Display name"]
        Adds an account; the password is read from standard input.
  backup DIR
        Writes a consistent copy of the database and the picture files to the new
        folder DIR, also while the server runs.
  restore DIR
        Replaces the database and picture files with the backup in DIR (stop the
        server first); the current ones are kept beside them. A single database
        file from an earlier backup restores the database only.
  files:sweep
        Removes picture files (originals, renditions) that no picture uses any more.

The data folder is DATA_DIR (default ./data).`;

function parseOptions(args: string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) options.set(arg.slice(2, eq), arg.slice(eq + 1));
      else {
        const value = args[i + 1];
        if (value === undefined || value.startsWith('--')) throw new CliError(`${arg} needs a value.`);
        options.set(arg.slice(2), value);
        i++;
      }
    } else positional.push(arg);
  }
  return { positional, options };
}

async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  const dataDir = path.resolve(process.env.DATA_DIR || './data');
  const { positional, options } = parseOptions(rest);
  switch (command) {
    case 'user:add':
      return userAdd(dataDir, options);
    case 'backup':
    case 'restore': {
      const file = positional[0];
      if (!file || positional.length > 1) throw new CliError(`Give one folder: npm run galley -- ${command} DIR`);
      return command === 'backup' ? backup(dataDir, file) : restore(dataDir, file);
    }
    case 'files:sweep':
      if (positional.length) throw new CliError('files:sweep takes no arguments.');
      return sweepFiles(dataDir);
    case undefined:
    case 'help':
    case '--help':
      return USAGE;
    default:
      throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

run(process.argv.slice(2)).then(
  (message) => {
    console.log(message);
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err instanceof CliError ? err.message : err);
    process.exit(1);
  },
);
