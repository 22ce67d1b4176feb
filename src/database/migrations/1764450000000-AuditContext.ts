import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail also says in which role the actor acted and which request the event concerns,
 * so an auditor can follow one case; both are codes and ids, nothing personal.
 */
export class AuditContext1764450000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_event
        ADD COLUMN actor_roles text[] CHECK (cardinality(actor_roles) <= 5 AND actor_roles <@ ARRAY['officer', 'reviewer', 'caseworker', 'admin', 'auditor']::text[]),
        ADD COLUMN request_id uuid`);
    await q.query(`CREATE INDEX audit_event_request ON audit_event (request_id, occurred_at DESC) WHERE request_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_request`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN actor_roles, DROP COLUMN request_id`);
  }
}
