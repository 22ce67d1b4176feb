import { fieldId } from './form-fields.js';
import { emptyRequestForm, readRequestForm, toRequestBody, withAddedRow } from './request-form.js';

const posted = {
  'enquirer.names.0.value': 'فاطمة الحسن',
  'enquirer.names.0.part': 'full',
  'enquirer.names.0.script': 'Arab',
  'enquirer.names.1.value': '',
  'enquirer.names.1.part': 'full',
  'enquirer.names.1.script': '',
  'enquirer.sex': 'female',
  'enquirer.birthYear': '1975',
  'enquirer.preferredLanguage': 'ar',
  'enquirer.contact': 'Phone 555',
  'soughtPeople.0.names.0.value': '',
  'soughtPeople.0.names.0.part': 'full',
  'soughtPeople.0.names.1.value': 'Youssef',
  'soughtPeople.0.names.1.part': 'given',
  'soughtPeople.0.names.1.script': 'Latn',
  'soughtPeople.0.relationshipToEnquirer': 'child',
  'soughtPeople.0.sex': 'male',
  'soughtPeople.0.birthYear': '',
  'consent.processing': 'yes',
  'consent.notice': '2026-01',
  safeguardingFlags: ['trafficking_survivor', 'unaccompanied_minor'],
  'soughtPeople.7.names.0.value': 'not read: sought people are read in order, without gaps',
};

describe('the request form', () => {
  it('becomes the API body, empty name rows left out', () => {
    const { body } = toRequestBody(readRequestForm(posted));
    expect(body).toEqual({
      enquirer: {
        names: [{ value: 'فاطمة الحسن', part: 'full', script: 'Arab' }],
        sex: 'female',
        birthDate: { kind: 'year', year: 1975 },
        preferredLanguage: 'ar',
        contact: { contactDetails: 'Phone 555' },
      },
      soughtPeople: [{ names: [{ value: 'Youssef', part: 'given', script: 'Latn' }], sex: 'male', relationshipToEnquirer: 'child' }],
      intakeConsent: {
        consentsToProcessing: true,
        agreesToBeFound: false,
        agreesToIdentityShared: false,
        informationNoticeVersion: '2026-01',
      },
      safeguardingFlags: ['trafficking_survivor', 'unaccompanied_minor'],
    });
  });

  it("shows the API's problems on the fields the officer typed in, counting the rows left out", () => {
    const { fieldOf } = toRequestBody(readRequestForm(posted));
    expect(fieldOf('soughtPeople.0.names.0.value')).toBe('soughtPeople.0.names.1.value');
    expect(fieldOf('soughtPeople.0.names')).toBe('soughtPeople.0.names');
    expect(fieldOf('enquirer.birthDate.year')).toBe('enquirer.birthYear');
    expect(fieldOf('enquirer.contact.contactDetails')).toBe('enquirer.contact');
    expect(fieldOf('intakeConsent.consentsToProcessing')).toBe('consent.processing');
    expect(fieldOf('soughtPeople.0.relationshipToEnquirer')).toBe('soughtPeople.0.relationshipToEnquirer');
    expect(fieldOf('circumstances')).toBe('circumstances');
    expect(fieldId('soughtPeople.0.names.1.value')).toBe('f-soughtPeople-0-names-1-value');
  });

  it('passes a year that is not a number on as typed, for the API to name the field', () => {
    const { body } = toRequestBody(readRequestForm({ ...posted, 'enquirer.birthYear': '19x5' }));
    expect((body.enquirer as { birthDate: unknown }).birthDate).toEqual({ kind: 'year', year: '19x5' });
  });

  it('grows by a name row or a sought person on the add buttons, and not on submit', () => {
    const form = emptyRequestForm();
    expect(withAddedRow(form, 'submit')).toBeNull();
    expect(withAddedRow(form, 'add-name:enquirer')!.enquirer.names).toHaveLength(3);
    expect(withAddedRow(form, 'add-name:0')!.soughtPeople[0].names).toHaveLength(3);
    expect(withAddedRow(form, 'add-sought')!.soughtPeople).toHaveLength(2);
    expect(withAddedRow(form, 'add-name:9')!.soughtPeople).toEqual(form.soughtPeople);
  });
});
