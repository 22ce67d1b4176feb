import { getMetadataStorage } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { CreateUserDto } from '../../users/dto/user.dto.js';
import { UNSAFE_TEXT_RULE } from '../forms/failed-rules.js';
import { validateInput } from '../forms/validate-input.js';
import { INTERFACE_LANGUAGES, loadCatalogues, readMessages } from './catalogue.js';
import { ruleKey, showProblems } from './field-messages.js';

const source = new URL('../../', import.meta.url);
const catalogues = loadCatalogues();

/** Every source file that declares class-validator rules, except the environment schema and the CLI (no form reaches them). */
function filesDeclaringRules(): string[] {
  return (readdirSync(source, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !/^(config|cli|console)\//.test(file))
    .filter((file) => readFileSync(new URL(file, source), 'utf8').includes("from 'class-validator'"));
}

describe('validation messages in the interface language', () => {
  it('has a text in every catalogue for every rule the DTOs declare, and for the pipes’ own rules', async () => {
    const exported: unknown[] = [];
    for (const file of filesDeclaringRules()) exported.push(...Object.values(await import(new URL(file, source).href)));
    const declared = exported
      .filter((value): value is new () => object => typeof value === 'function')
      .flatMap((type) => getMetadataStorage().getTargetValidationMetadatas(type, '', true, false))
      .filter((rule) => rule.type !== 'conditionalValidation')
      .map((rule) => rule.name ?? rule.type);
    const rules = [...new Set([...declared, 'whitelistValidation', 'unknownValue', UNSAFE_TEXT_RULE])].sort();
    expect(rules).toEqual(expect.arrayContaining(['maxLength', 'isIn', 'nestedValidation', 'isIso8601']));
    for (const language of INTERFACE_LANGUAGES) {
      const messages = readMessages(new URL('./messages/', import.meta.url), language);
      expect({ language, missing: rules.filter((rule) => !(ruleKey(rule) in messages)) }).toEqual({ language, missing: [] });
    }
  });

  it('says a broken rule in Arabic with its declared limit, on the API’s own failure', async () => {
    const input = await validateInput(CreateUserDto, { email: 'a@test.example', displayName: 'x'.repeat(201), roles: ['nobody'] });
    expect(input.ok).toBe(false);
    const shown = showProblems(input.ok ? [] : input.fields, catalogues.ar);
    expect(shown).toEqual([
      { field: 'displayName', text: 'يجب ألا يزيد طوله عن 200 حرفًا', lang: 'ar', dir: 'rtl' },
      { field: 'roles', text: 'ليس من الخيارات المعروضة', lang: 'ar', dir: 'rtl' },
    ]);
  });

  it('keeps the API’s English, marked as English, where a rule has no text or a problem has no rule', () => {
    const shown = showProblems(
      [
        { field: 'a', problems: ['a must be odd'], rules: [{ constraint: 'isOdd', args: [] }] },
        { field: 'url', problems: ['url must use https'] },
      ],
      catalogues.ar,
    );
    expect(shown).toEqual([
      { field: 'a', text: 'a must be odd', lang: 'en', dir: 'ltr' },
      { field: 'url', text: 'url must use https', lang: 'en', dir: 'ltr' },
    ]);
  });

  it('names text the pipe refuses before validation (NUL) with a rule of its own', async () => {
    const input = await validateInput(CreateUserDto, { email: 'a@test.example', displayName: 'a\u0000b', roles: ['officer'] });
    expect(showProblems(input.ok ? [] : input.fields, catalogues.en)).toEqual([
      { field: 'displayName', text: 'contains characters that are not valid text', lang: 'en', dir: 'ltr' },
    ]);
  });
});
