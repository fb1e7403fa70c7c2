/**
 * Names of the indexes a query plan uses, from `explain()` on MongoDB (`indexName` in the winning plan's stages)
 * or on FerretDB over PostgreSQL (`Index Name` in the PostgreSQL plan nodes). Empty for a collection scan.
 */
export function indexesUsed(explain: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'indexName' || key === 'Index Name') && typeof value === 'string') found.add(value);
      else if (key !== 'rejectedPlans') visit(value);
    }
  };
  visit(explain);
  return [...found];
}
