import {
  AreaCreatedV1,
  AreaMovedV1,
  AreaUpdatedV1,
  createEvent,
  type EventDefinition,
  type EventEnvelope,
} from '@sangathan/contracts';
import type { AreaDirectoryPort, AreaFields } from '../application/ports/area-directory.port';
import type { AreaRepatherPort } from '../application/ports/area-repather.port';
import { AreaDirectoryEventController } from './area-directory.event-controller';

class RecordingAreas implements Pick<AreaDirectoryPort, 'applySnapshot' | 'repathDescendants'> {
  readonly applied: { areaId: string; eventId: string; fields: AreaFields }[] = [];
  readonly repathed: {
    movedId: string;
    newAncestors: readonly string[];
    previousAncestors: readonly string[];
  }[] = [];
  async applySnapshot(areaId: string, eventId: string, fields: AreaFields): Promise<boolean> {
    this.applied.push({ areaId, eventId, fields });
    return true;
  }
  async repathDescendants(
    movedId: string,
    newAncestors: readonly string[],
    previousAncestors: readonly string[],
  ): Promise<void> {
    this.repathed.push({ movedId, newAncestors, previousAncestors });
  }
}

const ctx = { producer: 'org', areaId: 'AC-173', areaPath: ['IN'], actorId: 'a', correlationId: 'c' };
const event = <P>(definition: EventDefinition<P>, payload: P): EventEnvelope<P> =>
  createEvent(definition, payload, ctx);
const seat = {
  areaId: 'AC-173',
  level: 'assembly' as const,
  parentId: 'D-LKO',
  ancestors: ['IN', 'UP', 'D-LKO'],
  nameEn: 'Lucknow Central',
  nameHi: 'लखनऊ मध्य',
};

describe('AreaDirectoryEventController', () => {
  let areas: RecordingAreas;
  let repather: { repath: jest.Mock };
  let controller: AreaDirectoryEventController;

  beforeEach(() => {
    areas = new RecordingAreas();
    repather = { repath: jest.fn().mockResolvedValue(undefined) };
    controller = new AreaDirectoryEventController(
      areas as unknown as AreaDirectoryPort,
      repather as AreaRepatherPort,
    );
  });

  it('applies the snapshot of a created or updated area under the event id, keeping only the fields it reads', async () => {
    const created = event(AreaCreatedV1, seat);
    const updated = event(AreaUpdatedV1, { ...seat, nameEn: 'Lucknow Central (W)', changed: ['nameEn'] });

    await controller.onAreaCreated(created);
    await controller.onAreaUpdated(updated);

    const { areaId: _id, ...fields } = seat;
    expect(areas.applied).toEqual([
      { areaId: 'AC-173', eventId: created.eventId, fields },
      { areaId: 'AC-173', eventId: updated.eventId, fields: { ...fields, nameEn: 'Lucknow Central (W)' } },
    ]);
    expect(areas.repathed).toEqual([]);
    expect(repather.repath).not.toHaveBeenCalled();
  });

  it('re-paths the known areas and the stored meetings under a moved area', async () => {
    const moved = event(AreaMovedV1, {
      ...seat,
      parentId: 'D-AGRA',
      ancestors: ['IN', 'UP', 'D-AGRA'],
      previousParentId: 'D-LKO',
      previousAncestors: ['IN', 'UP', 'D-LKO'],
      descendantCount: 3,
    });

    await controller.onAreaMoved(moved);

    expect(areas.applied[0]).toMatchObject({
      areaId: 'AC-173',
      fields: { ancestors: ['IN', 'UP', 'D-AGRA'] },
    });
    expect(areas.repathed).toEqual([
      { movedId: 'AC-173', newAncestors: ['IN', 'UP', 'D-AGRA'], previousAncestors: ['IN', 'UP', 'D-LKO'] },
    ]);
    expect(repather.repath).toHaveBeenCalledWith('AC-173', ['IN', 'UP', 'D-AGRA'], ['IN', 'UP', 'D-LKO']);
  });
});
