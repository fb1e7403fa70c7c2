import type { Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';

export const PANEL_SERVICE = 'candidates-panel';

/** Who asked and which request: the `actorId` and `correlationId` of the events a command emits. */
export type RequestContext = { actorId: string; correlationId: string };

export function requestContext(principal: Principal, req: Pick<Request, 'header'>): RequestContext {
  return { actorId: principal.sub, correlationId: req.header('x-correlation-id') ?? uuidv7() };
}
