import { AreaCreatedV1, AreaMovedV1, AreaUpdatedV1, createEvent, type AreaLevel } from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import { InMemoryOrgDirectory } from '../../../../test/in-memory/in-memory-org-directory';
import { AreaDirectoryEventController } from './area-directory.event-controller';

const context = { producer: 'org', areaId: 'UP', areaPath: [], actorId: null, correlationId: 'c' };
const snapshot = (areaId: string, level: AreaLevel, ancestors: string[], nameEn = areaId) => ({
  areaId,
  level,
  parentId: ancestors.at(-1) ?? null,
  ancestors,
  nameEn,
  nameHi: null,
});

describe('AreaDirectoryEventController', () => {
  const setup = async () => {
    const directory = new InMemoryOrgDirectory();
    const controller = new AreaDirectoryEventController(directory);
    for (const [id, level, ancestors] of [
      ['IN', 'national', []],
      ['UP', 'state', ['IN']],
      ['D-1', 'district', ['IN', 'UP']],
      ['D-2', 'district', ['IN', 'UP']],
      ['AC-1', 'assembly', ['IN', 'UP', 'D-1']],
      ['M-1', 'mandal', ['IN', 'UP', 'D-1', 'AC-1']],
    ] as const)
      await controller.onAreaCreated(
        createEvent(AreaCreatedV1, snapshot(id, level, [...ancestors]), context),
      );
    await directory.applyPosition('it-cell-mandal:M-1', uuidv7(), {
      type: 'it-cell-mandal',
      areaId: 'M-1',
      ancestors: ['IN', 'UP', 'D-1', 'AC-1'],
      memberId: 'm1',
    });
    return { directory, controller };
  };

  it('re-paths the moved area’s subtree, areas and positions, and a redelivered move changes nothing', async () => {
    const { directory, controller } = await setup();
    const moved = createEvent(
      AreaMovedV1,
      {
        ...snapshot('AC-1', 'assembly', ['IN', 'UP', 'D-2']),
        previousParentId: 'D-1',
        previousAncestors: ['IN', 'UP', 'D-1'],
        descendantCount: 1,
      },
      context,
    );

    await controller.onAreaMoved(moved);
    await controller.onAreaMoved(moved);

    expect((await directory.findArea('AC-1'))?.ancestors).toEqual(['IN', 'UP', 'D-2']);
    expect((await directory.findArea('M-1'))?.ancestors).toEqual(['IN', 'UP', 'D-2', 'AC-1']);
    expect(directory.positions.get('it-cell-mandal:M-1')?.ancestors).toEqual(['IN', 'UP', 'D-2', 'AC-1']);
  });

  it('does not pull the subtree back when an older move arrives after a newer one', async () => {
    const { directory, controller } = await setup();
    const move = (to: string) =>
      createEvent(
        AreaMovedV1,
        {
          ...snapshot('AC-1', 'assembly', ['IN', 'UP', to]),
          previousParentId: 'D-1',
          previousAncestors: ['IN', 'UP', 'D-1'],
          descendantCount: 1,
        },
        context,
      );
    const older = move('D-2');
    const newer = move('D-1');

    await controller.onAreaMoved(older);
    await controller.onAreaMoved(newer);
    await controller.onAreaMoved(older);

    expect((await directory.findArea('AC-1'))?.ancestors).toEqual(['IN', 'UP', 'D-1']);
    expect((await directory.findArea('M-1'))?.ancestors).toEqual(['IN', 'UP', 'D-1', 'AC-1']);
    expect(directory.positions.get('it-cell-mandal:M-1')?.ancestors).toEqual(['IN', 'UP', 'D-1', 'AC-1']);
  });

  it('ignores an update older than the one applied', async () => {
    const { directory, controller } = await setup();
    const older = createEvent(
      AreaUpdatedV1,
      { ...snapshot('D-1', 'district', ['IN', 'UP'], 'Old name'), changed: ['nameEn'] },
      context,
    );
    const newer = createEvent(
      AreaUpdatedV1,
      { ...snapshot('D-1', 'district', ['IN', 'UP'], 'Lucknow'), changed: ['nameEn'] },
      context,
    );

    await controller.onAreaUpdated(newer);
    await controller.onAreaUpdated(older);

    expect((await directory.findArea('D-1'))?.nameEn).toBe('Lucknow');
  });
});
