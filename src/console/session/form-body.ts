import type { NextFunction, Request, Response } from 'express';

/** Repeated names (checkboxes) become arrays, as a form's fields do. */
export function parseFormFields(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return fields;
}

/**
 * Reads a console form post (`application/x-www-form-urlencoded`, at most `limitBytes`) into
 * `request.body`. Any other body type is 415 and a larger body 413, before anything is parsed: the
 * same rule as the JSON API's, for the only other body type the service reads.
 */
export function formBody(limitBytes: number) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (!hasBody) {
      request.body = {};
      next();
      return;
    }
    if (!request.is('application/x-www-form-urlencoded')) {
      response.status(415).type('text/plain').send('Console forms are sent as application/x-www-form-urlencoded.');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes && !refused) {
        refused = true;
        response.status(413).type('text/plain').send('This form is too large.');
        request.resume();
      } else if (!refused) chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      request.body = parseFormFields(Buffer.concat(chunks).toString('utf8'));
      next();
    });
    request.on('error', next);
  };
}
