import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { decodeCursor, encodeCursor } from '@sangathan/kernel';
import { PanelAccess } from '../../application/panel-access.service';
import { AUDIT_LOG, type AuditLogPort } from '../../application/ports/audit-log.port';
import type { AuditLogQueryDto } from './audit-log.dto';

@Injectable()
export class AuditLogQuery {
  constructor(
    @Inject(AUDIT_LOG) private readonly audit: AuditLogPort,
    private readonly access: PanelAccess,
  ) {}

  async execute(query: AuditLogQueryDto, principal: Principal) {
    await this.access.assert(principal, 'audit');
    const entries = await this.audit.list({
      panelId: query.panelId,
      actorId: query.actorId,
      outcome: query.outcome,
      after: query.cursor ? String(decodeCursor(query.cursor).id) : undefined,
      limit: query.limit,
    });
    const last = entries.at(-1);
    return {
      items: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
      nextCursor: entries.length === query.limit && last ? encodeCursor({ id: last.id }) : null,
    };
  }
}
