import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { ConflictError, uuidv7, ValidationError } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import {
  ORG_DIRECTORY,
  type OrgDirectoryPort,
} from '../../../org-directory/application/ports/org-directory.port';
import { PanelAccess } from '../../application/panel-access.service';
import { toPanelView, type PanelView } from '../../application/panel-view';
import { panelIntegrationEvents } from '../../application/panels.integration-events';
import { CLOCK, type ClockPort } from '../../application/ports/clock.port';
import { PANEL_REPOSITORY, type PanelRepositoryPort } from '../../application/ports/panel.repository.port';
import { Panel } from '../../domain/panel.entity';
import type { OpenPanelDto } from './open-panel.dto';

@Injectable()
export class OpenPanelHandler {
  constructor(
    @Inject(PANEL_REPOSITORY) private readonly panels: PanelRepositoryPort,
    @Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort,
    @Inject(CLOCK) private readonly clock: ClockPort,
    private readonly access: PanelAccess,
  ) {}

  async execute(body: OpenPanelDto, principal: Principal, ctx: RequestContext): Promise<PanelView> {
    this.access.assertPermission(principal, 'open');
    const seat = await this.directory.placeSeat(body.seatId);
    if (!seat)
      throw new ValidationError('UNKNOWN_SEAT', `${body.seatId} is not a known seat held by a zone`, [
        { field: 'seatId', message: 'a Lok Sabha or assembly seat org published, inside a zone' },
      ]);
    await this.access.assert(principal, 'open', { zoneId: seat.zoneId, zoneAncestors: seat.zoneAncestors });
    if (await this.panels.findBySeat(body.cycleId, seat.seatId))
      throw new ConflictError('PANEL_EXISTS', `seat ${seat.seatId} already has a panel for ${body.cycleId}`, [
        { field: 'seatId', message: 'one panel per seat and cycle' },
      ]);
    const { panel, events } = Panel.open({
      id: uuidv7(),
      cycleId: body.cycleId,
      ...seat,
      ownerId: await this.directory.holderOf(`zone-coordinator:${seat.zoneId}`),
      deadline: new Date(body.deadline),
      by: principal.sub,
      at: this.clock.now(),
    });
    await this.panels.insert(panel, panelIntegrationEvents(panel.snapshot, events, ctx));
    return toPanelView(panel.snapshot);
  }
}
