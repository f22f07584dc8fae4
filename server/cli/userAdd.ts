import { openDatabase } from '../db/database';
import { newId } from '../db/ids';
import { ROLES, findMemberRowByLogin, type Role } from '../auth/members';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { LIMITS } from '../../shared/limits';
import { readPassword } from './readPassword';
import { CliError } from './errors';

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `user:add --login NAME --role ROLE [--name "Display name"]`, password from standard input. */
export async function userAdd(dataDir: string, options: Map<string, string>): Promise<string> {
  const login = options.get('login')?.trim() ?? '';
  const role = (options.get('role') ?? 'member') as Role;
  const displayName = options.get('name')?.trim() || login;
  if (!login) throw new CliError('Give a login name: --login NAME');
  if (login.length < 2 || login.length > LIMITS.loginChars || !LOGIN.test(login)) {
    throw new CliError(
      `The login name must have 2 to ${LIMITS.loginChars} letters, digits, dots, dashes or underscores.`,
    );
  }
  if (!ROLES.includes(role)) throw new CliError(`--role must be one of: ${ROLES.join(', ')}`);
  if (displayName.length > LIMITS.displayNameChars) {
    throw new CliError(`--name must have at most ${LIMITS.displayNameChars} characters.`);
  }

  const password = await readPassword(`Password for ${login}: `);
  if (!password) throw new CliError('No password was given on standard input. Nothing was changed.');
  const problem = passwordProblem(password, login);
  if (problem) throw new CliError(`${problem} Nothing was changed.`);

  const db = openDatabase(dataDir);
  try {
    if (findMemberRowByLogin(db, login)) throw new CliError(`The login name "${login}" is taken. Nothing was changed.`);
    const hash = await hashPassword(password);
    db.prepare('INSERT INTO members (id, login, display_name, role, password_hash) VALUES (?, ?, ?, ?, ?)').run(
      newId(),
      login,
      displayName,
      role,
      hash,
    );
  } finally {
    db.close();
  }
  return `Added ${role} "${login}". They can log in now.`;
}
