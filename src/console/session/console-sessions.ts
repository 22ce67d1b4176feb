import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment.js';

/** Whom a live console session belongs to (the auth guard re-checks the account on every request). */
export interface ConsoleSessionOwner {
  userId: string;
  organisationId: string;
  sessionGeneration: number;
}

/** However active, a session ends this long after sign-in. */
const ABSOLUTE_HOURS = 12;

const hashOf = (id: string): Buffer => createHash('sha256').update(id, 'utf8').digest();

/** Server-side sessions (table console_session): open at sign-in, resumed per request, closed at sign-out or when idle. */
@Injectable()
export class ConsoleSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  /** A new session; returns the id for the cookie (256 random bits). Sessions that ran out are swept on the way. */
  async open(owner: ConsoleSessionOwner): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `DELETE FROM console_session
        WHERE last_seen_at < now() - make_interval(mins => $1) OR created_at < now() - make_interval(hours => $2)`,
      [this.env.CONSOLE_IDLE_MINUTES, ABSOLUTE_HOURS],
    );
    await this.dataSource.query(
      `INSERT INTO console_session (id_hash, user_id, organisation_id, session_generation) VALUES ($1, $2, $3, $4)`,
      [hashOf(id), owner.userId, owner.organisationId, owner.sessionGeneration],
    );
    return id;
  }

  /** The session's owner, its idle clock restarted; null when unknown, idle too long or too old. One statement. */
  async resume(id: string): Promise<ConsoleSessionOwner | null> {
    const [rows]: [{ userId: string; organisationId: string; sessionGeneration: number }[], number] = await this.dataSource.query(
      `UPDATE console_session SET last_seen_at = now()
        WHERE id_hash = $1
          AND last_seen_at >= now() - make_interval(mins => $2)
          AND created_at >= now() - make_interval(hours => $3)
        RETURNING user_id AS "userId", organisation_id AS "organisationId", session_generation AS "sessionGeneration"`,
      [hashOf(id), this.env.CONSOLE_IDLE_MINUTES, ABSOLUTE_HOURS],
    );
    return rows[0] ?? null;
  }

  async close(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM console_session WHERE id_hash = $1`, [hashOf(id)]);
  }
}
