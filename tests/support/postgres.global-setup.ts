import { testPostgresUrl } from './postgres';

/** Before any suite: a PostgreSQL to run on, or the whole run fails saying why. Workers inherit the URL. */
export default async function postgresForTests(): Promise<void> {
  process.env.POSTGRES_URL = await testPostgresUrl();
}
