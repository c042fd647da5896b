import { dropDatabase } from '@sen/db';

export default async function globalTeardown(): Promise<void> {
  const own = process.env.SEN_TEST_OWN_DB;
  if (own) await dropDatabase(own);
}
