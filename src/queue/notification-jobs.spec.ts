import { deliveryKey, isDeliverWebhookJob } from './notification-jobs.js';

const event = {
  eventId: '6f1c1f43-4b52-4c41-8a7b-0c4a6c1f2d3e',
  organisationId: '0b8a3a8e-2a41-4c1e-9d4b-3f7e2c1d0a9b',
  type: 'candidate.waiting_for_review',
  occurredAt: '2026-11-26T15:00:00.000Z',
  ids: { candidateMatchId: '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f' },
} as const;
const receiverId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('webhook delivery jobs', () => {
  it('keys a delivery by event and receiver, the same every time, without a colon', () => {
    const key = deliveryKey({ receiverId, event });
    expect(key).toBe(deliveryKey({ receiverId, event: { ...event } }));
    expect(key).not.toBe(deliveryKey({ receiverId: event.organisationId, event }));
    expect(key).not.toContain(':');
  });

  it('accepts ids and codes only in a payload read back from Redis', () => {
    expect(isDeliverWebhookJob({ receiverId, event })).toBe(true);
    expect(isDeliverWebhookJob({ receiverId, event, url: 'https://x' })).toBe(false);
    expect(isDeliverWebhookJob({ receiverId, event: { ...event, ids: { candidateMatchId: 'Fatima' } } })).toBe(false);
    expect(isDeliverWebhookJob({ receiverId: 'x', event })).toBe(false);
    expect(isDeliverWebhookJob(null)).toBe(false);
  });
});
