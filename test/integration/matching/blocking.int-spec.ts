import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { BlindIndex } from '../../../src/key-store/blind-index.js';
import { BLOCKED_PEOPLE_SQL, loadPeople, PEOPLE_SQL } from '../../../src/matching/matching-views.js';
import { FieldVault } from '../../../src/key-store/field-vault.js';
import { BLOCKING_SQL, blockingParameters, findCandidates } from '../../../src/matching/candidate-blocking.js';
import { HotKeyMemo } from '../../../src/matching/hot-key-memo.js';
import { queryPrepared } from '../../../src/database/prepared-query.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/** A made-up key in the stored form: its kind, then '#' (what the database's check asks of a blind index). */
const blindForm = (key: string) => key.replace(':', ':#');

const sought = (names: { value: string; part: string; script?: string }[]) => [{ relationshipToEnquirer: 'sibling', names }];

describe('blocking on stored name keys', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;
  let index: BlindIndex;

  beforeAll(async () => {
    app = await startApi();
    index = app.get(BlindIndex);
    db = dataSourceOf(app);
    org = await makeOrganisation(db);
    officer = await loginAs(app, org.users.officer);
  });

  afterAll(async () => {
    await app.close();
  });

  const keysOf = async (personId: string) =>
    (await db.query(`SELECT key FROM person_name_key WHERE person_id = $1`, [personId])).map((r: { key: string }) => r.key);

  it('writes keys with the person and finds the same name written in another script', async () => {
    const arabic = (
      await officer
        .post(
          '/v1/tracing-requests',
          makeRequestBody({ soughtPeople: sought([{ value: 'عبد الرحمن الحسن', part: 'full', script: 'Arab' }]) }),
        )
        .expect(201)
    ).body;
    const latin = (
      await officer
        .post(
          '/v1/tracing-requests',
          makeRequestBody({ soughtPeople: sought([{ value: 'Abdulrahman Hassan', part: 'full', script: 'Latn' }]) }),
        )
        .expect(201)
    ).body;
    const query = {
      personId: latin.soughtPeople[0].id,
      requestId: latin.id,
      organisationIds: [org.id],
      keys: await keysOf(latin.soughtPeople[0].id),
      limit: 50,
      hotKeyRows: 1000,
    };
    const found = (await findCandidates(db.manager, query)).map((c) => c.personId);
    expect(found).toContain(arabic.soughtPeople[0].id);
    expect(found).not.toContain(latin.enquirer.id);
  });

  it('reads the people of whole requests, opening only those the caller has not opened already', async () => {
    const vault = app.get(FieldVault);
    const first = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const second = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const everyone = [first.enquirer.id, first.soughtPeople[0].id, second.enquirer.id, second.soughtPeople[0].id];
    const all = await loadPeople(db.manager, vault, [], [first.id, second.id]);
    expect(all.map((view) => view.id).sort()).toEqual([...everyone].sort());
    expect(all.every((view) => view.engine.names.length > 0)).toBe(true);
    const rest = await loadPeople(db.manager, vault, [], [first.id, second.id], new Set([first.soughtPeople[0].id, second.enquirer.id]));
    expect(rest.map((view) => view.id).sort()).toEqual([first.enquirer.id, second.soughtPeople[0].id].sort());
  });

  it('never returns an enquirer who did not agree to be found, nor another organisation’s records', async () => {
    const hidden = makeRequestBody({
      intakeConsent: {
        consentsToProcessing: true,
        agreesToBeFound: false,
        agreesToIdentityShared: false,
        informationNoticeVersion: '2026-01',
      },
    });
    const hiddenRequest = (await officer.post('/v1/tracing-requests', hidden).expect(201)).body;
    const other = await makeOrganisation(db);
    const otherOfficer = await loginAs(app, other.users.officer);
    const foreign = (await otherOfficer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const seeker = (
      await officer.post('/v1/tracing-requests', makeRequestBody({ soughtPeople: sought(makeRequestBody().enquirer.names) })).expect(201)
    ).body;
    const found = (
      await findCandidates(db.manager, {
        personId: seeker.soughtPeople[0].id,
        requestId: seeker.id,
        organisationIds: [org.id],
        keys: await keysOf(seeker.soughtPeople[0].id),
        limit: 500,
        hotKeyRows: 1000,
      })
    ).map((c) => c.personId);
    expect(found).not.toContain(hiddenRequest.enquirer.id);
    expect(found).not.toContain(foreign.enquirer.id);
    // the same enquirer, who agreed to be found, is found
    const [{ findable }] = await db.query(`SELECT count(*)::int AS findable FROM person_name_key WHERE person_id = $1 AND is_target`, [
      hiddenRequest.enquirer.id,
    ]);
    expect(findable).toBe(0);
  });

  it('rewrites the keys when a person’s names change', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const person = created.soughtPeople[0];
    const before = await keysOf(person.id);
    await officer
      .patch(`/v1/tracing-requests/${created.id}`, {
        version: created.version,
        persons: [{ id: person.id, names: [{ value: 'Ermias Tesfay', part: 'full' }] }],
      })
      .expect(200);
    const after = await keysOf(person.id);
    expect(after).not.toEqual(before);
    // Stored as blind indexes (decision 0028): the engine's key for the new name, under the service's key.
    expect(after).toContain(index.of('s:rms'));
  });

  /**
   * `count` sought people of a fresh organisation, each in a request of its own, with the given
   * keys (by index) and no names: enough for the blocking statement alone. The keys are stored in
   * the blind-index form (`kind:#…`) the database requires; blocking treats them as opaque strings.
   */
  const storePeople = async (count: number, referenceYear: number, keysOf: (index: number) => string[]) => {
    const [{ id: orgId }] = await db.query(
      `INSERT INTO organisation (name, code) VALUES ('Ranking test ' || md5(random()::text), 'ranking-' || substr(md5(random()::text), 1, 8)) RETURNING id`,
    );
    const [{ id: userId }] = await db.query(
      `INSERT INTO app_user (organisation_id, email, display_name, roles) VALUES ($1, 'rank-' || md5(random()::text) || '@test.example', 'Rank', '{officer}') RETURNING id`,
      [orgId],
    );
    const people: { id: string; requestId: string }[] = await db.query(
      `WITH requests AS (
         INSERT INTO tracing_request (reference, organisation_id, officer_id, status)
         SELECT 'TR-' || $3::text || '-' || lpad(g::text, 7, '0'), $1, $2, 'submitted' FROM generate_series(1, $4::int) g
         RETURNING id, reference
       )
       INSERT INTO person_record (request_id, organisation_id, role, position, legal_basis, status, relationship_to_enquirer)
       SELECT id, $1, 'sought', 1, 'vital_interest', 'submitted', 'child' FROM requests ORDER BY reference
       RETURNING id, request_id AS "requestId"`,
      [orgId, userId, String(referenceYear), count],
    );
    const rows = people.flatMap((p, index) => keysOf(index).map((key) => ({ key: blindForm(key), personId: p.id })));
    await db.query(
      `INSERT INTO person_name_key (organisation_id, key, person_id, is_target, matcher_version)
       SELECT $1, k, p, true, 1 FROM unnest($2::text[], $3::uuid[]) AS t(k, p)`,
      [orgId, rows.map((r) => r.key), rows.map((r) => r.personId)],
    );
    const top = async (keys: string[], limit: number) =>
      (
        await findCandidates(db.manager, {
          personId: people[0].id,
          requestId: people[0].requestId,
          organisationIds: [orgId],
          keys: keys.map(blindForm),
          limit,
          hotKeyRows: 1000,
        })
      ).map((c) => c.personId);
    return { people, top };
  };

  it('ranks one shared pair of names above two shared phonetic codes (key kinds weigh differently)', async () => {
    // 0 asks; 1 shares a metaphone code and four first letters; 2 shares the pair of names. Each key is held by both only.
    const { people, top } = await storePeople(3, 1997, (i) => [[], ['m:MHMT', 'x:moha'], ['p:cmuhammad|shsn']][i]);
    expect(await top(['m:MHMT', 'x:moha', 'p:cmuhammad|shsn'], 1)).toEqual([people[2].id]);
    expect(await top(['m:MHMT', 'x:moha', 'p:cmuhammad|shsn'], 2)).toEqual([people[2].id, people[1].id]);
  });

  it('ranks one rare shared name above two names that half the records carry (rarity counts)', async () => {
    // 0 asks; 1 shares two skeletons that 200 others carry too; 2 shares one skeleton nobody else has.
    const common = ['s:mhmt', 's:hmt'];
    const { people, top } = await storePeople(203, 1996, (i) => (i === 2 ? ['s:qsr'] : i === 0 ? [] : common));
    expect(await top([...common, 's:qsr'], 1)).toEqual([people[2].id]);
  });

  it('uses index probes only at 100k records, and a hot key costs no more than its cap', async () => {
    const records = 100_000;
    const hotKeyRows = 500;
    const [{ id: orgId }] = await db.query(
      `INSERT INTO organisation (name, code) VALUES ('Blocking size test ' || md5(random()::text), 'blocking-' || substr(md5(random()::text), 1, 8)) RETURNING id`,
    );
    const [{ id: userId }] = await db.query(
      `INSERT INTO app_user (organisation_id, email, display_name, roles) VALUES ($1, 'size-' || md5(random()::text) || '@test.example', 'Size', '{officer}') RETURNING id`,
      [orgId],
    );
    await db.query(
      `INSERT INTO tracing_request (reference, organisation_id, officer_id, status)
       SELECT 'TR-1999-' || lpad(g::text, 7, '0'), $1, $2, 'submitted' FROM generate_series(1, $3::int) g`,
      [orgId, userId, records],
    );
    // Fresh statistics before each bulk insert that references the table just filled: planned on
    // the few rows of earlier tests, the foreign-key checks scan the table once per inserted row.
    await db.query(`ANALYZE tracing_request`);
    await db.query(
      `INSERT INTO person_record (request_id, organisation_id, role, position, legal_basis, status, relationship_to_enquirer)
       SELECT id, organisation_id, 'sought', 1, 'vital_interest', 'submitted', 'child' FROM tracing_request WHERE organisation_id = $1`,
      [orgId],
    );
    await db.query(`ANALYZE person_record`);
    // Six keys a record spread over 5,000 values each, and one hot key held by 5% of all records
    // (a frequent name's metaphone code). The hashes are widened before abs(): hashtext's int4 can
    // be -2^31, whose absolute value is out of int4's range (a run met it: 700,000 hashes a run).
    await db.query(
      `INSERT INTO person_name_key (organisation_id, key, person_id, is_target, matcher_version)
       SELECT p.organisation_id, k.prefix || (abs(hashtext(p.id::text || k.prefix)::bigint) % 5000)::text, p.id, true, 1
       FROM person_record p CROSS JOIN (VALUES ('s:#'), ('m:#'), ('x:#'), ('p:#'), ('d:#'), ('c:#')) AS k(prefix)
       WHERE p.organisation_id = $1
       UNION ALL
       SELECT p.organisation_id, 'm:#HOT', p.id, true, 1 FROM person_record p
       WHERE p.organisation_id = $1 AND abs(hashtext(p.id::text)::bigint) % 20 = 0`,
      [orgId],
    );
    await db.query(`VACUUM ANALYZE person_name_key`);
    await db.query(`ANALYZE person_record`);
    const [{ id: requestId }] = await db.query(`SELECT id FROM tracing_request WHERE organisation_id = $1 LIMIT 1`, [orgId]);
    const keys = ['s:#17', 'm:#42', 'x:#99', 'p:#1000', 'm:#HOT'];
    const [plan] = await db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${BLOCKING_SQL}`,
      blockingParameters({ organisationIds: [orgId], keys, requestId, limit: 200, hotKeyRows }),
    );
    const nodes: PlanNode[] = [];
    const walk = (node: PlanNode) => {
      nodes.push(node);
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(plan['QUERY PLAN'][0].Plan);
    const seqScans = nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
    expect(seqScans).not.toContain('person_name_key');
    expect(seqScans).not.toContain('person_record');
    const keyScans = nodes.filter((n) => n['Relation Name'] === 'person_name_key');
    expect(keyScans.length).toBeGreaterThan(0);
    expect(keyScans.every((n) => n['Node Type'] === 'Index Only Scan')).toBe(true);
    // Probing reads at most hotKeyRows entries of a key, and a hot key is not read after that:
    // the hot key's 5,000 records are never all read.
    const rowsRead = keyScans.reduce((sum, n) => sum + n['Actual Rows'] * n['Actual Loops'], 0);
    expect(rowsRead).toBeLessThanOrEqual(keys.length * hotKeyRows);
    const [{ held }] = await db.query(`SELECT count(*)::int AS held FROM person_name_key WHERE organisation_id = $1 AND key = 'm:#HOT'`, [
      orgId,
    ]);
    expect(held).toBeGreaterThan(keys.length * hotKeyRows);
    // The hot key is left out while selective keys exist: nobody is found through it alone.
    const found: { personId: string; sharedKeys: number }[] = await db.query(
      BLOCKING_SQL,
      blockingParameters({ organisationIds: [orgId], keys, requestId, limit: 5000, hotKeyRows }),
    );
    const viaHotKeyOnly = await db.query(
      `SELECT person_id FROM person_name_key WHERE organisation_id = $1 AND key = 'm:#HOT'
       EXCEPT SELECT person_id FROM person_name_key WHERE organisation_id = $1 AND key = ANY($2::text[]) AND key <> 'm:#HOT'`,
      [orgId, keys],
    );
    const foundIds = new Set(found.map((c) => c.personId));
    expect(viaHotKeyOnly.some((r: { person_id: string }) => foundIds.has(r.person_id))).toBe(false);
    expect(found.length).toBeGreaterThan(0);

    // The job blocks and reads its candidates' rows with its own request in one statement, then
    // reads the requests of some candidates: index lookups too.
    const [blockedPlan] = await db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${BLOCKED_PEOPLE_SQL}`,
      blockingParameters({ organisationIds: [orgId], keys, requestId, limit: 200, hotKeyRows }),
    );
    const blockedNodes = planNodes(blockedPlan['QUERY PLAN'][0].Plan);
    const blockedSeqScans = blockedNodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
    expect(blockedSeqScans).not.toContain('person_name_key');
    expect(blockedSeqScans).not.toContain('person_record');
    expect(blockedNodes.filter((n) => n['Relation Name'] === 'person_record').length).toBeGreaterThan(0);
    const candidateIds = found.slice(0, 200).map((c) => c.personId);
    const candidateRequests: { request_id: string }[] = await db.query(`SELECT request_id FROM person_record WHERE id = ANY($1::uuid[])`, [
      candidateIds,
    ]);
    for (const parameters of [
      [candidateIds, [requestId]],
      [[], candidateRequests.map((r) => r.request_id)],
    ]) {
      const [views] = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${PEOPLE_SQL}`, parameters);
      const viewNodes: PlanNode[] = [];
      const walkViews = (node: PlanNode) => {
        viewNodes.push(node);
        for (const child of node.Plans ?? []) walkViews(child);
      };
      walkViews(views['QUERY PLAN'][0].Plan);
      const personScans = viewNodes.filter((n) => n['Relation Name'] === 'person_record');
      expect(personScans.length).toBeGreaterThan(0);
      expect(personScans.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    }

    // A key learned hot is not counted again, and the same candidates come back in the same order.
    const memo = new HotKeyMemo();
    const query = { personId: 'unused', organisationIds: [orgId], keys, requestId, limit: 200, hotKeyRows, hotKeys: memo };
    const counted = await findCandidates(db.manager, query);
    expect(memo.knownHot([orgId], hotKeyRows, keys)).toEqual(['m:#HOT']);
    const [learnedPlan] = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${BLOCKING_SQL}`, blockingParameters(query));
    const learnedKeyScans = planNodes(learnedPlan['QUERY PLAN'][0].Plan).filter((n) => n['Relation Name'] === 'person_name_key');
    const learnedRowsRead = learnedKeyScans.reduce((sum, n) => sum + n['Actual Rows'] * n['Actual Loops'], 0);
    // (EXPLAIN gives rows per loop rounded, so the sums may be a row off per probed key.)
    expect(learnedRowsRead).toBeLessThanOrEqual(rowsRead - hotKeyRows + keys.length);
    expect(await findCandidates(db.manager, query)).toEqual(counted);
    expect(counted).toEqual((await db.query(BLOCKING_SQL, blockingParameters({ ...query, hotKeys: undefined }))).map(withoutHotKeys));

    // The job runs these as prepared statements, which PostgreSQL may plan once for any parameters
    // (decision 0034): that generic plan must use index probes only as well.
    const runner = db.createQueryRunner();
    try {
      await runner.connect();
      await runner.query(`SET plan_cache_mode = force_generic_plan`);
      for (const [sql, parameters] of [
        [BLOCKING_SQL, blockingParameters(query)],
        [BLOCKED_PEOPLE_SQL, blockingParameters(query)],
        [PEOPLE_SQL, [candidateIds, [requestId]]],
        [PEOPLE_SQL, [[], candidateRequests.map((r) => r.request_id)]],
      ] as const) {
        await queryPrepared(runner.manager, sql, [...parameters]);
        const [{ name }] = await runner.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [sql]);
        // EXECUTE takes no bound parameters: each goes in as a quoted literal of its text form.
        const literals: string[] = [];
        for (const parameter of parameters) literals.push((await runner.query(`SELECT quote_literal($1::text) AS l`, [parameter]))[0].l);
        const [generic] = await runner.query(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${name}(${literals.join(', ')})`);
        const genericNodes = planNodes(generic['QUERY PLAN'][0].Plan);
        const genericSeqScans = genericNodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
        // (intake_consent is a few rows here, where reading it whole is the right plan.)
        expect(genericSeqScans).not.toContain('person_name_key');
        expect(genericSeqScans).not.toContain('person_record');
        expect(genericNodes.some((n) => n['Relation Name'] === 'person_record' || n['Relation Name'] === 'person_name_key')).toBe(true);
      }
    } finally {
      await runner.release();
    }
  }, 180_000);

  it('takes a withdrawn request out of matching: no keys left, nothing finds it', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    expect((await keysOf(created.soughtPeople[0].id)).length).toBeGreaterThan(0);
    await officer.post(`/v1/tracing-requests/${created.id}/withdraw`, { reasonCode: 'enquirer_withdrew' }).expect(200);
    expect(await keysOf(created.soughtPeople[0].id)).toEqual([]);
    expect(await keysOf(created.enquirer.id)).toEqual([]);
  });
});

function withoutHotKeys<Row extends { hotKeys?: unknown }>({ hotKeys: _, ...row }: Row): Omit<Row, 'hotKeys'> {
  return row;
}

function planNodes(root: PlanNode): PlanNode[] {
  return [root, ...(root.Plans ?? []).flatMap(planNodes)];
}
