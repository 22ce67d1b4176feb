import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/database/data-source-options.js';
import { recordNotification, recordNotifications } from '../../../src/notifications/record-notification.js';
import { holdingOutboxRows } from '../../../src/outbox/outbox-rows.js';

/** What other features call inside their own transactions (decision.made, consent.recorded, ...). */
describe('recordNotification', () => {
  const db = new DataSource(dataSourceOptions(process.env.DATABASE_URL!));
  const organisationId = randomUUID();
  const rowsOf = async (id: string) =>
    db.query(`SELECT topic, payload FROM outbox_message WHERE topic = 'notification' AND payload->'ids'->>'decisionId' = $1`, [id]);

  beforeAll(async () => {
    await db.initialize();
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('writes the event with the change, in the caller’s transaction', async () => {
    const decisionId = randomUUID();
    const candidateMatchId = randomUUID();
    const eventId = await db.transaction((manager) =>
      recordNotification(manager, { organisationId, type: 'decision.made', ids: { candidateMatchId, decisionId } }),
    );
    expect(await rowsOf(decisionId)).toEqual([
      {
        topic: 'notification',
        payload: { eventId, organisationId, type: 'decision.made', occurredAt: expect.any(String), ids: { candidateMatchId, decisionId } },
      },
    ]);
  });

  it('writes several events in the order given, so the relay sends them in that order', async () => {
    const decisionIds = Array.from({ length: 5 }, () => randomUUID());
    const eventIds = await db.transaction((manager) =>
      recordNotifications(
        manager,
        decisionIds.map((decisionId) => ({
          organisationId,
          type: 'decision.made' as const,
          ids: { candidateMatchId: randomUUID(), decisionId },
        })),
      ),
    );
    const rows: { payload: { eventId: string; ids: { decisionId: string } } }[] = await db.query(
      `SELECT payload FROM outbox_message WHERE topic = 'notification' AND payload->'ids'->>'decisionId' = ANY($1::text[]) ORDER BY id`,
      [decisionIds],
    );
    expect(rows.map((row) => row.payload.ids.decisionId)).toEqual(decisionIds);
    expect(rows.map((row) => row.payload.eventId)).toEqual(eventIds);
  });

  it('held back by holdingOutboxRows, writes events of several calls at the end in one statement, in order', async () => {
    const decisionIds = Array.from({ length: 4 }, () => randomUUID());
    const event = (decisionId: string) => ({
      organisationId,
      type: 'decision.made' as const,
      ids: { candidateMatchId: randomUUID(), decisionId },
    });
    const storedIds = () =>
      db.query(
        `SELECT o.payload->'ids'->>'decisionId' AS id FROM outbox_message o WHERE o.payload->'ids'->>'decisionId' = ANY($1::text[]) ORDER BY o.id`,
        [decisionIds],
      );
    const seenInside = await db.transaction((manager) =>
      holdingOutboxRows(manager, async () => {
        await recordNotifications(manager, decisionIds.slice(0, 2).map(event));
        // A nested hold leaves the writing to the outer one.
        await holdingOutboxRows(manager, () => recordNotification(manager, event(decisionIds[2])));
        await recordNotification(manager, event(decisionIds[3]));
        return manager.query(`SELECT count(*)::int AS n FROM outbox_message WHERE payload->'ids'->>'decisionId' = ANY($1::text[])`, [
          decisionIds,
        ]);
      }),
    );
    expect(seenInside).toEqual([{ n: 0 }]);
    expect((await storedIds()).map((row: { id: string }) => row.id)).toEqual(decisionIds);

    // Work that fails writes nothing it held, and the next writes through the manager are not held any more.
    const [failed, after] = [randomUUID(), randomUUID()];
    const visibleAfterFailure = await db.transaction(async (manager) => {
      await expect(
        holdingOutboxRows(manager, async () => {
          await recordNotification(manager, event(failed));
          throw new Error('the job failed');
        }),
      ).rejects.toThrow('the job failed');
      await recordNotification(manager, event(after));
      return manager.query(
        `SELECT payload->'ids'->>'decisionId' AS id FROM outbox_message WHERE payload->'ids'->>'decisionId' = ANY($1::text[])`,
        [[failed, after]],
      );
    });
    expect(visibleAfterFailure).toEqual([{ id: after }]);
  });

  it('leaves nothing when the change rolls back', async () => {
    const decisionId = randomUUID();
    await expect(
      db.transaction(async (manager) => {
        await recordNotification(manager, { organisationId, type: 'decision.made', ids: { candidateMatchId: randomUUID(), decisionId } });
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await rowsOf(decisionId)).toEqual([]);
  });

  it('refuses a reference or a name in place of an id, and the change with it', async () => {
    const decisionId = randomUUID();
    await expect(
      db.transaction((manager) =>
        recordNotification(manager, { organisationId, type: 'decision.made', ids: { candidateMatchId: 'TR-2026-000123', decisionId } }),
      ),
    ).rejects.toThrow('malformed notification: candidateMatchId must be a UUID');
    expect(await rowsOf(decisionId)).toEqual([]);
  });
});
