import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { vcRoomViewSchema } from '../../commands/register-room/register-room.dto';

const count = z.number().int().nonnegative();

/** The answer of GET /vc-rooms. */
export const roomListSchema = z.object({
  summary: z
    .object({ total: count, planned: count, connected: count, 'out-of-service': count })
    .describe('Rooms of the subtree per status (whatever the status filter)'),
  items: z.array(vcRoomViewSchema).describe('The rooms that pass the status filter'),
});
export class RoomListDto extends createZodDto(roomListSchema) {}
