/** Shapes of the service answers the dashboard reads (analytics, org, meetings, training-events). */
export const COMPONENTS = [
  'meetings',
  'attendance',
  'training',
  'committees',
  'volunteers',
  'tasks',
] as const;
export type ComponentName = (typeof COMPONENTS)[number];
export type Trend = 'accelerating' | 'steady' | 'slowing';

export type AreaMomentum = {
  areaId: string;
  level: string;
  nameEn: string | null;
  nameHi: string | null;
  booths: number;
  score: number;
  components: Record<
    ComponentName,
    { value: number | null; actual: number | null; expected: number | null; weight: number | null }
  >;
  weakestComponent: ComponentName | null;
  trend: { label: Trend; shortLongRatio: number | null; weekAgoScore: number | null };
  asOf: string;
};
export type Ranked = AreaMomentum & { rank: number };
export type Laggard = Ranked & { pulledDownBy: ComponentName | null };
export type KnownArea = {
  id: string;
  level: string;
  parentId: string | null;
  ancestors: string[];
  nameEn: string | null;
  nameHi: string | null;
  booths: number;
};
export type History = { kept: boolean; points: { day: string; score: number }[] };
export type StreamedScores = {
  areaId: string;
  level: string;
  asOf: string;
  items: { areaId: string; score: number; trend: Trend }[];
};
export type Page<T> = { items: T[]; nextCursor?: string | null };
export type Meeting = {
  id: string;
  kind: string;
  title: string;
  areaId: string;
  status: string;
  scheduledStart: string;
  headcount: number;
  namedCount: number;
};
export type Photo = {
  id: string;
  filename: string;
  takenAt: string | null;
  verdict: string;
  verified: boolean;
  reasons: string[];
};
export type Coverage = {
  booths: number;
  committeesFormed: number;
  committeeCoverage: number;
  volunteers: number;
  volunteerTarget: number;
  volunteerCoverage: number;
  boothsWithWhatsapp: number;
};
export type Task = { id: string; title: string; status: string; dueAt?: string | null; progress?: number };
export type Holder = {
  memberId: string;
  name: string | null;
  positionType: string;
  areaId: string;
  ancestors?: string[];
};
export type ComplianceReport = {
  summary: { holders: number; metQuota: number; fellShort: number; sentNoPhotos: number };
  holders: (Holder & { ancestors: string[]; metQuota: boolean; sentNoPhotos: boolean; totalHeld: number })[];
};
export type Programme = { id: string; title: string; areaId: string };
export type ProgrammeReport = {
  programmeId: string;
  title: string;
  sessions: { total: number; held: number };
  totals: { target: number; attended: number; turnoutRatio: number };
};
/** A row of candidates-panel's `GET /panel-overview`: statuses, dates and counts only, never a name. */
export type PanelOverviewRow = {
  panelId: string;
  cycleId: string;
  seatId: string;
  seatLevel: 'lok-sabha' | 'assembly';
  seatNameEn: string | null;
  seatNameHi: string | null;
  zoneId: string;
  status: 'open' | 'collecting' | 'proposed' | 'submitted' | 'returned' | 'decided' | 'announced';
  deadline: string;
  submittedAt: string | null;
  submittedOnTime: boolean | null;
  late: boolean;
  returnCount: number;
};
