import { transliterate } from './transliterate.js';

describe('transliterate: Cyrillic', () => {
  it.each([
    ['Олександр', 'oleksandr'],
    ['Юрій', 'yurii'],
    ['Київ', 'kyiv'],
    ['Їжакевич', 'yizhakevych'],
    ['Євгенія', 'yevheniia'],
    ['Григорій Згурський', 'hryhorii zghurskyi'],
    ['Мар’яна Іванівна', 'mariana ivanivna'],
    ["Ігор Мар'янович", 'ihor marianovych'],
    ['Щербина Ґалаґан', 'shcherbyna galagan'],
    ['Любов Йосипівна', 'liubov yosypivna'],
    // зг only: г after any other letter is h
    ['Згорані Зіновій', 'zghorani zinovii'],
  ])('Ukrainian (2010 national system): %s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });

  it.each([
    ['Сергей', 'sergey'],
    ['Юрий', 'yuriy'],
    ['Александр', 'aleksandr'],
    ['Наталья', 'natalya'],
    ['Екатерина', 'yekaterina'],
    ['Фёдор Хрущёв', 'fedor khrushchev'],
    ['Эдуард Мыльников', 'eduard mylnikov'],
    ['Объедков', 'obedkov'],
    ['ЦОЙ', 'tsoy'],
    ['Пётр Шишкин', 'petr shishkin'],
    ['Згуров', 'zgurov'],
    // Belarusian ў
    ['Шаўчэнка', 'shauchenka'],
  ])('Russian (simplified BGN/PCGN): %s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });

  it.each([
    ['Ђорђе', 'djordje'],
    ['Љубица Његош', 'ljubica njegos'],
    ['Јован Ћирић', 'jovan ciric'],
    ['Џафер', 'dzafer'],
    ['Ѓорѓи', 'gjorgji'],
    ['Ѕвезда Ќерка', 'dzvezda kjerka'],
    ['Живковић Хаџић Цвијић', 'zivkovic hadzic cvijic'],
  ])('Serbian and Macedonian letters: %s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });
});
