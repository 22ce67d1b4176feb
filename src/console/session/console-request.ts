import type { Request } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';

/** What the console's middleware learned about a request, for the pages and the error filter. */
export interface ConsoleContext {
  /** the session id from the cookie, when it names a live session */
  sessionId?: string;
  /** a session cookie came with the request but its session had ended (idle, too old, signed out) */
  sessionEnded: boolean;
}

export type ConsoleRequest = Request & { console?: ConsoleContext; user?: AuthenticatedUser };
