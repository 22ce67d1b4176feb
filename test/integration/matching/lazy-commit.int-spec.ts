/**
 * A match job's transaction commits without waiting for the disk (decision 0033); the setting must
 * end with that transaction, or the next work on the same pooled connection – an officer's write –
 * would commit lazily too.
 */
import { DataSource } from 'typeorm';
import { COMMIT_WITHOUT_WAITING_FOR_DISK_COLUMN, commitWithoutWaitingForDisk } from '../../../src/matching/lazy-commit.js';

describe('lazy commit of a match job', () => {
  let db: DataSource;

  beforeAll(async () => {
    // One connection, so the transaction after it runs on the very same session.
    db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 1 } });
    await db.initialize();
  });

  afterAll(() => db.destroy());

  it('is off inside the match transaction and on again in the next one on the same connection', async () => {
    const inside = await db.transaction(async (manager) => {
      await commitWithoutWaitingForDisk(manager);
      const [row] = await manager.query(`SHOW synchronous_commit`);
      return row.synchronous_commit as string;
    });
    expect(inside).toBe('off');
    const after = await db.transaction(async (manager) => (await manager.query(`SHOW synchronous_commit`))[0].synchronous_commit as string);
    expect(after).toBe('on');
    expect((await db.query(`SHOW synchronous_commit`))[0].synchronous_commit).toBe('on');
  });

  it("is the same as a column of a statement (the match job's lock), and ends with the transaction too", async () => {
    const inside = await db.transaction(async (manager) => {
      await manager.query(`SELECT ${COMMIT_WITHOUT_WAITING_FOR_DISK_COLUMN}`);
      return (await manager.query(`SHOW synchronous_commit`))[0].synchronous_commit as string;
    });
    expect(inside).toBe('off');
    expect((await db.query(`SHOW synchronous_commit`))[0].synchronous_commit).toBe('on');
  });

  it('ends with a rolled-back transaction as well', async () => {
    await expect(
      db.transaction(async (manager) => {
        await commitWithoutWaitingForDisk(manager);
        throw new Error('the job failed');
      }),
    ).rejects.toThrow('the job failed');
    expect((await db.query(`SHOW synchronous_commit`))[0].synchronous_commit).toBe('on');
  });
});
