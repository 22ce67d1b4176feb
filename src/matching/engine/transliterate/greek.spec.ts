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
    ['Ζωή Βασίλης', 'zoi vasilis'],
    ['Ειρήνη', 'irini'],
    // αυ/ευ read f before each voiceless consonant
    ['Ευκλείδης Ευπραξία Ευτυχία', 'efklidis efpraxia eftychia'],
    ['Ζευς Ευψυχία Αυξέντιος', 'zefs efpsychia afxentios'],
    ['Λυγξ Αγχίαλος', 'lynx anchialos'],
    // an accent on the first vowel breaks the digraph
    ['Κέιτ', 'keit'],
  ])('%s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });
});
