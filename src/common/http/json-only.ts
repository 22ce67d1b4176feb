import type { NextFunction, Request, Response } from 'express';
import { isConsolePath } from './security-headers.js';

/**
 * The API reads JSON bodies only (the web console's form posts under /console are read by its own module). A body of any other type would reach the handlers as "no body"
 * and fail validation field by field; it is refused up front with 415 instead.
 */
export function jsonBodiesOnly(request: Request, response: Response, next: NextFunction): void {
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !request.is('application/json') && !isConsolePath(request.path)) {
    response.status(415).json({ statusCode: 415, code: 'unsupported_media_type', message: 'request bodies must be application/json' });
    return;
  }
  next();
}
