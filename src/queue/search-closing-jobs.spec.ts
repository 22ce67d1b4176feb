import { isCloseExpiredSearchesJob } from './search-closing-jobs.js';

describe('search-closing jobs', () => {
  it('accepts only an empty payload: the job carries no ids, let alone personal data', () => {
    expect(isCloseExpiredSearchesJob({})).toBe(true);
    expect(isCloseExpiredSearchesJob({ requestId: '6f1c1f43-4b52-4c41-8a7b-0c4a6c1f2d3e' })).toBe(false);
    expect(isCloseExpiredSearchesJob([])).toBe(false);
    expect(isCloseExpiredSearchesJob(null)).toBe(false);
  });
});
