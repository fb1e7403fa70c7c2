import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { NotFoundError, ValidationError } from '@sangathan/kernel';
import { Area } from '../../domain/area.entity';
import { areaView, type AreaView } from '../../application/area.view';
import { AREA_REPOSITORY, type AreaRepositoryPort } from '../../application/ports/area.repository.port';
import { toIntegrationEvents } from '../../application/area.integration-events';
import type { CreateAreaDto } from './create-area.dto';

export type CreateAreaCommand = CreateAreaDto & { principal: Principal; correlationId: string };

@Injectable()
export class CreateAreaHandler {
  constructor(@Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort) {}

  async execute(command: CreateAreaCommand): Promise<AreaView> {
    const parent = command.parentId ? await this.areas.findById(command.parentId.trim().toUpperCase()) : null;
    if (command.parentId && !parent) throw new NotFoundError('area', command.parentId);
    // The new area must fall inside the caller's subtree: check it where it will sit.
    const ancestors = parent ? [...parent.ancestors, parent.id] : [];
    assertCan(command.principal, 'org:write', { areaId: command.code.trim().toUpperCase(), ancestors });
    const lokSabhaId = await this.checkLokSabha(command.level, command.lokSabhaId);

    const { area, event } = Area.create({
      code: command.code,
      level: command.level,
      parent: parent
        ? { id: parent.id, level: parent.level, ancestors: parent.ancestors, lokSabhaId: parent.lokSabhaId }
        : null,
      nameEn: command.nameEn,
      nameHi: command.nameHi,
      seatClass: command.seatClass,
      lastMargin: command.lastMargin,
      lokSabhaId,
      figures: {
        boothCount: command.boothCount ?? null,
        voterCount: command.voterCount ?? null,
        beneficiaryCount: command.beneficiaryCount ?? null,
        socialComposition: command.socialComposition ?? null,
      },
    });
    await this.areas.insert(
      area,
      toIntegrationEvents([event], { actorId: command.principal.sub, correlationId: command.correlationId }),
    );
    return areaView(area);
  }

  private async checkLokSabha(level: string, lokSabhaId: string | null | undefined): Promise<string | null> {
    if (lokSabhaId == null) return null;
    if (level !== 'assembly') {
      throw new ValidationError('NOT_AN_ASSEMBLY', 'only an assembly seat links to a Lok Sabha seat', [
        { field: 'lokSabhaId', message: 'only for assembly areas' },
      ]);
    }
    return checkLokSabhaLink(this.areas, lokSabhaId);
  }
}

/** The id of an existing Lok Sabha seat, or a 400 naming `lokSabhaId`. */
export async function checkLokSabhaLink(areas: AreaRepositoryPort, lokSabhaId: string): Promise<string> {
  const id = lokSabhaId.trim().toUpperCase();
  const seat = await areas.findById(id);
  if (!seat || seat.level !== 'lok-sabha') {
    throw new ValidationError('UNKNOWN_LOK_SABHA', `${id} is not a Lok Sabha seat`, [
      { field: 'lokSabhaId', message: 'must be an existing lok-sabha area' },
    ]);
  }
  return id;
}
