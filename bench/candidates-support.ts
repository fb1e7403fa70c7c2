/**
 * Shared set-up of the candidates-panel benchmarks: a small zone written straight into the service's
 * `org-directory` (the documents its org event controller builds), the service started from dist/ as a child
 * process on its own database and topic prefix with real encryption keys, and one panel opened over HTTP with
 * three prospects and designated collectors, so the figures are about panels, not about org.
 */
import { signToken, type Principal } from '@sangathan/auth';
import { ORG_TOPICS } from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv } from '@sangathan/messaging';
import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { startBuiltService } from './service-process';

const EVENT_ID = '00000000-0000-7000-8000-000000000000';

export const PEOPLE = {
  coordinator: { sub: 'zc1', roles: ['zone-coordinator'], areaId: 'Z1', areaPath: ['IN', 'UP'] },
  hq: { sub: 'hq', roles: ['national-admin'], areaId: 'IN', areaPath: [] },
  collector: (i: number): Principal => ({
    sub: `col-${i}`,
    roles: ['district-president'],
    areaId: 'D1',
    areaPath: ['IN', 'UP', 'Z1'],
  }),
} satisfies Record<string, Principal | ((i: number) => Principal)>;

export const tokenOf = (principal: Principal): string => `Bearer ${signToken(principal)}`;

export type PanelService = {
  url: string;
  db: Connection;
  stop: () => Promise<void>;
};

export type BenchPanel = { panelId: string; prospectIds: string[]; collectors: Principal[] };

async function seedDirectory(db: Connection, collectors: number): Promise<void> {
  const area = (id: string, level: string, ancestors: string[], lokSabhaId: string | null = null) => ({
    _id: id,
    level,
    parentId: ancestors.at(-1) ?? null,
    ancestors,
    lokSabhaId,
    lastEventId: EVENT_ID,
  });
  await db
    .collection('org_directory_areas')
    .insertMany([
      area('IN', 'national', []),
      area('UP', 'state', ['IN']),
      area('Z1', 'zone', ['IN', 'UP']),
      area('D1', 'district', ['IN', 'UP', 'Z1']),
      area('LS-1', 'lok-sabha', ['IN', 'UP']),
      area('AC-1', 'assembly', ['IN', 'UP', 'Z1', 'D1'], 'LS-1'),
    ] as never[]);
  const member = (id: string, name: string) => ({
    _id: id,
    name,
    status: 'active',
    areaId: 'AC-1',
    ancestors: ['IN', 'UP', 'Z1', 'D1'],
    lastEventId: EVENT_ID,
  });
  await db
    .collection('org_directory_members')
    .insertMany([
      member('zc1', 'Zone Coordinator'),
      member('m-1', 'राम प्रकाश यादव'),
      member('m-2', 'सुनीता वर्मा'),
      ...Array.from({ length: collectors }, (_, i) => member(`col-${i}`, `Collector ${i}`)),
    ] as never[]);
  await db.collection('org_directory_positions').insertMany([
    {
      _id: 'zone-coordinator:Z1',
      type: 'zone-coordinator',
      areaId: 'Z1',
      memberId: 'zc1',
      lastEventId: EVENT_ID,
    },
    {
      _id: 'national-president:IN',
      type: 'national-president',
      areaId: 'IN',
      memberId: 'pres',
      lastEventId: EVENT_ID,
    },
  ] as never[]);
}

export async function startPanelService(id: string, port: number, collectors: number): Promise<PanelService> {
  process.env.KAFKA_TOPIC_PREFIX = `${id}.`;
  const kafka = new KafkaConnection(kafkaSettingsFromEnv('bench-panel'));
  await kafka.ensureTopics(ORG_TOPICS); // the service consumes them; org would have created them
  await kafka.disconnect();
  const dbName = `${id}-candidates-panel`;
  const db = await mongoose
    .createConnection(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', { dbName })
    .asPromise();
  await seedDirectory(db, collectors);
  const service = await startBuiltService('candidates-panel', {
    port,
    env: {
      MONGODB_DB: dbName,
      KAFKA_TOPIC_PREFIX: `${id}.`,
      PANEL_ENCRYPTION_KEYS: JSON.stringify({ bench: randomBytes(32).toString('base64') }),
      PANEL_ENCRYPTION_KEY_ID: 'bench',
      PANEL_INDEX_KEY: randomBytes(32).toString('base64'),
    },
  });
  return {
    url: service.url,
    db,
    stop: async () => {
      await service.stop();
      if (!process.argv.includes('--keep')) await db.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}

export async function api<T>(
  url: string,
  method: string,
  principal: Principal,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: tokenOf(principal) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Opens the LS-1 panel, adds two members and an outsider, designates `collectors` collectors. */
export async function openBenchPanel(service: PanelService, collectors: number): Promise<BenchPanel> {
  const zc = PEOPLE.coordinator;
  const opened = await api<{ id: string }>(`${service.url}/panels`, 'POST', zc, {
    cycleId: 'LS-2029',
    seatId: 'LS-1',
    deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  if (opened.status !== 201)
    throw new Error(`open answered ${opened.status}: ${JSON.stringify(opened.body)}`);
  const panelId = opened.body.id;
  const prospectIds: string[] = [];
  for (const body of [
    { kind: 'member', memberId: 'm-1' },
    { kind: 'member', memberId: 'm-2' },
    { kind: 'outsider', name: 'कविता सिंह', phone: '+919812345678', profile: 'पूर्व प्रधान, दो बार' },
  ]) {
    const added = await api<{ id: string }>(`${service.url}/panels/${panelId}/prospects`, 'POST', zc, body);
    if (added.status !== 201)
      throw new Error(`prospect answered ${added.status}: ${JSON.stringify(added.body)}`);
    prospectIds.push(added.body.id);
  }
  const people = Array.from({ length: collectors }, (_, i) => PEOPLE.collector(i));
  const designated = await api(`${service.url}/panels/${panelId}/collectors`, 'POST', zc, {
    memberIds: people.map((p) => p.sub),
  });
  if (designated.status !== 200) throw new Error(`collectors answered ${designated.status}`);
  return { panelId, prospectIds, collectors: people };
}

/** One piece of feedback from collector `i` (Hindi text, ratings varying with `i`). */
export function feedbackBody(panel: BenchPanel, i: number) {
  const r = (k: number) => 1 + ((i + k) % 5);
  return {
    prospectId: panel.prospectIds[i % panel.prospectIds.length],
    source: (['worker', 'local-leader', 'public-meeting', 'survey'] as const)[i % 4],
    ratings: { winnability: r(0), organisationalStrength: r(1), publicImage: r(2), loyalty: r(3) },
    text: `क्षेत्र में अच्छी पकड़, कार्यकर्ताओं से संपर्क ${i}`,
  };
}
