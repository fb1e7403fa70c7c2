import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';

/** The correlation id of a request: the caller's `x-correlation-id`, or a fresh one. */
export function correlationIdOf(req: Request): string {
  return req.header('x-correlation-id') ?? uuidv7();
}
