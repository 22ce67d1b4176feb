import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day a request's coarse, survivor-facing status (searching / news / ended) last changed.
 * A trigger keeps it, so every writer of `status` – today's and those of later features – moves it
 * in the same transaction, and only when the coarse status changes: candidates, confirmations and a
 * pending or refused consent leave it alone (docs/decisions/0010-survivor-status.md).
 * The mapping repeats src/case-status/coarse-status.ts on purpose (a migration keeps meaning what it
 * meant); an integration test checks the two agree for every status.
 */
export class CoarseStatusSince1764400000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION coarse_request_status(status text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
        SELECT CASE
          WHEN status = 'contact_shared' THEN 'news'
          WHEN status IN ('withdrawn', 'closed', 'closed_no_match') THEN 'ended'
          ELSE 'searching'
        END
      $$`);
    await q.query(`ALTER TABLE tracing_request ADD COLUMN coarse_status_since date`);
    // Existing requests: the last request-level change that moved the coarse status, else the day of intake.
    await q.query(`
      UPDATE tracing_request r SET coarse_status_since = coalesce(
        (SELECT (max(c.changed_at) AT TIME ZONE 'UTC')::date FROM status_change c
          WHERE c.request_id = r.id AND c.person_id IS NULL
            AND coarse_request_status(c.to_status) IS DISTINCT FROM coarse_request_status(c.from_status)),
        (r.created_at AT TIME ZONE 'UTC')::date)`);
    await q.query(`ALTER TABLE tracing_request ALTER COLUMN coarse_status_since SET NOT NULL`);
    // A day in UTC, not a timestamp: a time of day could be lined up with a reviewer's working hours.
    await q.query(`
      CREATE FUNCTION tracing_request_coarse_status_since() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR coarse_request_status(NEW.status) IS DISTINCT FROM coarse_request_status(OLD.status) THEN
          NEW.coarse_status_since := (now() AT TIME ZONE 'UTC')::date;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tracing_request_coarse_status_since BEFORE INSERT OR UPDATE ON tracing_request
      FOR EACH ROW EXECUTE FUNCTION tracing_request_coarse_status_since()`);
    // The closing schedule reads open requests by the day their search started.
    await q.query(`CREATE INDEX tracing_request_open_since ON tracing_request (coarse_status_since) WHERE lifecycle = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tracing_request_open_since`);
    await q.query(`DROP TRIGGER tracing_request_coarse_status_since ON tracing_request`);
    await q.query(`DROP FUNCTION tracing_request_coarse_status_since()`);
    await q.query(`ALTER TABLE tracing_request DROP COLUMN coarse_status_since`);
    await q.query(`DROP FUNCTION coarse_request_status(text)`);
  }
}
