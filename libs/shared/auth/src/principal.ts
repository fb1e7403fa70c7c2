import { z } from 'zod';
import { ROLES } from './roles';

/** Claims of a Sangathan access token (JWT, HS256 in development, RS256/ES256 in production). */
export const principalSchema = z.object({
  /** Member id of the caller. */
  sub: z.string().min(1),
  name: z.string().optional(),
  roles: z.array(z.enum(ROLES)).min(1),
  /** Area their position covers; they act only inside its subtree. */
  areaId: z.string().min(1),
  /** Ancestors of `areaId`, root first (lets a service check scope without a lookup). */
  areaPath: z.array(z.string()),
});
export type Principal = z.infer<typeof principalSchema>;
