import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@sangathan/auth';
import { ApplicationError, uuidv7 } from '@sangathan/kernel';
import { lazyMeter } from '@sangathan/observability';
import type { Request } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { AUDIT_LOG, type AuditEntry, type AuditLogPort } from './ports/audit-log.port';
import { CLOCK, type ClockPort } from './ports/clock.port';

const AUDIT_ACTION = 'candidates-panel:audit-action';

const auditEntries = lazyMeter('candidates-panel').createCounter('panel_audit_entries_total', {
  description:
    'Entries appended to the panel audit log, by outcome (allowed reads, denied and rejected attempts)',
});

/** Names the audited action of a panel route (`panel.read`, `panel.decide`, …). */
export const AuditAs = (action: string) => SetMetadata(AUDIT_ACTION, action);

function statusOf(error: unknown): number {
  if (error instanceof ApplicationError) return error.status;
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}

function codeOf(error: unknown): string {
  if (error instanceof ApplicationError) return error.code;
  if (error instanceof ZodValidationException) return 'VALIDATION_FAILED';
  if (error instanceof HttpException) {
    const body = error.getResponse() as { code?: string } | string;
    return typeof body === 'object' && body.code ? body.code : error.name;
  }
  return 'ERROR';
}

/**
 * Appends to the audit log every successful read of a panel route (before the answer leaves: no audit, no
 * data) and every refused attempt on any panel route: 403s as `denied`, other 4xx as `rejected`.
 */
@Injectable()
export class PanelAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUDIT_LOG) private readonly audit: AuditLogPort,
    @Inject(CLOCK) private readonly clock: ClockPort,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const action = this.reflector.get<string | undefined>(AUDIT_ACTION, context.getHandler());
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    if (!action || !req.user) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const status = statusOf(error);
        if (status < 400 || status >= 500) return throwError(() => error);
        const outcome = status === 403 ? 'denied' : 'rejected';
        return from(this.append(req, action, outcome, codeOf(error))).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
      mergeMap(async (body: unknown) => {
        if (req.method === 'GET') await this.append(req, action, 'allowed', null);
        return body;
      }),
    );
  }

  private append(
    req: Request & { user?: Principal },
    action: string,
    outcome: AuditEntry['outcome'],
    code: string | null,
  ): Promise<void> {
    const principal = req.user!;
    const param = (name: string) => {
      const value = req.params?.[name];
      return typeof value === 'string' ? value.slice(0, 100) : null;
    };
    const bodyProspect = (req.body as { prospectId?: unknown } | undefined)?.prospectId;
    auditEntries.add(1, { outcome });
    return this.audit.append({
      id: uuidv7(),
      at: this.clock.now(),
      actorId: principal.sub,
      roles: [...principal.roles],
      actorAreaId: principal.areaId,
      action,
      outcome,
      code,
      panelId: param('panelId'),
      prospectId:
        param('prospectId') ?? (typeof bodyProspect === 'string' ? bodyProspect.slice(0, 100) : null),
      method: req.method,
      route: (req.route as { path?: string } | undefined)?.path ?? req.path,
      ip: req.ip ?? null,
      userAgent: req.header('user-agent')?.slice(0, 200) ?? null,
      correlationId: req.header('x-correlation-id')?.slice(0, 100) ?? null,
    });
  }
}
