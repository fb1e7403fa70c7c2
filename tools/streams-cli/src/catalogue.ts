import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One event a topic carries, as the catalogue describes it. */
export type CatalogueMessage = { type: string; version: number; summary: string; payload: unknown };

/** One topic of the catalogue. */
export type CatalogueTopic = {
  name: string;
  description: string;
  key: string;
  owner: string;
  partitions: number;
  cleanupPolicy: string;
  retentionMs: number;
  messages: CatalogueMessage[];
};

type AsyncApiDocument = {
  channels: Record<
    string,
    {
      address: string;
      description: string;
      messages: Record<string, { $ref: string }>;
      bindings?: {
        kafka?: { partitions?: number; topicConfiguration?: Record<string, unknown> };
      };
      'x-key'?: string;
      'x-owner'?: string;
    }
  >;
  components: {
    messages: Record<
      string,
      {
        name: string;
        title: string;
        summary: string;
        payload: { allOf: { properties?: Record<string, unknown> }[] };
      }
    >;
  };
};

/**
 * Where the catalogue is: SANGATHAN_STREAMS_CATALOGUE, the copy packed beside the compiled CLI, or the
 * repository's docs/asyncapi.json (generated from libs/contracts) above the working directory or this file.
 */
export function cataloguePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SANGATHAN_STREAMS_CATALOGUE) return env.SANGATHAN_STREAMS_CATALOGUE;
  const packed = join(__dirname, '..', 'catalogue.json');
  if (existsSync(packed)) return packed;
  for (const start of [process.cwd(), __dirname]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, 'docs', 'asyncapi.json');
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('no stream catalogue found: set SANGATHAN_STREAMS_CATALOGUE to an AsyncAPI document');
}

/** Reads the topics of an AsyncAPI document generated from libs/contracts. */
export function loadCatalogue(path = cataloguePath()): CatalogueTopic[] {
  const document = JSON.parse(readFileSync(path, 'utf8')) as AsyncApiDocument;
  return Object.values(document.channels).map((channel) => {
    const config = channel.bindings?.kafka?.topicConfiguration ?? {};
    const cleanup = config['cleanup.policy'];
    return {
      name: channel.address,
      description: channel.description,
      key: channel['x-key'] ?? '',
      owner: channel['x-owner'] ?? '',
      partitions: channel.bindings?.kafka?.partitions ?? 0,
      cleanupPolicy: Array.isArray(cleanup) ? cleanup.join(',') : String(cleanup ?? 'delete'),
      retentionMs: Number(config['retention.ms'] ?? -1),
      messages: Object.values(channel.messages).map(({ $ref }) => {
        const message = document.components.messages[$ref.split('/').pop()!];
        const body = message.payload.allOf[1]?.properties ?? {};
        return {
          type: message.name,
          version: Number((body.version as { const?: number } | undefined)?.const ?? 1),
          summary: message.summary,
          payload: body.payload,
        };
      }),
    };
  });
}
