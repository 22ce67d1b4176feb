import { Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import type { Response } from 'express';
import { fileURLToPath } from 'node:url';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { type Role, ROLES } from '../users/role.js';
import type { FieldProblem } from '../common/validation/validation-pipe.js';
import type { FailedRule } from './forms/failed-rules.js';
import { type Catalogue, DEFAULT_LANGUAGE, type InterfaceLanguage, isInterfaceLanguage, loadCatalogues } from './i18n/catalogue.js';
import { type ShownProblem, showProblems } from './i18n/field-messages.js';
import { LANGUAGE_COOKIE } from './session/console-cookies.js';
import { ConsoleCsrf } from './session/console-csrf.js';
import type { ConsoleRequest } from './session/console-request.js';

interface NavLink {
  href: string;
  key: string;
  roles: readonly Role[];
}

/** The menu, by role: each entry only for the roles whose API routes the page uses. */
const NAV: readonly NavLink[] = [
  { href: '/console/requests', key: 'nav.requests', roles: ['officer', 'reviewer', 'admin'] },
  { href: '/console/requests/new', key: 'nav.newRequest', roles: ['officer'] },
  { href: '/console/review', key: 'nav.review', roles: ['reviewer', 'admin'] },
  { href: '/console/finds', key: 'nav.finds', roles: ['caseworker'] },
  { href: '/console/case-status', key: 'nav.caseStatus', roles: ['caseworker'] },
  { href: '/console/users', key: 'nav.users', roles: ['admin'] },
  { href: '/console/sharing-agreements', key: 'nav.sharingAgreements', roles: ['admin'] },
  { href: '/console/webhook-receivers', key: 'nav.webhookReceivers', roles: ['admin'] },
  { href: '/console/second-factor', key: 'nav.secondFactor', roles: ROLES },
];

/** For the few places a template builds markup in a helper (field error texts); everything else is escaped by Eta. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Field problems as inline markup, each marked with its language (the API's English where no text exists). */
export function problemHtml(problems: readonly ShownProblem[]): string {
  return problems.map((p) => `<span lang="${p.lang}" dir="${p.dir}">${escapeHtml(p.text)}</span>`).join('; ');
}

export function navFor(roles: readonly Role[]): NavLink[] {
  return NAV.filter((link) => link.roles.some((role) => roles.includes(role)));
}

/**
 * Renders the console's pages: Eta templates from ./views (auto-escaped; `<%~` only for the layout's
 * body and for partials), with the user's catalogue, the page's CSRF token and the menu for their roles.
 */
@Injectable()
export class ConsolePages {
  private readonly eta = new Eta({ views: fileURLToPath(new URL('./views/', import.meta.url)), cache: true, autoEscape: true });
  private readonly catalogues = loadCatalogues();

  constructor(private readonly csrf: ConsoleCsrf) {}

  languageOf(request: ConsoleRequest): InterfaceLanguage {
    const chosen: unknown = request.cookies?.[LANGUAGE_COOKIE];
    return isInterfaceLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
  }

  catalogueFor(request: ConsoleRequest): Catalogue {
    return this.catalogues[this.languageOf(request)];
  }

  /** The API's field problems in the page's language (field-messages.ts). */
  showProblems(request: ConsoleRequest, problems: readonly (FieldProblem & { rules?: readonly FailedRule[] })[]): ShownProblem[] {
    return showProblems(problems, this.catalogueFor(request));
  }

  render(request: ConsoleRequest, response: Response, view: string, data: Record<string, unknown>, status = 200): void {
    const catalogue = this.catalogueFor(request);
    const user: AuthenticatedUser | undefined = request.user;
    const html = this.eta.render(`./${view}`, {
      ...data,
      t: catalogue.t,
      lang: catalogue.language,
      dir: catalogue.direction,
      csrf: this.csrf.tokenFor(request, response),
      user,
      nav: user ? navFor(user.roles) : [],
      path: request.originalUrl,
      escape: escapeHtml,
      problemHtml,
    });
    response.status(status).type('html').send(html);
  }
}
