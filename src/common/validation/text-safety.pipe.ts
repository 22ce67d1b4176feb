import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { joinFieldPath } from './field-path.js';

const MAX_DEPTH = 32;

/** NUL cannot be stored in PostgreSQL text, and a lone surrogate cannot be encoded as UTF-8 without changing it. */
function isUnsafeText(text: string): boolean {
  return text.includes('\u0000') || !text.isWellFormed();
}

/** Dotted paths of every unsafe string (in keys or values) and of nesting too deep to be a real request; keys that are not field names are "(key)". */
export function findUnsafeText(value: unknown, path = '', depth = 0, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (isUnsafeText(value)) found.push(path || '(body)');
  } else if (typeof value === 'object' && value !== null) {
    if (depth >= MAX_DEPTH) {
      found.push(path || '(body)');
      return found;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = joinFieldPath(path, key);
      if (isUnsafeText(key)) found.push(childPath);
      findUnsafeText(child, childPath, depth + 1, found);
    }
  }
  return found;
}

/** Runs before validation on bodies, queries and route parameters; answers 400 naming the fields. */
@Injectable()
export class TextSafetyPipe implements PipeTransform {
  transform(value: unknown): unknown {
    const fields = findUnsafeText(value);
    if (fields.length > 0) {
      throw new BadRequestException({
        statusCode: 400,
        code: 'validation_failed',
        message: 'the request has invalid fields',
        fields: fields.map((field) => ({
          field,
          problems: ['contains characters that are not valid text (NUL or broken Unicode), or nests too deeply'],
        })),
      });
    }
    return value;
  }
}
