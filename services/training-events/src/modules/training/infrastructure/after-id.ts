/** The keyset filter of a page: ids after the previous page's last one. */
export function afterId(id: string | null): Record<string, unknown> {
  return id === null ? {} : { _id: { $gt: id } };
}
