/**
 * Name pools for the synthetic demo records. Each entry is `native|Latin|Latin spelling variant...`:
 * the name as written in its own script, then common Latin transliterations (the first is the
 * usual one). For cultures written in Latin script, the extra spellings are variants (Maxamed ~ Mohamed).
 * The combinations the generator makes are random and describe no real person.
 */
import type { Calendar } from '../../persons/person-vocabulary.js';

export type Script = 'Arab' | 'Latn' | 'Cyrl' | 'Ethi';

export interface NameForms {
  native: string;
  latin: readonly string[];
}

export interface Culture {
  key: string;
  script: Script;
  /** BCP 47 tags of the names' language; the first is the most common */
  languages: readonly string[];
  /** `lineage`: given + father + grandfather; `family`: given + family; `lineage_family`: all four */
  naming: 'lineage' | 'family' | 'lineage_family';
  /** a calendar birth dates are sometimes given in, besides the Gregorian */
  calendar?: Exclude<Calendar, 'gregorian'>;
  /** home countries (ISO 3166-1), repeated to weight them */
  countries: readonly string[];
  /** countries people were last heard of in on the way */
  transit: readonly string[];
  male: readonly NameForms[];
  female: readonly NameForms[];
  family: readonly NameForms[];
  /** relative frequency among the demo requests */
  weight: number;
}

const forms = (...entries: string[]): NameForms[] =>
  entries.map((entry) => {
    const [native, ...latin] = entry.split('|');
    return { native, latin };
  });

const ARABIC: Culture = {
  key: 'arabic',
  script: 'Arab',
  languages: ['ar'],
  naming: 'lineage_family',
  weight: 30,
  countries: ['SY', 'SY', 'SY', 'IQ', 'IQ', 'YE', 'SD', 'SD', 'LY'],
  transit: ['TR', 'LY', 'GR', 'LB', 'JO'],
  male: forms(
    'محمد|Mohammed|Mohamed|Muhammad',
    'أحمد|Ahmed|Ahmad',
    'يوسف|Yusuf|Youssef|Yousef',
    'علي|Ali',
    'عمر|Omar|Umar',
    'خالد|Khaled|Khalid',
    'حسن|Hassan|Hasan',
    'إبراهيم|Ibrahim|Ebrahim',
    'مصطفى|Mustafa|Moustafa',
    'عبد الله|Abdullah|Abdallah',
    'سامر|Samer',
    'كريم|Karim|Kareem',
    'محمود|Mahmoud|Mahmud',
    'حسين|Hussein|Husain',
  ),
  female: forms(
    'فاطمة|Fatima|Fatma',
    'عائشة|Aisha|Aysha',
    'مريم|Maryam|Mariam',
    'زينب|Zainab|Zeinab',
    'نور|Nour|Noor',
    'ليلى|Layla|Leila',
    'رنا|Rana',
    'هبة|Heba|Hiba',
    'آمنة|Amina|Amna',
    'سارة|Sara|Sarah',
    'خديجة|Khadija|Khadidja',
  ),
  family: forms(
    'الأحمد|Al-Ahmad|Alahmad',
    'الحسن|Al-Hassan|Alhasan',
    'الخطيب|Al-Khatib|Alkhatib',
    'حداد|Haddad',
    'النجار|Al-Najjar|Alnajjar',
    'الشامي|Al-Shami|Alshami',
    'العلي|Al-Ali|Alali',
    'المصري|Al-Masri|Almasri',
    'الجبوري|Al-Jubouri|Aljuburi',
    'التميمي|Al-Tamimi|Altamimi',
  ),
};

