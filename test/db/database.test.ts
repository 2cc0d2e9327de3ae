import { describe, expect, it } from 'vitest';
import { isPostgres } from '../../src/db/database.js';
import { WriteBatcher } from '../../src/db/writeBatcher.js';
import { countParticipation } from '../../src/repositories/assessments.js';
import { buildTestApp, openTestDatabase, TEST_PG_URL } from '../helpers.js';

describe(`the test database (${TEST_PG_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('is the one this run is for', async () => {
    // Guards the PostgreSQL run against silently testing SQLite again.
    expect(isPostgres(await openTestDatabase())).toBe(Boolean(TEST_PG_URL));
  });

  it('numbers responses in the order they were stored', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const links = await t.invite(token, assessmentId, 'staff', 5);
    for (const link of links) {
      await t.call('PUT', `/api/v1/respond/${link.token}/answers`, { json: { answers: { 'org.know': 2 } } });
      await t.call('POST', `/api/v1/respond/${link.token}/submit`);
    }
    const rows = await t.db.selectFrom('invitations').innerJoin('responses', 'responses.invitation_id', 'invitations.id').select(['invitations.id', 'responses.seq']).orderBy('responses.seq').execute();
    expect(rows.map((r) => r.id)).toEqual(links.map((l) => l.id));
    expect(rows.every((r) => typeof r.seq === 'number')).toBe(true);
  });

  it('gives counts as numbers through the repositories, although PostgreSQL returns count(*) as text', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    await t.invite(token, assessmentId, 'staff', 3);
    const raw = await t.db.selectFrom('invitations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(raw.n).toBe(TEST_PG_URL ? '3' : 3);
    expect(await countParticipation(t.db, assessmentId)).toEqual({ invited: 3, submitted: 0, inProgress: 0 });
  });
});

describe.skipIf(!TEST_PG_URL)('PostgreSQL specifics', () => {
  it('migrates a schema while another schema of the same database holds migrated tables', async () => {
    // Kysely's migrator saw the other schema's kysely_migration_lock as its own and then could not find it.
    const [first, second] = [await openTestDatabase(), await openTestDatabase()];
    await first.selectFrom('users').select('id').execute();
    await second.selectFrom('users').select('id').execute();
  });

  const failure = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

  it('runs a write again when it loses a deadlock or a serialization check, and never retries other errors', async () => {
    const writes = new WriteBatcher(await openTestDatabase());
    let attempts = 0;
    await expect(writes.run(async () => (++attempts < 3 ? Promise.reject(failure(attempts === 1 ? '40001' : '40P01')) : 'stored'))).resolves.toBe('stored');
    expect(attempts).toBe(3);
    attempts = 0;
    await expect(writes.run(async () => (++attempts, Promise.reject(failure('23505'))))).rejects.toThrow('pg 23505');
    expect(attempts).toBe(1);
  });
});
