import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const setCommitteeSchema = z.object({
  memberIds: z
    .array(z.string().min(1).max(64))
    .max(60)
    .describe('Every committee member (replaces the list)'),
  requiredSize: z
    .number()
    .int()
    .min(1)
    .max(60)
    .optional()
    .describe('Members needed for a formed committee (default 7)'),
});
export class SetCommitteeDto extends createZodDto(setCommitteeSchema) {}

export const addVolunteerSchema = z.object({ memberId: z.string().min(1).max(64) });
export class AddVolunteerDto extends createZodDto(addVolunteerSchema) {}

export const setWhatsappGroupsSchema = z.object({
  groups: z
    .array(
      z.object({
        name: z.string().min(1).max(100),
        inviteLink: z
          .string()
          .url()
          .regex(/^https:\/\/chat\.whatsapp\.com\//, 'must be a chat.whatsapp.com invite link')
          .nullable()
          .default(null),
        memberCount: z.number().int().min(0).max(1024),
      }),
    )
    .max(20),
});
export class SetWhatsappGroupsDto extends createZodDto(setWhatsappGroupsSchema) {}

const count = z.number().int().nonnegative();

/** A booth as every booth operation answers it (`boothView`): its committee, volunteers, groups and coverage. */
export const boothViewSchema = z.object({
  boothId: z.string(),
  ancestors: z.array(z.string()),
  lokSabhaId: z.string().min(1).nullable(),
  committeeMemberIds: z.array(z.string()),
  committeeFormedAt: z.iso
    .datetime()
    .nullable()
    .describe('When the committee reached its required size; null until then'),
  volunteerIds: z.array(z.string()),
  whatsappGroups: z.array(
    z.object({ name: z.string(), inviteLink: z.string().nullable(), memberCount: count }),
  ),
  committeeFormed: z.boolean(),
  committeeSize: count,
  committeeRequired: count,
  volunteerCount: count,
  volunteerTarget: count,
  whatsappGroupCount: count,
  whatsappMemberCount: count,
});
export class BoothViewDto extends createZodDto(boothViewSchema) {}
