import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { VC_ROOM_STATUSES } from '../../domain/vc-room-status';

export const registerRoomSchema = z.object({
  name: z.string().trim().min(1).max(200).describe('e.g. "Lucknow district office VC room"'),
  status: z.enum(VC_ROOM_STATUSES),
  note: z.string().max(1000).nullable().default(null),
});

export class RegisterRoomDto extends createZodDto(registerRoomSchema) {}

/** A video-conference room as the room operations answer it. */
export const vcRoomViewSchema = z.object({
  id: z.string(),
  areaId: z.string().describe('The district'),
  ancestors: z.array(z.string()),
  name: z.string(),
  status: z.enum(VC_ROOM_STATUSES),
  connectedAt: z.iso.datetime().nullable().describe('When it was first reported connected'),
  note: z.string().max(1000).nullable(),
});
export class VcRoomViewDto extends createZodDto(vcRoomViewSchema) {}
