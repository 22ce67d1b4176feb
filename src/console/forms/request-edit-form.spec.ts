import type { RecordedPerson, RecordedRequest } from './request-edit-form.js';
import { toEditForm, toUpdateBody, withRecordedDetails } from './request-edit-form.js';

const enquirer: RecordedPerson = {
  id: '00000000-0000-4000-8000-000000000001',
  role: 'enquirer',
  version: 1,
  legalBasis: 'consent',
  names: [{ value: 'فاطمة الحسن', part: 'full', script: 'Arab', language: 'ar' }],
  sex: 'female',
  birthDate: { kind: 'range', from: '1970', to: '1975', earliest: '1970-01-01', latest: '1975-12-31' },
  birthDateOriginal: 'early seventies',
  placeOfBirth: { place: 'Aleppo', country: 'SY' },
  languages: ['ar'],
};
const sought: RecordedPerson = {
  id: '00000000-0000-4000-8000-000000000002',
  role: 'sought',
  version: 1,
  legalBasis: 'vital_interest',
  relationshipToEnquirer: 'child',
  names: [{ value: 'Youssef', part: 'given', script: 'Latn' }],
  sex: 'male',
  birthDate: { kind: 'year', year: 2005, earliest: '2005-01-01', latest: '2005-12-31' },
  lastKnownPlace: { place: 'Tripoli', date: '2023-05-01' },
  languages: [],
};
const recorded: RecordedRequest = {
  version: 3,
  circumstances: 'Separated at sea.',
  safeguardingFlags: ['trafficking_survivor'],
  people: [enquirer, sought],
};

describe('the edit form', () => {
  it('is prefilled from the record, a birth date the year cannot hold shown as kept', () => {
    const form = toEditForm(recorded);
    expect(form.enquirer).toMatchObject({ id: enquirer.id, birthYear: '', keptBirthDate: '1970-01-01 – 1975-12-31' });
    expect(form.enquirer.names).toEqual([{ value: 'فاطمة الحسن', part: 'full', script: 'Arab', language: 'ar' }]);
    expect(form.soughtPeople[0]).toMatchObject({
      id: sought.id,
      birthYear: '2005',
      relationshipToEnquirer: 'child',
      keptBirthDate: undefined,
    });
    expect(form.circumstances).toBe('Separated at sea.');
  });

  it('sends nothing when nothing changed', () => {
    expect(toUpdateBody(toEditForm(recorded), recorded, '3')).toMatchObject({ body: { version: 3 }, changes: false });
  });

  it('sends only the changed person, whole: the form’s fields over what only the record holds', () => {
    const form = toEditForm(recorded);
    form.soughtPeople[0].names[0].value = 'Yusuf';
    const { body, changes } = toUpdateBody(form, recorded, '3');
    expect(changes).toBe(true);
    expect(body).toEqual({
      version: 3,
      persons: [
        {
          id: sought.id,
          names: [{ value: 'Yusuf', part: 'given', script: 'Latn' }],
          sex: 'male',
          relationshipToEnquirer: 'child',
          birthDate: { kind: 'year', year: 2005 },
          lastKnownPlace: { place: 'Tripoli', date: '2023-05-01' },
        },
      ],
    });
  });

  it('keeps a birth date the form cannot show, with its words as told, and ignores a contact typed in', () => {
    const form = toEditForm(recorded);
    form.enquirer = { ...form.enquirer, sex: 'unknown', contact: 'not through this page', preferredLanguage: 'en' };
    const [person] = toUpdateBody(form, recorded, '3').body.persons as Record<string, unknown>[];
    expect(person).toEqual({
      id: enquirer.id,
      names: [{ value: 'فاطمة الحسن', part: 'full', script: 'Arab', language: 'ar' }],
      sex: 'unknown',
      birthDate: { kind: 'range', from: '1970', to: '1975', original: 'early seventies' },
      placeOfBirth: { place: 'Aleppo', country: 'SY' },
      languages: ['ar'],
    });
  });

  it('adds a new sought person, leaves an untouched new row out, and maps the API’s paths back to the form', () => {
    const form = toEditForm(recorded);
    form.soughtPeople[0].sex = 'unknown';
    const blank = {
      ...form.soughtPeople[0],
      id: '',
      birthYear: '',
      names: [{ value: '', part: 'full', script: '', language: '' }],
      relationshipToEnquirer: '',
    };
    const added = {
      ...blank,
      names: [blank.names[0], { value: 'Mariam', part: 'full', script: '', language: '' }],
      relationshipToEnquirer: 'sibling',
    };
    form.soughtPeople.push(added, blank);
    const { body, fieldOf } = toUpdateBody(form, recorded, '3');
    expect(body.addSoughtPeople).toEqual([
      { names: [{ value: 'Mariam', part: 'full' }], sex: 'unknown', relationshipToEnquirer: 'sibling' },
    ]);
    expect(fieldOf('persons.0.names.0.value')).toBe('soughtPeople.0.names.0.value');
    expect(fieldOf('addSoughtPeople.0.names.0.value')).toBe('soughtPeople.1.names.1.value');
    expect(fieldOf('addSoughtPeople.0.birthDate.year')).toBe('soughtPeople.1.birthYear');
    expect(fieldOf('circumstances')).toBe('circumstances');
    expect(fieldOf('version')).toBe('version');
  });

  it('passes a version that is not a number on as posted, for the API to refuse', () => {
    const form = toEditForm(recorded);
    form.circumstances = '';
    expect(toUpdateBody(form, recorded, 'x3').body).toEqual({ version: 'x3', circumstances: '' });
  });

  it('shows the kept birth dates again on a posted form', () => {
    const posted = { ...toEditForm(recorded), enquirer: { ...toEditForm(recorded).enquirer, keptBirthDate: undefined } };
    expect(withRecordedDetails(posted, recorded).enquirer.keptBirthDate).toBe('1970-01-01 – 1975-12-31');
  });
});
