/**
 * queryPrepared (decision 0034): a statement is parsed once per connection and runs on the
 * manager's own connection, so inside a transaction it sees the transaction's work and locks.
 */
import { DataSource } from 'typeorm';
import { queryPrepared } from '../../../src/database/prepared-query.js';

const ROLE_SQL = `SELECT current_setting('application_name') AS name, $1::int + 1 AS next`;

describe('queryPrepared', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 2 } });
    await db.initialize();
  });

  afterAll(() => db.destroy());

  it("runs inside the manager's transaction, on its connection", async () => {
    const seen = await db.transaction(async (manager) => {
      await manager.query(`SET LOCAL application_name = 'prepared-query-test'`);
      return queryPrepared<{ name: string; next: number }>(manager, ROLE_SQL, [41]);
    });
    expect(seen).toEqual([{ name: 'prepared-query-test', next: 42 }]);
  });

  it('prepares a statement once per connection, however often it runs, and returns its connection to the pool', async () => {
    const runs = 12;
    for (let i = 0; i < runs; i += 1) {
      // Outside a transaction: each run borrows a connection and gives it back (a pool of two
      // would be exhausted by the third run otherwise).
      expect(await queryPrepared<{ next: number }>(db.manager, ROLE_SQL, [i])).toEqual([expect.objectContaining({ next: i + 1 })]);
    }
    const runner = db.createQueryRunner();
    try {
      await runner.connect();
      for (let i = 0; i < 7; i += 1) await queryPrepared(runner.manager, ROLE_SQL, [i]);
      const prepared: { statement: string; runs: number }[] = await runner.query(
        `SELECT statement, generic_plans + custom_plans AS runs FROM pg_prepared_statements WHERE statement = $1`,
        [ROLE_SQL],
      );
      expect(prepared).toHaveLength(1);
      expect(Number(prepared[0].runs)).toBeGreaterThanOrEqual(7);
    } finally {
      await runner.release();
    }
  });

  it('prepares a statement again after its first run failed in an aborted transaction', async () => {
    const text = `SELECT $1::int * 2 AS doubled`;
    const runner = db.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await expect(runner.query(`SELECT 1 / 0`)).rejects.toThrow(/division by zero/);
      // Parsing is refused in the aborted transaction: the statement must not count as prepared.
      await expect(queryPrepared(runner.manager, text, [1])).rejects.toThrow(/aborted/);
      await runner.rollbackTransaction();
      expect(await queryPrepared(runner.manager, text, [21])).toEqual([{ doubled: 42 }]);
    } finally {
      await runner.release();
    }
  });

  it('returns the rows of an UPDATE … RETURNING, not a [rows, count] pair', async () => {
    const rows = await db.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE prepared_query_probe (id int PRIMARY KEY, seen boolean NOT NULL) ON COMMIT DROP`);
      await manager.query(`INSERT INTO prepared_query_probe VALUES (1, false), (2, false)`);
      return queryPrepared<{ id: number }>(manager, `UPDATE prepared_query_probe SET seen = true WHERE id = ANY($1::int[]) RETURNING id`, [
        [2],
      ]);
    });
    expect(rows).toEqual([{ id: 2 }]);
  });
});
