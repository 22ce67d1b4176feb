import { withoutRowValues } from './pg-tools.js';

describe('withoutRowValues', () => {
  it('keeps what an operator needs and leaves out the DETAIL lines that can quote a row', () => {
    const output = [
      'pg_restore: error: could not execute query: ERROR:  duplicate key value violates unique constraint "app_user_email_key"',
      'DETAIL:  Key (email)=(someone@example.org) already exists.',
      'Command was: ALTER TABLE ONLY public.app_user ADD CONSTRAINT app_user_email_key UNIQUE (email);',
    ].join('\n');
    const shown = withoutRowValues(output);
    expect(shown).toContain('app_user_email_key');
    expect(shown).toContain('Command was:');
    expect(shown).not.toContain('someone@example.org');
  });
});
