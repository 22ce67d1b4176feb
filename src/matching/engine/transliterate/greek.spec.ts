import { transliterate } from './transliterate.js';

describe('transliterate: Greek', () => {
  it.each([
    ['Αλέξανδρος', 'alexandros'],
    ['Γιώργος', 'giorgos'],
    ['Γεώργιος Παπαδόπουλος', 'georgios papadopoulos'],
    ['Ευάγγελος', 'evangelos'],
    ['Ελευθερία', 'eleftheria'],
    ['Ευστάθιος', 'efstathios'],
    ['Αύγουστος', 'avgoustos'],
    ['Κωνσταντίνος', 'konstantinos'],
    ['Ντίνος Μπακογιάννης', 'dinos bakogiannis'],
    ['Λάμπρος', 'lambros'],
    ['Γκίκας Αγκάθη', 'gikas angathi'],
    ['Δημήτρης Οικονόμου', 'dimitris ikonomou'],
    ['Χρήστος Ψαράς', 'christos psaras'],
    ['Ηλίας', 'ilias'],
    ['Ευφροσύνη', 'effrosyni'],
    ['Μαΐου', 'maiou'],
    ['Ταΰγετος', 'taygetos'],
    ['ΝΙΚΟΣ', 'nikos'],
  ])('%s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });
});
