/** Claims of the bearer token: who, which organisation, and the session generation it was issued under. */
export interface TokenPayload {
  sub: string;
  org: string;
  gen: number;
}