const AFGHAN: Culture = {
  key: 'afghan',
  script: 'Arab',
  languages: ['fa', 'fa', 'ps'],
  naming: 'family',
  calendar: 'solar_hijri',
  weight: 16,
  countries: ['AF'],
  transit: ['IR', 'TR', 'GR', 'PK'],
  male: forms(
    'احمد|Ahmad|Ahmed',
    'محمد|Mohammad|Muhammad|Mohamad',
    'نجیب|Najib|Najeeb',
    'فرید|Farid|Fareed',
    'جاوید|Javid|Jawed',
    'حمید|Hamid|Hameed',
    'رحیم|Rahim|Raheem',
    'شفیق|Shafiq|Shafik',
    'اجمل|Ajmal',
    'زلمی|Zalmai|Zalmay',
    'گل|Gul',
  ),
  female: forms(
    'فرشته|Fereshta|Fereshteh',
    'مریم|Maryam|Mariam',
    'زهرا|Zahra',
    'شبنم|Shabnam',
    'نرگس|Nargis|Narges',
    'ملالی|Malalai|Malalay',
    'لیلا|Laila|Leila',
    'پلوشه|Palwasha',
  ),
  family: forms(
    'احمدی|Ahmadi',
    'حیدری|Haidari|Heydari',
    'رحیمی|Rahimi',
    'محمدی|Mohammadi|Muhammadi',
    'نوری|Noori|Nuri',
    'صدیقی|Siddiqi|Sediqi',
    'هاشمی|Hashimi|Hashemi',
    'یوسفزی|Yousafzai|Yusufzai',
    'پوپلزی|Popalzai',
  ),
};

const GEEZ_MALE = forms(
  'ኤርሚያስ|Ermias|Ermiyas',
  'ዮናስ|Yonas|Jonas',
  'ሰለሞን|Solomon|Selomon',
  'ዳዊት|Dawit',
  'ተስፋይ|Tesfay|Tesfai',
  'ሃይለ|Haile',
  'ክብሮም|Kibrom|Kbrom',
  'ፍሊሞን|Filmon|Filimon',
  'ገብረመድህን|Gebremedhin|Ghebremedhin',
  'ብርሃነ|Berhane|Birhane',
  'አማኑኤል|Amanuel|Emmanuel',
  'ሙሉጌታ|Mulugeta',
);
const GEEZ_FEMALE = forms(
  'ሳባ|Saba',
  'ሉዋም|Luwam',
  'ሄለን|Helen',
  'ጽጌ|Tsige',
  'ትርሓስ|Tirhas|Terhas',
  'ሰላም|Selam|Salam',
  'ራሄል|Rahel|Rachel',
  'መቅደስ|Mekdes|Meqdes',
  'ሃና|Hana|Hanna',
  'ብርኽቲ|Birikti',
);

const ERITREAN: Culture = {
  key: 'eritrean',
  script: 'Ethi',
  languages: ['ti'],
  naming: 'lineage',
  calendar: 'ethiopian',
  weight: 10,
  countries: ['ER'],
  transit: ['SD', 'ET', 'LY', 'IT'],
  male: GEEZ_MALE,
  female: GEEZ_FEMALE,
  family: [],
};

const ETHIOPIAN: Culture = {
  key: 'ethiopian',
  script: 'Ethi',
  languages: ['am', 'am', 'ti'],
  naming: 'lineage',
  calendar: 'ethiopian',
  weight: 7,
  countries: ['ET'],
  transit: ['SD', 'YE', 'DJ', 'LY'],
  male: GEEZ_MALE,
  female: GEEZ_FEMALE,
  family: [],
};

const SOMALI: Culture = {
  key: 'somali',
  script: 'Latn',
  languages: ['so'],
  naming: 'lineage',
  weight: 9,
  countries: ['SO'],
  transit: ['ET', 'YE', 'LY', 'KE'],
  male: forms(
    'Maxamed|Mohamed|Mohammed',
    'Cabdi|Abdi',
    'Axmed|Ahmed',
    'Xasan|Hassan|Hasan',
    'Cali|Ali',
    'Yuusuf|Yusuf|Yousuf',
    'Cumar|Omar',
    'Faarax|Farah',
    'Cabdullaahi|Abdullahi',
    'Ismaaciil|Ismail',
  ),
  female: forms(
    'Faadumo|Fadumo|Fatuma',
    'Xaawo|Hawo|Hawa',
    'Caasha|Asha',
    'Hodan',
    'Sahra|Sahro',
    'Maryan|Maryam',
    'Ifrah',
    'Nimco|Nimo',
    'Ayaan|Ayan',
  ),
  family: [],
};

