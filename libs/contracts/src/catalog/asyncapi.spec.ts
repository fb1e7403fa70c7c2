import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from './asyncapi';
import { TOPICS } from './catalog';

describe('AsyncAPI document', () => {
  const document = buildAsyncApiDocument();

  it('has a channel for every catalog topic', () => {
    const addresses = Object.values(document.channels as Record<string, { address: string }>).map(
      (c) => c.address,
    );
    expect(addresses.sort()).toEqual(TOPICS.map((t) => t.name).sort());
  });

  it('is committed up to date in docs/asyncapi.json (run `npm run asyncapi` after changing contracts)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../../docs/asyncapi.json'), 'utf8'));
    expect(committed).toEqual(document);
  });
});
