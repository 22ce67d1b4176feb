import type { CookieOptions } from 'express';

/** The session cookie: a random id, nothing else. `__Host-` pins it to this host and path `/`. */
export const SESSION_COOKIE = 'rfl_console';
/** Before sign-in: a random id the login form's CSRF token is bound to. */
export const PRE_SESSION_COOKIE = 'rfl_console_pre';
/** Between the password and the second-factor step: the challenge, for five minutes at most. */
export const CHALLENGE_COOKIE = 'rfl_console_challenge';
export const CSRF_COOKIE = 'rfl_console_csrf';
/** The interface language the user picked; not secret, but still HttpOnly (no script reads it). */
export const LANGUAGE_COOKIE = 'rfl_console_lang';

/**
 * HttpOnly (no script can read them) and SameSite=Strict (no other site's page sends them, which is
 * the first line against cross-site request forgery; the CSRF token is the second).
 */
export function cookieOptions(secure: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/console', ...(maxAgeMs !== undefined && { maxAge: maxAgeMs }) };
}
