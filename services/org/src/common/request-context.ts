import type { Principal } from '@sangathan/auth';
import type { EventContext } from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';

export const ORG_SERVICE = 'org';

/** Who asked and which request: becomes the `actorId` and `correlationId` of the events a command emits. */
export type RequestContext = { actorId: string | null; correlationId: string };

export function requestContext(principal: Principal, req: Pick<Request, 'header'>): RequestContext {
  return { actorId: principal.sub, correlationId: req.header('x-correlation-id') ?? uuidv7() };
}

/** Envelope context for an event about `areaId`. */
export function eventContext(ctx: RequestContext, areaId: string, areaPath: readonly string[]): EventContext {
  return {
    producer: ORG_SERVICE,
    areaId,
    areaPath: [...areaPath],
    actorId: ctx.actorId,
    correlationId: ctx.correlationId,
  };
}
