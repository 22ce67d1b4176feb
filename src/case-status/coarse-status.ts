import type { RequestStatus } from '../tracing-requests/request-vocabulary.js';

export type CoarseStatus = 'searching' | 'news' | 'ended';

/**
 * What the enquirer may hear. Everything short of a disclosure the found person consented to reads
 * "searching" – candidates, confirmations, awaiting consent, on hold, even a refusal – so the status
 * is no oracle for someone posing as an enquirer.
 */
export function toCoarseStatus(status: RequestStatus): CoarseStatus {
  switch (status) {
    case 'contact_shared':
      return 'news';
    case 'withdrawn':
    case 'closed':
    case 'closed_no_match':
      return 'ended';
    case 'submitted':
    case 'searching':
    case 'possible_match':
    case 'on_hold':
    case 'match_confirmed':
    case 'awaiting_consent':
    case 'not_found':
      return 'searching';
  }
}

const MESSAGES: Record<string, Record<CoarseStatus, string>> = {
  en: {
    searching: 'We are searching.',
    news: 'We have news: your caseworker will contact you.',
    ended: 'The search has ended.',
  },
  ar: {
    searching: 'نحن نبحث.',
    news: 'لدينا أخبار: سيتواصل معك المسؤول عن ملفك.',
    ended: 'انتهى البحث.',
  },
  fr: {
    searching: 'Nous recherchons.',
    news: 'Nous avons des nouvelles : votre référent va vous contacter.',
    ended: 'La recherche est terminée.',
  },
  uk: {
    searching: 'Ми шукаємо.',
    news: 'У нас є новини: ваш соціальний працівник зв’яжеться з вами.',
    ended: 'Пошук завершено.',
  },
};

/** The message in the enquirer's language, or English when it has no translation yet. */
export function coarseStatusMessage(status: CoarseStatus, language: string | null): { language: string; message: string } {
  const base = language?.split('-')[0] ?? 'en';
  const chosen = MESSAGES[base] ? base : 'en';
  return { language: chosen, message: MESSAGES[chosen][status] };
}
