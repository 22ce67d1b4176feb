import { matcherSettings } from './matcher-settings.js';

describe('matcherSettings', () => {
  it('keeps the matcher settings and nothing else', () => {
    expect(matcherSettings({ BLOCKING_CANDIDATE_LIMIT: '40', MATCH_STORAGE_FLOOR: '0.3', DATABASE_URL: 'x', PATH: '/bin' })).toEqual({
      BLOCKING_CANDIDATE_LIMIT: '40',
      MATCH_STORAGE_FLOOR: '0.3',
    });
  });
});
