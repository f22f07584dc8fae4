/**
 * `npm run import-reference -- --edition ../shared/bench/edition.json --as LOGIN`
 * imports a reference-format edition into the Galley of DATA_DIR (as the
 * member LOGIN): articles in English and Spanish, pictures through the
 * picture desk, and a layout per language, ready on the layout desk.
 */
import { configFromEnv } from '../config';
import { openDatabase } from '../db/database';
import { importReferenceEdition } from './importReference';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const file = arg('edition');
  const login = arg('as');
  if (!file || !login) throw new Error('usage: npm run import-reference -- --edition FILE.json --as LOGIN');
  const config = configFromEnv();
  const db = openDatabase(config.dataDir);
  const member = db.prepare('SELECT id FROM members WHERE login = ?').get(login) as { id: string } | undefined;
  if (!member) throw new Error(`no member "${login}" in ${config.dataDir}`);
  // A one-shot command: nothing of the import needs cleaning up after it but the database, closed below.
  const { editionId, articleIds } = await importReferenceEdition({ config, db, onClose: () => undefined }, file, member.id);
  console.log(`imported edition ${editionId} with ${articleIds.size} articles; open /editions/${editionId}/layout`);
  db.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
