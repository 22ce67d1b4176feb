import { consentFieldOf, readConsentForm, toConsentBody } from './consent-form.js';

describe('the consent form', () => {
  it('becomes the API body, with one scope or several', () => {
    expect(toConsentBody(readConsentForm({ decision: 'granted', scopes: 'found', message: '', validUntil: '' }))).toEqual({
      decision: 'granted',
      scopes: ['found'],
    });
    expect(
      toConsentBody(
        readConsentForm({ decision: 'granted', scopes: ['found', 'message'], message: 'قل لها إني بخير', validUntil: ' 2027-06-30 ' }),
      ),
    ).toEqual({ decision: 'granted', scopes: ['found', 'message'], message: 'قل لها إني بخير', validUntil: '2027-06-30' });
  });

  it('reads a refusal as no scopes at all, and ignores repeated or unknown fields', () => {
    const form = readConsentForm({ decision: ['granted', 'refused'], other: 'x' });
    expect(form).toEqual({ decision: '', scopes: [], message: '', validUntil: '' });
    expect(toConsentBody(readConsentForm({ decision: 'refused' }))).toEqual({ decision: 'refused', scopes: [] });
  });

  it('shows the API’s problems at the form’s fields', () => {
    expect(consentFieldOf('scopes.2')).toBe('scopes');
    expect(consentFieldOf('validUntil')).toBe('validUntil');
    expect(consentFieldOf('message')).toBe('message');
    expect(consentFieldOf('somethingElse')).toBe('decision');
  });
});
