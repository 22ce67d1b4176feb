/**
 * Places and circumstances for the synthetic demo records. Place names are real towns (a search
 * needs them); every person, date and story attached to them by the generator is invented.
 */
export const PLACES: Readonly<Record<string, readonly string[]>> = {
  SY: ['Aleppo', 'Homs', 'Idlib', 'Daraa', 'Deir ez-Zor', 'Raqqa', 'حلب', 'حمص'],
  IQ: ['Mosul', 'Sinjar', 'Basra', 'Fallujah', 'الموصل'],
  YE: ['Taiz', 'Aden', 'Hodeidah', 'تعز'],
  SD: ['Khartoum', 'El Geneina', 'Nyala', 'Omdurman', 'الخرطوم'],
  LY: ['Tripoli', 'Benghazi', 'Sabha', 'Misrata', 'Zuwara'],
  AF: ['Kabul', 'Herat', 'Kunduz', 'Kandahar', 'Jalalabad', 'کابل', 'هرات'],
  ER: ['Asmara', 'Keren', 'Massawa', 'Mendefera', 'ኣስመራ'],
  ET: ['Addis Ababa', 'Gondar', 'Mekelle', 'Shire', 'አዲስ አበባ'],
  SO: ['Mogadishu', 'Kismayo', 'Baidoa', 'Beledweyne', 'Muqdisho'],
  UA: ['Kharkiv', 'Mariupol', 'Kherson', 'Bakhmut', 'Маріуполь', 'Харків'],
  AL: ['Shkodër', 'Tirana', 'Durrës', 'Kukës'],
  TR: ['Gaziantep', 'Izmir', 'Istanbul', 'Hatay', 'Edirne', 'Van'],
  GR: ['Lesvos', 'Samos', 'Evros', 'Athens'],
  IT: ['Lampedusa', 'Crotone'],
  LB: ['Beirut', 'Tripoli (Lebanon)', 'Bekaa valley'],
  JO: ['Zaatari camp', 'Amman'],
  IR: ['Tehran', 'Mashhad', 'Zahedan'],
  PK: ['Peshawar', 'Quetta'],
  DJ: ['Obock'],
  KE: ['Dadaab', 'Nairobi'],
  PL: ['Przemyśl', 'Warsaw'],
  MD: ['Chișinău', 'Palanca'],
  RU: ['Rostov-on-Don'],
  BG: ['Harmanli'],
};

export function placesIn(country: string): readonly string[] {
  const places = PLACES[country];
  if (!places) throw new Error(`no demo places for ${country}`);
  return places;
}

/** Short, clearly synthetic accounts of the separation; `{place}` and `{year}` are filled in. */
export const CIRCUMSTANCES: readonly string[] = [
  'Separated at a border crossing near {place} in {year} (demo record).',
  'Lost contact during the evacuation of {place} in {year} (demo record).',
  'Last phone call from {place} in {year}; no news since (demo record).',
  'Separated during a sea crossing after leaving {place} in {year} (demo record).',
  'Left {place} in {year} to look for work and did not arrive (demo record).',
  'Separated in the crowd at a reception point near {place} in {year} (demo record).',
  'Detained near {place} in {year}; family has had no news since (demo record).',
  'Fled {place} separately in {year}; the family planned to meet but did not (demo record).',
];

export function demoContact(counter: number): string {
  return `Phone: +000 555 ${String(100 + (counter % 9900)).padStart(4, '0')} (demo)`;
}

export const DEMO_WHEREABOUTS: readonly string[] = [
  'Reception centre, demo accommodation block B (synthetic)',
  'Staying with relatives; address on file (synthetic)',
  'Transit site, tent 12 (synthetic)',
];
