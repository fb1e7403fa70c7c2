import { z } from 'zod';

/** Query parameters of every list endpoint: keyset cursor and page size. */
export const pageQuerySchema = z.object({
  cursor: z.string().min(1).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Page size (1-500)'),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The answer of every list endpoint: one page of `item`s and the cursor of the next one. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .min(1)
      .nullable()
      .describe('Pass as `cursor` to read the next page; null on the last page'),
  });
}
