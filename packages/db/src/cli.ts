/**
 * Database chores for scripts/start and scripts/test:
 *   node dist/cli.js create | migrate | drop      (reads DATABASE_URL)
 */
import { dropDatabase, ensureDatabase, runMigrations } from './database-admin';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (e.g. mysql://root@127.0.0.1:3306/sen)');
  const command = process.argv[2];
  switch (command) {
    case 'create':
      await ensureDatabase(url);
      break;
    case 'migrate': {
      await ensureDatabase(url);
      const applied = await runMigrations(url);
      console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema is up to date');
      break;
    }
    case 'drop':
      await dropDatabase(url);
      break;
    default:
      throw new Error(`unknown command "${command ?? ''}": use create, migrate or drop`);
  }
}

main().catch((err: unknown) => {
  console.error(`sen-db: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
