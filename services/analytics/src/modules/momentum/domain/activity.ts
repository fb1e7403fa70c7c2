import type { BoothStateName, FlowName } from './momentum-formula';

/**
 * What one integration event means for momentum, independent of its wire format. An event maps
 * to zero or more activities (a video-conference review adds attendance to every linked district).
 */
export type Activity = {
  /** Area the activity happened in; it counts for this area and every ancestor. */
  areaId: string;
  /** When it happened (ms since epoch); decay is measured from here. */
  at: number;
  /** Values added to flows. */
  flows?: Partial<Record<FlowName, number>>;
  /** New state of a booth (the area must be a booth); the latest `at` per booth wins. */
  booth?: Partial<Record<BoothStateName, number>>;
};

/** An area as the momentum state needs it (from org.area.* events). */
export type AreaRecord = {
  areaId: string;
  level: string;
  parentId: string | null;
  nameEn: string;
  nameHi: string | null;
  seatClass: string | null;
};
