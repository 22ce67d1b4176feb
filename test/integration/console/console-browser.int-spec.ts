/**
 * The web console in a real browser (Debian's chromium, headless, driven by playwright-core): the
 * done-when list of issue 12. Each page a scenario visits is checked with axe-core for serious and
 * critical violations; pictures of the main pages in English and Arabic go to the ignored
 * test-output/screenshots/, or to docs/screenshots/ under `npm run screenshots`.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, screenshotBothLanguages, seriousViolations, signIn } from '../../support/browser.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { uniqueName } from '../../support/request-bodies.js';
import { decide, reviewFlow } from '../../support/review-flow.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { namesOfRequest } from '../../support/person-strings.js';

describe('the web console in a browser', () => {
  let stack: TestStack;
  let base: string;
  let browser: Browser;
  let orgA: TestOrganisation;
  let orgB: TestOrganisation;
  let context: BrowserContext;
  let page: Page;
  /** The request the officer submits in the first scenario; the later ones read it. */
  let submitted: { id: string; reference: string };

  beforeAll(async () => {
    stack = await startStack();
    const server = await stack.api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    orgA = await makeOrganisation(stack.db);
    orgB = await makeOrganisation(stack.db);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  // A fresh browser profile per scenario: nobody inherits another's cookies.
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterEach(() => context.close());

  it('an officer submits a request with an Arabic and a Latin name', async () => {
    const family = uniqueName();
    const arabic = `فاطمة ${family}`;
    const latin = `Youssef ${family}`;
    await page.goto(`${base}/console/login`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothLanguages(page, 'sign-in');
    await signIn(page, base, orgA.users.officer);
    await page.getByRole('link', { name: 'New request' }).first().click();
    await page.waitForURL(`${base}/console/requests/new`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothLanguages(page, 'request-form');

    await page.locator('#f-enquirer-names-0-value').fill(arabic);
    await page.locator('#f-enquirer-names-0-script').selectOption('Arab');
    await page.locator('#f-enquirer-preferredLanguage').selectOption('ar');
    await page.locator('#f-soughtPeople-0-names-0-value').fill(latin);
    await page.locator('#f-soughtPeople-0-names-0-script').selectOption('Latn');
    await page.locator('#f-soughtPeople-0-relationshipToEnquirer').selectOption('child');
    await page.locator('#f-soughtPeople-0-birthYear').fill('2010');
    await page.getByLabel('The enquirer agrees to the processing of their data for the search (required)').check();
    await page.getByRole('button', { name: 'Submit the request' }).click();

    await page.waitForURL(/\/console\/requests\/[0-9a-f-]{36}\?created=1$/);
    const id = /requests\/([0-9a-f-]{36})/.exec(page.url())![1];
    // Both names shown as typed, each in its own direction.
    await expect(page.locator('bdi[dir="auto"]', { hasText: arabic }).count()).resolves.toBe(1);
    await expect(page.locator('bdi[dir="auto"]', { hasText: latin }).count()).resolves.toBe(1);
    const names = (await namesOfRequest(stack.db, id)).map(({ value, script }) => ({ value, script }));
    expect(names).toEqual([
      { value: arabic, script: 'Arab' },
      { value: latin, script: 'Latn' },
    ]);
    const [{ reference }] = await stack.db.query(`SELECT reference FROM tracing_request WHERE id = $1`, [id]);
    submitted = { id, reference };
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothLanguages(page, 'request');

    // The officer corrects the sought person's name on the edit page.
    const corrected = `Yusuf ${family}`;
    await page.getByRole('link', { name: 'Edit the request' }).click();
    await page.waitForURL(`${base}/console/requests/${id}/edit`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothLanguages(page, 'request-edit');
    await page.locator('#f-soughtPeople-0-names-0-value').fill(corrected);
    await page.getByRole('button', { name: 'Save the changes' }).last().click();
    await page.waitForURL(`${base}/console/requests/${id}?updated=1`);
    await expect(page.locator('bdi[dir="auto"]', { hasText: corrected }).count()).resolves.toBe(1);

    await page.getByRole('link', { name: 'Tracing requests' }).click();
    await expect(page.getByRole('link', { name: reference }).count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothLanguages(page, 'requests');
  });

  it('a reviewer confirms a candidate from the side-by-side page', async () => {
    const officer = await loginAs(stack.api, orgA.users.officer);
    const { found } = await reviewFlow(stack.db, officer).reciprocalPair();
    await signIn(page, base, orgA.users.reviewer);
    await page.getByRole('link', { name: 'Review queue' }).first().click();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothLanguages(page, 'review-queue');

    await page.locator(`a[href="/console/review/${found.id}"]`).click();
    await page.getByRole('button', { name: 'Claim for review' }).click();
    await page.getByLabel('Confirm: the same person').check();
    await page.getByLabel('Reason').selectOption('reciprocal_search');
    // The page as the reviewer decides on it: both records, the aligned names, the decision form.
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothLanguages(page, 'candidate');
    await page.getByRole('button', { name: 'Record the decision' }).click();

    await page.getByText('Decision recorded: the candidate is now confirmed.').waitFor();
    const [row] = await stack.db.query(`SELECT review_status FROM candidate_match WHERE id = $1`, [found.id]);
    expect(row.review_status).toBe('confirmed');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a caseworker sees the status in Arabic', async () => {
    await signIn(page, base, orgA.users.caseworker);
    await page.locator('a[hreflang="ar"]').click();
    await page.waitForSelector('html[dir="rtl"][lang="ar"]');
    await page.getByRole('link', { name: 'حالة الملف' }).first().click();
    await page.getByLabel('الرقم المرجعي للطلب').fill(submitted.reference);
    await page.getByRole('button', { name: 'بحث' }).click();

    // The enquirer's language is Arabic: the survivor-facing texts are the Arabic catalogue's.
    const text = page.locator('.survivor-text[lang="ar"]');
    await expect(text.locator('.status-message').textContent()).resolves.toBe('نحن نبحث.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case-status-ar');
    await page.locator('a[hreflang="en"]').click();
    await page.waitForSelector('html[dir="ltr"]');
    await screenshot(page, 'case-status-en');
  });

  it("a caseworker records the found person's consent on the find page", async () => {
    const officer = await loginAs(stack.api, orgA.users.officer);
    const { found } = await reviewFlow(stack.db, officer).reciprocalPair({}, { caseworkerId: orgA.users.caseworker.id });
    const reviewer = await loginAs(stack.api, orgA.users.reviewer);
    await decide(reviewer, found.id, { decision: 'confirm', reasonCode: 'reciprocal_search' });
    await reviewer
      .post(`/v1/finds/${found.id}/identity-checks`, { outcome: 'passed', methods: ['documents_seen'], reasonCode: 'documents_verified' })
      .expect(200);

    await signIn(page, base, orgA.users.caseworker);
    await page.getByRole('link', { name: 'Finds' }).first().click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator(`a[href="/console/finds/${found.id}"]`).click();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothLanguages(page, 'find');

    // No answer chosen: the page comes back with the API's message at the field, and stays accessible.
    await page.getByRole('button', { name: 'Record the answer' }).click();
    await page.locator('#f-decision-error').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('consents', { exact: true }).check();
    await page.getByLabel('that they were found', { exact: true }).check();
    await page.getByLabel('a message', { exact: true }).check();
    await page.getByLabel('Message from the found person to the enquirer (needs the message scope)').fill('قولوا لها إني بخير');
    await page.getByRole('button', { name: 'Record the answer' }).click();
    await page.getByText("The found person's answer was recorded.").waitFor();
    const [row] = await stack.db.query(`SELECT decision, scopes FROM found_person_consent WHERE candidate_id = $1`, [found.id]);
    expect(row).toEqual({ decision: 'granted', scopes: ['found', 'message'] });
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('a[hreflang="ar"]').click();
    await page.waitForSelector('html[dir="rtl"][lang="ar"]');
    await page.getByRole('button', { name: 'سحب الموافقة' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("a reviewer cannot open the officer's request list of another organisation", async () => {
    await signIn(page, base, orgB.users.reviewer);
    await page.goto(`${base}/console/requests?reference=${submitted.reference}`);
    await expect(page.getByText(submitted.reference).count()).resolves.toBe(0);
    await page.getByText('No request matches.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const answer = await page.goto(`${base}/console/requests/${submitted.id}`);
    expect(answer?.status()).toBe(404);
    await page.getByText('Not found. It does not exist, or it belongs to another organisation.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an admin changes a user’s roles, and the admin pages pass axe in both languages', async () => {
    const auditor = orgB.users.auditor;
    await signIn(page, base, orgB.users.admin);
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.waitForURL(`${base}/console/users`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator(`a[href="/console/users/${auditor.id}"]`).click();
    await page.waitForURL(`${base}/console/users/${auditor.id}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('reviewer', { exact: true }).check();
    await page.getByRole('button', { name: 'Save roles' }).click();
    await page.getByText('The roles were changed.').waitFor();
    const [{ roles }] = await stack.db.query(`SELECT roles FROM app_user WHERE id = $1`, [auditor.id]);
    expect([...roles].sort()).toEqual(['auditor', 'reviewer']);
    await screenshotBothLanguages(page, 'user-account');

    // Rows in each table, so that its forms and buttons are checked too.
    const admin = await loginAs(stack.api, orgB.users.admin);
    await admin.post('/v1/sharing-agreements', { partnerOrganisationId: orgA.id }).expect(201);
    await admin.post('/v1/webhook-receivers', { url: 'https://alerts.example.org/rfl', audience: 'staff' }).expect(201);
    for (const path of ['/console/users', '/console/sharing-agreements', '/console/webhook-receivers']) {
      await page.goto(`${base}${path}`);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
      await page.locator('a[hreflang="ar"]').click();
      await page.waitForSelector('html[dir="rtl"]');
      expect({ path, lang: 'ar', violations: await seriousViolations(page) }).toEqual({ path, lang: 'ar', violations: [] });
      await page.locator('a[hreflang="en"]').click();
      await page.waitForSelector('html[dir="ltr"]');
    }
  });
});
