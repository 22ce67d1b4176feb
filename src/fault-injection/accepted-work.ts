/** What the API answered with a 201 or a 200: the ledger the run checks Postgres against. */
export interface RequestAnswer {
  id: string;
  version: number;
  enquirer: { id: string; version: number };
  soughtPeople: { id: string; version: number }[];
}

export interface AcceptedRequest {
  /** the request's version as last seen, what the next edit is based on */
  version: number;
  /** each person's highest version the API confirmed */
  persons: Map<string, number>;
}

export class AcceptedWork {
  readonly requests = new Map<string, AcceptedRequest>();
  creates = 0;
  edits = 0;

  /** A 201 for a new request. */
  created(answer: RequestAnswer): void {
    this.creates += 1;
    this.requests.set(answer.id, { version: answer.version, persons: new Map() });
    this.seen(answer);
  }

  /** A 200 for an edit. */
  edited(answer: RequestAnswer): void {
    this.edits += 1;
    this.seen(answer);
  }

  /**
   * Takes a version the API showed. Confirmed versions only grow: an answer for an older state that
   * arrives late never lowers what was accepted.
   */
  seen(answer: RequestAnswer): void {
    const request = this.requests.get(answer.id);
    if (!request) return;
    request.version = Math.max(request.version, answer.version);
    for (const person of [answer.enquirer, ...answer.soughtPeople]) {
      request.persons.set(person.id, Math.max(request.persons.get(person.id) ?? 0, person.version));
    }
  }

  /** A read after a refused edit (409): the next edit is based on the version stored, nothing is accepted. */
  refreshed(answer: Pick<RequestAnswer, 'id' | 'version'>): void {
    const request = this.requests.get(answer.id);
    if (request) request.version = Math.max(request.version, answer.version);
  }

  /** Every accepted person version, for the checks. */
  personVersions(): { requestId: string; personId: string; version: number }[] {
    return [...this.requests].flatMap(([requestId, request]) =>
      [...request.persons].map(([personId, version]) => ({ requestId, personId, version })),
    );
  }
}
