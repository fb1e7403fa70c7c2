import type { VcRoomStatus } from '../../domain/vc-room-status';

export type VcRoomView = {
  id: string;
  areaId: string;
  ancestors: string[];
  name: string;
  status: VcRoomStatus;
  connectedAt: string | null;
  note: string | null;
};

export type RoomRegistration = {
  areaId: string;
  ancestors: string[];
  name: string;
  status: VcRoomStatus;
  note: string | null;
};

export type VcRoomList = { summary: Record<string, number>; items: VcRoomView[] };

/** The registry of district-office video-conference rooms (one per district, keyed by its area id). */
export interface VcRoomRepositoryPort {
  byAreas(areaIds: readonly string[]): Promise<Map<string, VcRoomView>>;
  /** Registers or updates a room; `connectedAt` is set the first time it is connected. */
  upsert(room: RoomRegistration): Promise<VcRoomView>;
  /** Rooms in the caller's scope under `areaId`, with a count per status (before the status filter). */
  list(
    scope: Record<string, unknown>,
    areaId: string | undefined,
    status: VcRoomStatus | undefined,
  ): Promise<VcRoomList>;
}

export const VC_ROOM_REPOSITORY = Symbol('VcRoomRepositoryPort');
