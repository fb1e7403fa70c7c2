import { ValidationError } from '@sangathan/kernel';
import type { ScheduleInput } from './meeting.types';

/**
 * What a kind of meeting needs when it is scheduled: a video-conference review links districts under its host
 * (and only it links areas); a participation conference names the social group it addresses.
 */
export function checkKindRequirements(input: ScheduleInput): void {
  if (input.kind === 'vc-review') {
    if (input.linkedAreas.length === 0) {
      throw new ValidationError(
        'LINKED_AREAS_REQUIRED',
        'a video-conference review links at least one district',
        [{ field: 'linkedAreaIds', message: 'required for vc-review' }],
      );
    }
    const outside = input.linkedAreas.filter((linked) => !linked.ancestors.includes(input.area.areaId));
    if (outside.length) {
      throw new ValidationError(
        'LINKED_AREA_OUTSIDE',
        `linked areas must lie under the hosting area ${input.area.areaId}`,
        outside.map((a) => ({
          field: 'linkedAreaIds',
          message: `${a.areaId} is not under ${input.area.areaId}`,
        })),
      );
    }
  } else if (input.linkedAreas.length) {
    throw new ValidationError('LINKED_AREAS_NOT_ALLOWED', 'only a vc-review links other areas', [
      { field: 'linkedAreaIds', message: 'only for vc-review' },
    ]);
  }
  if (input.kind === 'participation-conference' && !input.socialGroup) {
    throw new ValidationError(
      'SOCIAL_GROUP_REQUIRED',
      'a participation conference names the social group it addresses',
      [{ field: 'socialGroup', message: 'required' }],
    );
  }
}