const UKRAINIAN: Culture = {
  key: 'ukrainian',
  script: 'Cyrl',
  languages: ['uk'],
  naming: 'family',
  weight: 12,
  countries: ['UA'],
  transit: ['PL', 'MD', 'RU'],
  male: forms(
    'Олександр|Oleksandr|Oleksander',
    'Андрій|Andrii|Andriy',
    'Дмитро|Dmytro',
    'Сергій|Serhii|Serhiy',
    'Максим|Maksym|Maxim',
    'Іван|Ivan',
    'Богдан|Bohdan',
    'Микола|Mykola',
  ),
  female: forms(
    'Олена|Olena',
    'Наталія|Nataliia|Natalia',
    'Ірина|Iryna',
    'Оксана|Oksana',
    'Юлія|Yuliia|Yulia',
    'Софія|Sofiia|Sofia',
    'Марія|Mariia|Maria',
    'Анастасія|Anastasiia|Anastasia',
  ),
  family: forms(
    'Шевченко|Shevchenko',
    'Коваленко|Kovalenko',
    'Бондаренко|Bondarenko',
    'Ткачук|Tkachuk',
    'Мельник|Melnyk|Melnik',
    'Кравченко|Kravchenko',
    'Поліщук|Polishchuk',
    'Савчук|Savchuk',
  ),
};

/** Russian-speaking families from Ukraine: Александр here is Олександр there. */
const RUSSIAN: Culture = {
  key: 'russian',
  script: 'Cyrl',
  languages: ['ru'],
  naming: 'family',
  weight: 4,
  countries: ['UA'],
  transit: ['PL', 'MD', 'RU'],
  male: forms('Александр|Aleksandr|Alexander', 'Дмитрий|Dmitry|Dmitrii', 'Сергей|Sergei|Sergey', 'Андрей|Andrei|Andrey'),
  female: forms('Елена|Yelena|Elena', 'Наталья|Natalya|Natalia', 'Ирина|Irina', 'Мария|Mariya|Maria'),
  family: UKRAINIAN.family,
};

const ALBANIAN: Culture = {
  key: 'albanian',
  script: 'Latn',
  languages: ['sq'],
  naming: 'family',
  weight: 3,
  countries: ['AL'],
  transit: ['GR', 'IT'],
  male: forms('Arben', 'Besnik', 'Dritan', 'Ilir', 'Gëzim|Gezim', 'Agron', 'Edmond'),
  female: forms('Elira', 'Blerina', 'Drita', 'Mirela', 'Arta', 'Fatjona'),
  family: forms('Hoxha|Hoxja|Hodja', 'Krasniqi', 'Gashi', 'Berisha', 'Shehu', 'Leka', 'Dervishi'),
};

const TURKISH: Culture = {
  key: 'turkish',
  script: 'Latn',
  languages: ['tr'],
  naming: 'family',
  weight: 3,
  countries: ['TR'],
  transit: ['GR', 'BG'],
  male: forms('Mehmet|Mehmed', 'Mustafa', 'Yusuf', 'Emre', 'Hüseyin|Huseyin', 'İbrahim|Ibrahim', 'Ahmet'),
  female: forms('Ayşe|Ayse', 'Fatma', 'Zeynep', 'Elif', 'Emine', 'Hatice'),
  family: forms('Yılmaz|Yilmaz', 'Kaya', 'Demir', 'Şahin|Sahin', 'Çelik|Celik', 'Öztürk|Ozturk'),
};

export const CULTURES: readonly Culture[] = [ARABIC, AFGHAN, ERITREAN, ETHIOPIAN, SOMALI, UKRAINIAN, RUSSIAN, ALBANIAN, TURKISH];
