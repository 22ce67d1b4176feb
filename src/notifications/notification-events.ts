import type { CoarseStatus } from '../case-status/coarse-status.js';
import { REQUEST_STATUSES, type RequestStatus } from '../tracing-requests/request-vocabulary.js';

/** Who a receiver speaks to: the organisation's staff, or the service that keeps enquirers informed. */
export const RECEIVER_AUDIENCES = ['staff', 'enquirer'] as const;
export type ReceiverAudience = (typeof RECEIVER_AUDIENCES)[number];

/** Events staff must act on; each goes to the staff-facing receivers of one organisation. */
export const STAFF_EVENT_TYPES = ['candidate.waiting_for_review', 'decision.made', 'consent.recorded', 'request.status_changed'] as const;
/** The one event an enquirer-facing receiver hears: the coarse status changed, by the rules of case-status/coarse-status.ts. */
export const ENQUIRER_EVENT_TYPES = ['enquirer_status.changed'] as const;
export const NOTIFICATION_TYPES = [...STAFF_EVENT_TYPES, ...ENQUIRER_EVENT_TYPES] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The only keys an event's ids may have: opaque database ids, never a human reference. */
export const NOTIFICATION_ID_NAMES = ['requestId', 'personId', 'candidateMatchId', 'decisionId', 'consentId'] as const;
export type NotificationIdName = (typeof NOTIFICATION_ID_NAMES)[number];
export type NotificationIds = Partial<Record<NotificationIdName, string>>;

/** Ids each type must carry (more from NOTIFICATION_ID_NAMES are allowed). */
export const REQUIRED_IDS: Record<NotificationType, readonly NotificationIdName[]> = {
  'candidate.waiting_for_review': ['candidateMatchId'],
  'decision.made': ['candidateMatchId', 'decisionId'],
  'consent.recorded': ['consentId'],
  'request.status_changed': ['requestId'],
  'enquirer_status.changed': ['requestId'],
};

/** What may follow the ids: a status code of the event's own vocabulary, nothing else. */
export type NotificationStatus = RequestStatus | CoarseStatus;

/** An event as recorded in the outbox and carried by each delivery job. */
export interface NotificationEvent {
  /** UUID; with the receiver's id, the idempotency key of each delivery */
  eventId: string;
  organisationId: string;
  type: NotificationType;
  /** ISO 8601, UTC */
  occurredAt: string;
  ids: NotificationIds;
  /** request.status_changed: the new request status; enquirer_status.changed: the new coarse status */
  status?: NotificationStatus;
}

/** The JSON body a receiver gets. */
export interface WebhookBody {
  id: string;
  type: NotificationType;
  occurredAt: string;
  ids: NotificationIds;
  status?: NotificationStatus;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const REQUEST_STATUS_CODES: readonly string[] = REQUEST_STATUSES;
const COARSE_STATUS_CODES: readonly string[] = ['searching', 'news', 'ended'] satisfies readonly CoarseStatus[];

export function audienceOf(type: NotificationType): ReceiverAudience {
  return (ENQUIRER_EVENT_TYPES as readonly string[]).includes(type) ? 'enquirer' : 'staff';
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Why an event may not be sent, or undefined when it may: every id a UUID under a known name, the
 * required ids present, a status only where the type has one and from its vocabulary. Anything
 * else (a reference, a name, free text) is refused here, before it reaches the outbox or a receiver.
 */
export function notificationProblem(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return 'not an object';
  const { eventId, organisationId, type, occurredAt, ids, status, ...rest } = event as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return 'unknown fields';
  if (!isUuid(eventId) || !isUuid(organisationId)) return 'eventId and organisationId must be UUIDs';
  if (typeof type !== 'string' || !(NOTIFICATION_TYPES as readonly string[]).includes(type)) return 'unknown type';
  if (typeof occurredAt !== 'string' || !ISO_UTC.test(occurredAt)) return 'occurredAt must be an ISO 8601 UTC time';
  if (typeof ids !== 'object' || ids === null || Array.isArray(ids)) return 'ids must be an object';
  for (const [name, value] of Object.entries(ids)) {
    if (!(NOTIFICATION_ID_NAMES as readonly string[]).includes(name)) return 'ids has a key that is not an id name';
    if (!isUuid(value)) return `${name} must be a UUID`;
  }
  const missing = REQUIRED_IDS[type as NotificationType].filter((name) => !(name in ids));
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  return statusProblem(type as NotificationType, status);
}

function statusProblem(type: NotificationType, status: unknown): string | undefined {
  if (type === 'request.status_changed')
    return REQUEST_STATUS_CODES.includes(status as string) ? undefined : 'status must be a request status';
  if (type === 'enquirer_status.changed')
    return COARSE_STATUS_CODES.includes(status as string) ? undefined : 'status must be a coarse status';
  return status === undefined ? undefined : 'this type carries no status';
}

export function isNotificationEvent(event: unknown): event is NotificationEvent {
  return notificationProblem(event) === undefined;
}

/** The receiver's body, built field by field so nothing else of the event (its organisation) goes out. */
export function buildWebhookBody(event: NotificationEvent): string {
  const problem = notificationProblem(event);
  if (problem) throw new Error(`refusing to send a malformed notification: ${problem}`);
  const ids: NotificationIds = {};
  for (const name of NOTIFICATION_ID_NAMES) if (event.ids[name]) ids[name] = event.ids[name];
  const body: WebhookBody = { id: event.eventId, type: event.type, occurredAt: event.occurredAt, ids };
  if (event.status !== undefined) body.status = event.status;
  return JSON.stringify(body);
}
