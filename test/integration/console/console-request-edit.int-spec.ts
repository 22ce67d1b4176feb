/**
 * The officer's edit page without a browser: prefilled from the record, saved through the API's
 * service and validation with the version it was read at; what the form does not show (places,
 * languages, a birth date given as an age) survives the edit; bad input writes nothing; another
 * organisation's officer gets 404 and a reviewer 403.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { type ConsoleAgent, consoleAgent } from '../../support/console-agent.js';
import { makeOrganisation, type TestOrganisation, type TestUser } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeRequestBody, uniqueName } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

interface PersonResponse {
  id: string;
  version: number;
  names: { value: string; part: string; script?: string; language?: string }[];
  sex: string;
  birthDate?: { kind: string; year?: number };
  relationshipToEnquirer?: string;
  placeOfBirth?: unknown;
  lastKnownPlace?: unknown;
  languages: string[];
}

interface RequestResponse {
  id: string;
  version: number;
  circumstances?: string;
  safeguardingFlags: string[];
  enquirer: PersonResponse;
  soughtPeople: PersonResponse[];
}

/** The fields the edit page posts for a request as recorded: what a browser sends when nothing is changed. */
function formFields(request: RequestResponse): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {
    version: String(request.version),
    circumstances: request.circumstances ?? '',
    safeguardingFlags: request.safeguardingFlags,
    action: 'submit',
  };
  const person = (prefix: string, p: PersonResponse) => {
    fields[`${prefix}.id`] = p.id;
    p.names.forEach((name, i) => {
      fields[`${prefix}.names.${i}.value`] = name.value;
      fields[`${prefix}.names.${i}.part`] = name.part;
      fields[`${prefix}.names.${i}.script`] = name.script ?? '';
      if (name.language) fields[`${prefix}.names.${i}.language`] = name.language;
    });
    fields[`${prefix}.sex`] = p.sex;
    fields[`${prefix}.birthYear`] = p.birthDate?.kind === 'year' ? String(p.birthDate.year) : '';
    if (p.relationshipToEnquirer) fields[`${prefix}.relationshipToEnquirer`] = p.relationshipToEnquirer;
  };
  person('enquirer', request.enquirer);
  request.soughtPeople.forEach((p, j) => person(`soughtPeople.${j}`, p));
  return fields;
}

describe('console request edit page', () => {
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let apiOfficer: Session;

  beforeAll(async () => {
    api = await startApi();
    db = dataSourceOf(api);
    org = await makeOrganisation(db);
    apiOfficer = await loginAs(api, org.users.officer);
  });

  afterAll(() => api.close());

  const signedIn = async (user: TestUser): Promise<ConsoleAgent> => {
    const agent = consoleAgent(api);
    await agent.signIn(user);
    return agent;
  };
  const submitted = async (): Promise<RequestResponse> =>
    (await apiOfficer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
  const current = async (id: string): Promise<RequestResponse> => (await apiOfficer.get(`/v1/tracing-requests/${id}`).expect(200)).body;

  it('saves a changed name through the service; the request page shows it, and what the form does not show is kept', async () => {
    const before = await submitted();
    const officer = await signedIn(org.users.officer);
    const form = await officer.get(`/console/requests/${before.id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`name="version" value="${before.version}"`);
    expect(form.text).toContain('value="Youssef"');
    expect(form.text).not.toContain('name="consent.processing"');

    const renamed = `Yusuf ${uniqueName()}`;
    const saved = await officer.post(`/console/requests/${before.id}/edit`, {
      ...formFields(before),
      'soughtPeople.0.names.1.value': renamed,
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/console/requests/${before.id}?updated=1`);

    const after = await current(before.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.soughtPeople[0].names.map((n) => n.value)).toEqual(['Юсуф', renamed, 'ዮሴፍ', 'محمد']);
    expect(after.soughtPeople[0].names[0].language).toBe('ru');
    // Only the changed person got a new version; the rest of their record is as it was.
    expect(after.enquirer.version).toBe(before.enquirer.version);
    const { names: _before, version: _v1, ...keptBefore } = before.soughtPeople[0];
    const { names: _after, version: _v2, ...keptAfter } = after.soughtPeople[0];
    expect(keptAfter).toEqual(keptBefore);

    const page = await officer.get(saved.headers.location);
    expect(page.text).toContain('The changes were saved.');
    expect(page.text).toContain(`href="/console/requests/${before.id}/edit"`);
    expect(page.text).toContain(`<bdi dir="auto">${renamed}</bdi>`);
    expect(page.text).toContain('Status history');
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'tracing_request.updated' AND entity_id = $1`,
      [before.id],
    );
    expect(n).toBe(1);

    // Saved again from the page read before: someone changed it meanwhile, so it is refused, not overwritten.
    const stale = await officer.post(`/console/requests/${before.id}/edit`, {
      ...formFields(before),
      'soughtPeople.0.names.1.value': 'Josef',
    });
    expect(stale.status).toBe(409);
    expect((await current(before.id)).soughtPeople[0].names[1].value).toBe(renamed);
  });

  it('shows the API’s message next to the field for bad input, and writes nothing', async () => {
    const before = await submitted();
    const officer = await signedIn(org.users.officer);
    await officer.get(`/console/requests/${before.id}/edit`);
    const tooLong = 'Y'.repeat(201);
    const answer = await officer.post(`/console/requests/${before.id}/edit`, {
      ...formFields(before),
      'soughtPeople.0.names.1.value': tooLong,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/id="f-soughtPeople-0-names-1-value-error"><span lang="en" dir="ltr">[^<]*200/);
    expect(answer.text).toContain(`value="${tooLong}"`);
    expect(await current(before.id)).toEqual(before);
  });

  it('answers another organisation’s officer with 404 and a reviewer with 403', async () => {
    const before = await submitted();
    const foreign = await signedIn((await makeOrganisation(db)).users.officer);
    expect((await foreign.get(`/console/requests/${before.id}/edit`)).status).toBe(404);
    expect((await foreign.post(`/console/requests/${before.id}/edit`, formFields(before))).status).toBe(404);
    const reviewer = await signedIn(org.users.reviewer);
    expect((await reviewer.get(`/console/requests/${before.id}/edit`)).status).toBe(403);
    expect((await reviewer.post(`/console/requests/${before.id}/edit`, formFields(before))).status).toBe(403);
    expect(await current(before.id)).toEqual(before);
  });
});
