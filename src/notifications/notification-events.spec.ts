import fc from 'fast-check';
import { buildWebhookBody, type NotificationEvent, notificationProblem } from './notification-events.js';

const UUID_A = '6f1c1f43-4b52-4c41-8a7b-0c4a6c1f2d3e';
const UUID_B = '0b8a3a8e-2a41-4c1e-9d4b-3f7e2c1d0a9b';

const event = (overrides: Partial<Record<keyof NotificationEvent, unknown>> = {}) =>
  ({
    eventId: UUID_A,
    organisationId: UUID_B,
    type: 'request.status_changed',
    occurredAt: '2026-11-26T15:00:00.000Z',
    ids: { requestId: UUID_B },
    status: 'possible_match',
    ...overrides,
  }) as NotificationEvent;

describe('notification events', () => {
  it('builds the body from the id, type, time, ids and status only (not the organisation)', () => {
    expect(JSON.parse(buildWebhookBody(event()))).toEqual({
      id: UUID_A,
      type: 'request.status_changed',
      occurredAt: '2026-11-26T15:00:00.000Z',
      ids: { requestId: UUID_B },
      status: 'possible_match',
    });
    expect(
      JSON.parse(buildWebhookBody(event({ type: 'candidate.waiting_for_review', ids: { candidateMatchId: UUID_B }, status: undefined }))),
    ).toEqual({
      id: UUID_A,
      type: 'candidate.waiting_for_review',
      occurredAt: '2026-11-26T15:00:00.000Z',
      ids: { candidateMatchId: UUID_B },
    });
  });

  it('builds the same bytes for the same event, so each retry signs the same body', () => {
    expect(buildWebhookBody(event())).toBe(buildWebhookBody({ ...event(), ids: { requestId: UUID_B } }));
  });

  it.each([
    ['a human reference as an id', { ids: { requestId: 'TR-2026-000123' } }, 'requestId must be a UUID'],
    ['a name under an unknown key', { ids: { requestId: UUID_B, name: UUID_A } }, 'ids has a key that is not an id name'],
    ['a missing required id', { type: 'decision.made', ids: { candidateMatchId: UUID_B }, status: undefined }, 'missing decisionId'],
    ['an unknown type', { type: 'person.found' }, 'unknown type'],
    [
      'a fine status on the enquirer-facing event',
      { type: 'enquirer_status.changed', status: 'possible_match' },
      'status must be a coarse status',
    ],
    ['a status on an event without one', { type: 'consent.recorded', ids: { consentId: UUID_B } }, 'this type carries no status'],
    ['free text as a status', { status: 'Found in Aleppo' }, 'status must be a request status'],
    ['a local time', { occurredAt: '2026-11-26 15:00' }, 'occurredAt must be an ISO 8601 UTC time'],
    ['an extra field', { note: 'x' }, 'unknown fields'],
  ])('refuses %s', (_, overrides, problem) => {
    expect(notificationProblem(event(overrides as never))).toBe(problem);
    expect(() => buildWebhookBody(event(overrides as never))).toThrow(/refusing to send/);
  });

  it('accepts no string as an id unless it is a UUID', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text));
        expect(notificationProblem(event({ ids: { requestId: text } }))).toBe('requestId must be a UUID');
      }),
    );
  });

  it('lets the enquirer-facing event carry the coarse status and the request id only', () => {
    const body = JSON.parse(buildWebhookBody(event({ type: 'enquirer_status.changed', status: 'ended' })));
    expect(body).toEqual({
      id: UUID_A,
      type: 'enquirer_status.changed',
      occurredAt: '2026-11-26T15:00:00.000Z',
      ids: { requestId: UUID_B },
      status: 'ended',
    });
  });
});
