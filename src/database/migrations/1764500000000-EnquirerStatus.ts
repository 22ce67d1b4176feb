import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the enquirer hears, kept apart from the request's real coarse status so that the end of the
 * search period reads the same for every search (docs/decisions/0018-search-period-end.md):
 * - `search_started_on`: the day of intake, or of the last reopening; the search period counts from it;
 * - `enquirer_status` / `enquirer_status_since`: searching / news / ended and its day. They follow the
 *   coarse status, except that once the period has run out the schedule sets them to `ended` for every
 *   search still without news – one with a candidate in review as well as one with none – and a later
 *   closure of that request leaves them alone. Without that, a request still "searching" after the
 *   period, or "ended" on an odd day, would tell anyone who knows the period that someone was found.
 * `coarse_status_since` keeps the real day of the last coarse change (retention counts from it).
 */
export class EnquirerStatus1764500000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tracing_request
        ADD COLUMN search_started_on date,
        ADD COLUMN enquirer_status text,
        ADD COLUMN enquirer_status_since date`);
    await q.query(`
      UPDATE tracing_request SET
        search_started_on = CASE WHEN coarse_request_status(status) = 'searching' THEN coarse_status_since
                                 ELSE (created_at AT TIME ZONE 'UTC')::date END,
        enquirer_status = coarse_request_status(status),
        enquirer_status_since = coarse_status_since`);
    await q.query(`
      ALTER TABLE tracing_request
        ALTER COLUMN search_started_on SET NOT NULL,
        ALTER COLUMN enquirer_status SET NOT NULL,
        ALTER COLUMN enquirer_status_since SET NOT NULL,
        ADD CONSTRAINT tracing_request_enquirer_status_check CHECK (enquirer_status IN ('searching', 'news', 'ended'))`);
    // Same trigger, more columns: every writer of `status` keeps all of them in its own transaction.
    await q.query(`
      CREATE OR REPLACE FUNCTION tracing_request_coarse_status_since() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        today date := (now() AT TIME ZONE 'UTC')::date;
        coarse text := coarse_request_status(NEW.status);
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.coarse_status_since := today;
          NEW.search_started_on := today;
          NEW.enquirer_status := coarse;
          NEW.enquirer_status_since := today;
        ELSIF coarse IS DISTINCT FROM coarse_request_status(OLD.status) THEN
          NEW.coarse_status_since := today;
          -- a reopened search starts a new period
          IF coarse_request_status(OLD.status) = 'ended' AND coarse = 'searching' THEN
            NEW.search_started_on := today;
          END IF;
          -- a closure after the period's end was already told as "ended", on the period's day
          IF coarse IS DISTINCT FROM OLD.enquirer_status THEN
            NEW.enquirer_status := coarse;
            NEW.enquirer_status_since := today;
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`DROP INDEX tracing_request_open_since`);
    // The closing schedule reads open requests by the day their search started.
    await q.query(`CREATE INDEX tracing_request_open_search_started ON tracing_request (search_started_on) WHERE lifecycle = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tracing_request_open_search_started`);
    await q.query(`CREATE INDEX tracing_request_open_since ON tracing_request (coarse_status_since) WHERE lifecycle = 'open'`);
    await q.query(`
      CREATE OR REPLACE FUNCTION tracing_request_coarse_status_since() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR coarse_request_status(NEW.status) IS DISTINCT FROM coarse_request_status(OLD.status) THEN
          NEW.coarse_status_since := (now() AT TIME ZONE 'UTC')::date;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      ALTER TABLE tracing_request
        DROP COLUMN enquirer_status_since, DROP COLUMN enquirer_status, DROP COLUMN search_started_on`);
  }
}
