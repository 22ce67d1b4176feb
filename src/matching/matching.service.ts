import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import type { MatchPersonJob } from '../queue/matching-jobs.js';
import { TracingRequest } from '../tracing-requests/entities/tracing-request.entity.js';
import { recordStatusChange, refreshRequestStatus } from '../tracing-requests/status-recorder.js';

export type MatchOutcome = 'searching' | 'gone' | 'superseded' | 'request_closed';

/**
 * Runs one match job. The matcher itself (blocking, scoring, candidates) comes with the matcher
 * issue; for now the job moves a submitted sought person, and so the request, to `searching`.
 * The state is re-read under a lock first, so a redelivered or stale job changes nothing.
 */
@Injectable()
export class MatchingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  matchPerson(job: MatchPersonJob): Promise<MatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const person = await manager.findOne(PersonRecord, { where: { id: job.personId } });
      if (!person) return 'gone';
      // Lock the request first, as writers do, so the derived status is computed on a stable set.
      const request = await manager.findOne(TracingRequest, { where: { id: person.requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request) return 'gone';
      if (request.lifecycle !== 'open') return 'request_closed';
      const current = await manager.findOneOrFail(PersonRecord, { where: { id: job.personId }, lock: { mode: 'pessimistic_write' } });
      if (current.version > job.personVersion) return 'superseded';

      if (current.role === 'sought' && current.status === 'submitted') {
        await manager.update(PersonRecord, { id: current.id }, { status: 'searching' });
        await recordStatusChange(manager, {
          requestId: request.id,
          personId: current.id,
          from: current.status,
          to: 'searching',
          reasonCode: 'matching_started',
          by: null,
        });
      }
      await refreshRequestStatus(manager, request.id, { reasonCode: 'matching_started', by: null });
      return 'searching';
    });
  }
}
