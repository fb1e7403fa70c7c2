/** Where a district office's video-conference room stands. */
export const VC_ROOM_STATUSES = ['planned', 'connected', 'out-of-service'] as const;
export type VcRoomStatus = (typeof VC_ROOM_STATUSES)[number];
