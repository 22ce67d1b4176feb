/**
 * Claims of a signed token: who, which organisation, the session generation it was issued under, and
 * what it is for. Only `access` tokens pass the guard; a `second_factor` challenge token is good for
 * nothing but the second login step.
 */
export interface TokenPayload {
  sub: string;
  org: string;
  gen: number;
  use: 'access' | 'second_factor';
}
