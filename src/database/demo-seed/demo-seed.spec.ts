import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { formatIsoDate } from '../../persons/birth-dates/calendars.js';
import { todayUtc } from '../../persons/birth-dates/today-utc.js';
import type { PersonInputDto } from '../../persons/dto/person-input.dto.js';
import { personDetails } from '../../persons/person-writer.js';
import { CreateTracingRequestDto } from '../../tracing-requests/dto/create-tracing-request.dto.js';
import { generateDemoRequests } from './generate-demo-requests.js';
import { mulberry32 } from './prng.js';

const today = { year: 2026, month: 3, day: 15 };
const people = (requests: ReturnType<typeof generateDemoRequests>): PersonInputDto[] =>
  requests.flatMap((r) => [r.enquirer, ...r.soughtPeople]);

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateDemoRequests', () => {
  const requests = generateDemoRequests({ today });

  it('is deterministic for a seed', () => {
    expect(generateDemoRequests({ today })).toEqual(requests);
    expect(generateDemoRequests({ today, seed: 42 })).toEqual(generateDemoRequests({ today, seed: 42 }));
    expect(generateDemoRequests({ today, seed: 42 })).not.toEqual(requests);
  });

  it('makes about 200 requests over both organisations, most in demo-a', () => {
    expect(requests).toHaveLength(200);
    const inA = requests.filter((r) => r.organisationCode === 'demo-a').length;
    expect(inA).toBeGreaterThan(120);
    expect(inA).toBeLessThan(190);
  });

  it('gives every request an enquirer and one to three sought people, each with a name', () => {
    for (const request of requests) {
      expect(request.enquirer.names.length).toBeGreaterThan(0);
      expect(request.soughtPeople.length).toBeGreaterThanOrEqual(1);
      expect(request.soughtPeople.length).toBeLessThanOrEqual(3);
      for (const sought of request.soughtPeople) {
        expect(sought.names.length).toBeGreaterThan(0);
        expect(sought.relationshipToEnquirer).toBeDefined();
      }
    }
  });

  it("writes names in Arabic, Latin, Cyrillic and Ge'ez scripts, often with a Latin transliteration", () => {
    const names = people(requests).flatMap((p) => p.names);
    expect(new Set(names.map((n) => n.script))).toEqual(new Set(['Arab', 'Latn', 'Cyrl', 'Ethi']));
    const transliterated = people(requests).filter(
      (p) => p.names.some((n) => n.script === 'Latn') && p.names.some((n) => n.script !== 'Latn'),
    );
    expect(transliterated.length).toBeGreaterThan(100);
    expect(names.every((n) => n.value.length >= 1 && n.value.length <= 200)).toBe(true);
  });

  it('uses every kind of birth date and the Ethiopian and Solar Hijri calendars', () => {
    const births = people(requests)
      .map((p) => p.birthDate)
      .filter((b) => b !== undefined);
    expect(new Set(births.map((b) => b.kind))).toEqual(new Set(['exact', 'year', 'range', 'age_at', 'unknown']));
    expect(new Set(births.map((b) => b.calendar ?? 'gregorian'))).toEqual(new Set(['gregorian', 'ethiopian', 'solar_hijri']));
  });

  it.each([
    ['a fixed date', today],
    ['the real today', todayUtc()],
  ])('generates no birth date in the future (%s)', (_label, day) => {
    const todayIso = formatIsoDate(day);
    for (const [index, person] of people(generateDemoRequests({ today: day })).entries()) {
      // personDetails throws for a birth date in the future; strictly before today: not merely clamped to today
      const details = personDetails(person, day, `person.${index}`);
      if (details.birthLatest !== null) expect(details.birthLatest < todayIso).toBe(true);
      if (person.birthDate?.ageAt) expect(person.birthDate.ageAt < todayIso).toBe(true);
      if (person.lastKnownPlace?.date) expect(person.lastKnownPlace.date <= todayIso).toBe(true);
    }
  });

  it('includes reciprocal searches and second searches for the same person', () => {
    const kinds = requests.map((r) => r.echoes?.kind).filter((k) => k !== undefined);
    expect(kinds.filter((k) => k === 'reciprocal').length).toBeGreaterThanOrEqual(3);
    expect(kinds.filter((k) => k === 'same_sought_person').length).toBeGreaterThanOrEqual(3);
    for (const request of requests.filter((r) => r.echoes)) expect(request.echoes!.index).toBeLessThan(requests.indexOf(request));
  });

  it("passes the API's own input validation for creating a request", () => {
    for (const request of requests) {
      const dto = plainToInstance(CreateTracingRequestDto, {
        enquirer: request.enquirer,
        soughtPeople: request.soughtPeople,
        intakeConsent: { consentsToProcessing: true, ...request.intakeConsent, informationNoticeVersion: '2026-01' },
        circumstances: request.circumstances ?? undefined,
        safeguardingFlags: request.safeguardingFlags,
      });
      expect(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
    }
  });

  it('marks every free text as synthetic and keeps values inside the schema limits', () => {
    for (const request of requests) {
      if (request.circumstances !== null) expect(request.circumstances).toMatch(/\(demo record\)\.$/);
      expect(new Set(request.safeguardingFlags).size).toBe(request.safeguardingFlags.length);
      for (const person of [request.enquirer, ...request.soughtPeople]) {
        if (person.contact?.contactDetails) expect(person.contact.contactDetails).toMatch(/\(demo\)$/);
        for (const code of [person.nationality, person.placeOfBirth?.country, person.lastKnownPlace?.country]) {
          if (code !== undefined) expect(code).toMatch(/^[A-Z]{2}$/);
        }
      }
    }
  });
});
