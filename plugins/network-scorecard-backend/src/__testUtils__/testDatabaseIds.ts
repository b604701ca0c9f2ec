import { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * SQLite always; PostgreSQL 15 whenever a server is given
 * (`npm test` starts one and sets the variable).
 */
export function testDatabaseIds(): TestDatabaseId[] {
  return process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    ? ['SQLITE_3', 'POSTGRES_15']
    : ['SQLITE_3'];
}
