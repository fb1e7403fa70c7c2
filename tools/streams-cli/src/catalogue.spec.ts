import { join } from 'node:path';
import { buildAsyncApiDocument, TOPICS } from '@sangathan/contracts';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cataloguePath, loadCatalogue } from './catalogue';

describe('the catalogue the CLI reads', () => {
  it('finds docs/asyncapi.json of the repository and lists every topic of the contracts with its events', () => {
    const path = cataloguePath({});
    expect(path).toBe(join(__dirname, '..', '..', '..', 'docs', 'asyncapi.json'));
    const topics = loadCatalogue(path);
    expect(topics.map((t) => t.name).sort()).toEqual(TOPICS.map((t) => t.name).sort());
    const meetings = topics.find((t) => t.name === 'analyst.meetings.meeting')!;
    expect(meetings).toMatchObject({
      key: 'meetingId',
      partitions: 6,
      cleanupPolicy: 'delete',
      owner: 'stream-redactor',
    });
    expect(meetings.messages.map((m) => `${m.type}@v${m.version}`)).toContain('analyst.meeting.held@v1');
    expect(meetings.messages[0].payload).toMatchObject({ type: 'object' });
  });

  it('reads the document SANGATHAN_STREAMS_CATALOGUE names', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'asyncapi.json');
    writeFileSync(file, JSON.stringify(buildAsyncApiDocument()));
    expect(cataloguePath({ SANGATHAN_STREAMS_CATALOGUE: file })).toBe(file);
    expect(loadCatalogue(file)).toHaveLength(TOPICS.length);
  });
});
