/** The kinds of request the load benchmark sends, and in what proportions. Pure: no I/O. */

export const REQUEST_KINDS = ['create', 'read', 'case-status', 'review-queue', 'review-view'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export type TrafficMix = Readonly<Record<RequestKind, number>>;

/**
 * Intake is the expensive write (a transaction, an outbox row, a match job); reads of requests and
 * the survivor's status are what officers and caseworkers do most; reviewers page through their
 * queue and open the side-by-side view.
 */
export const DEFAULT_MIX: TrafficMix = { create: 20, read: 35, 'case-status': 20, 'review-queue': 10, 'review-view': 15 };

export class MixError extends Error {}

/** Reads "create=20,read=35,…": every kind named once at most, whole non-negative weights, one above 0. Unnamed kinds get 0. */
export function parseMix(text: string): TrafficMix {
  const mix: Record<RequestKind, number> = { create: 0, read: 0, 'case-status': 0, 'review-queue': 0, 'review-view': 0 };
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const match = /^\s*([a-z-]+)\s*=\s*(\d{1,4})\s*$/.exec(part);
    if (!match) throw new MixError(`--mix: expected kind=weight, got "${part.trim()}"`);
    const [, kind, weight] = match;
    if (!(REQUEST_KINDS as readonly string[]).includes(kind))
      throw new MixError(`--mix: unknown kind ${kind} (kinds: ${REQUEST_KINDS.join(', ')})`);
    if (seen.has(kind)) throw new MixError(`--mix: ${kind} named twice`);
    seen.add(kind);
    mix[kind as RequestKind] = Number(weight);
  }
  if (REQUEST_KINDS.every((kind) => mix[kind] === 0)) throw new MixError('--mix: at least one weight must be above 0');
  return mix;
}

export const formatMix = (mix: TrafficMix): string => REQUEST_KINDS.map((kind) => `${kind}=${mix[kind]}`).join(',');

/**
 * One cycle of kinds in the mix's proportions, spread out rather than in blocks (smooth weighted
 * round robin), so that every connection sends all kinds interleaved as it loops over the cycle.
 * The cycle's length is the sum of the weights divided by their greatest common divisor.
 */
export function mixCycle(mix: TrafficMix): RequestKind[] {
  const kinds = REQUEST_KINDS.filter((kind) => mix[kind] > 0);
  const divisor = kinds.reduce((d, kind) => gcd(d, mix[kind]), 0);
  const weights = kinds.map((kind) => mix[kind] / divisor);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const current = weights.map(() => 0);
  const cycle: RequestKind[] = [];
  for (let step = 0; step < total; step += 1) {
    let best = 0;
    for (let i = 0; i < kinds.length; i += 1) {
      current[i] += weights[i];
      if (current[i] > current[best]) best = i;
    }
    current[best] -= total;
    cycle.push(kinds[best]);
  }
  return cycle;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
