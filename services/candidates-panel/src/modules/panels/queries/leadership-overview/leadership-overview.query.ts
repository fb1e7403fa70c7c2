import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { decodeCursor, encodeCursor } from '@sangathan/kernel';
import {
  ORG_DIRECTORY,
  type OrgDirectoryPort,
} from '../../../org-directory/application/ports/org-directory.port';
import { PanelAccess } from '../../application/panel-access.service';
import { CLOCK, type ClockPort } from '../../application/ports/clock.port';
import { PANEL_REPOSITORY, type PanelRepositoryPort } from '../../application/ports/panel.repository.port';
import type { LeadershipOverviewDto } from './leadership-overview.dto';

const BEFORE_SUBMISSION = new Set(['open', 'collecting', 'proposed', 'returned']);

/** Which seats submitted, which are late, which were returned: statuses and dates only, in the caller's subtree. */
@Injectable()
export class LeadershipOverviewQuery {
  constructor(
    @Inject(PANEL_REPOSITORY) private readonly panels: PanelRepositoryPort,
    @Inject(CLOCK) private readonly clock: ClockPort,
    @Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort,
    private readonly access: PanelAccess,
  ) {}

  async execute(query: LeadershipOverviewDto, principal: Principal) {
    await this.access.assert(principal, 'overview');
    const rows = await this.panels.overview({
      underAreaId: principal.areaId,
      cycleId: query.cycleId,
      status: query.status,
      after: query.cursor ? String(decodeCursor(query.cursor).id) : undefined,
      limit: query.limit,
    });
    const names = await this.directory.names(rows.map((r) => r.seatId));
    const now = this.clock.now().getTime();
    const last = rows.at(-1);
    return {
      items: rows.map((r) => ({
        panelId: r.panelId,
        cycleId: r.cycleId,
        seatId: r.seatId,
        seatLevel: r.seatLevel,
        seatNameEn: names.get(r.seatId)?.nameEn ?? null,
        seatNameHi: names.get(r.seatId)?.nameHi ?? null,
        zoneId: r.zoneId,
        status: r.status,
        deadline: r.deadline.toISOString(),
        submittedAt: r.submittedAt?.toISOString() ?? null,
        submittedOnTime: r.submittedOnTime,
        late: r.submittedOnTime === false || (BEFORE_SUBMISSION.has(r.status) && r.deadline.getTime() < now),
        returnCount: r.returnCount,
      })),
      nextCursor: rows.length === query.limit && last ? encodeCursor({ id: last.panelId }) : null,
    };
  }
}
