import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventRegistry, TOPICS } from '@sangathan/contracts';
type Acl = { principal: string; resourceType: string; name: string; patternType: string; operation: string };
type Model = { users: string[]; superUsers: string[]; acls: Acl[] };

const root = join(__dirname, '..', '..', '..');

/** The access model infra/local computes from infra/kafka-principals.json and the catalogue (an ES module). */
function accessModel(): Model {
  const lib = join(__dirname, '..', 'lib', 'kafka-access.mjs');
  const script = `import(${JSON.stringify(lib)}).then((m) => console.log(JSON.stringify(m.accessModel())));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Model;
}

/** The `*.event-controller.ts` files of a service (its @OnEvent handlers). */
function eventControllerFiles(service: string): string[] {
  const src = join(root, 'services', service, 'src');
  return (readdirSync(src, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.event-controller.ts'))
    .map((file) => join(src, file));
}

/** Topics of the events a service's @OnEvent / @OnEventBatch methods take (Nest's @EventPattern metadata). */
function subscribedTopics(service: string): string[] {
  const registry = new EventRegistry();
  const topics = new Set<string>();
  for (const file of eventControllerFiles(service))
    for (const controller of Object.values(jest.requireActual<Record<string, unknown>>(file))) {
      if (typeof controller !== 'function') continue;
      const prototype = (controller as { prototype: Record<string, unknown> }).prototype;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const patterns = Reflect.getMetadata('microservices:pattern', prototype[method] as object) as
          string[] | undefined;
        for (const pattern of patterns ?? []) {
          const [type, version] = pattern.split('@v');
          topics.add(registry.get(type, Number(version))!.topic);
        }
      }
    }
  return [...topics].sort();
}

describe('broker principals (infra/kafka-principals.json)', () => {
  const model = accessModel();
  const of = (user: string) => model.acls.filter((a) => a.principal === `User:${user}`);

  it('lets exactly the owner of each catalogue topic write it', () => {
    for (const topic of TOPICS) {
      const writers = model.acls
        .filter((a) => a.resourceType === 'TOPIC' && a.name === topic.name && a.operation === 'WRITE')
        .map((a) => a.principal);
      expect([topic.name, writers]).toEqual([topic.name, [`User:${topic.owner}`]]);
    }
  });

  it('gives the analyst read and describe on analyst.* and its own groups, and nothing else', () => {
    expect(
      of('analyst')
        .map((a) => `${a.operation} ${a.resourceType}:${a.patternType}:${a.name}`)
        .sort(),
    ).toEqual([
      'DESCRIBE TOPIC:PREFIXED:analyst.',
      'READ GROUP:PREFIXED:analyst-',
      'READ TOPIC:PREFIXED:analyst.',
    ]);
    expect(
      TOPICS.filter((t) => t.name.startsWith('analyst.')).every((t) => t.owner === 'stream-redactor'),
    ).toBe(true);
  });

  // A service whose consumers are still IntegrationEventHandlers has no event controller yet: its turn comes when
  // it moves to @OnEvent (issue 15), and then this fails until its `reads` match.
  const principals = JSON.parse(readFileSync(join(root, 'infra', 'kafka-principals.json'), 'utf8')) as {
    services: Record<string, unknown>;
  };
  const converted = Object.keys(principals.services).filter(
    (service) => eventControllerFiles(service).length > 0,
  );

  it('has a principal for every service', () => {
    // Services on the event bus (the dashboard serves a web app and reads the services over HTTP only).
    const services = readdirSync(join(root, 'services')).filter((s) =>
      existsSync(join(root, 'services', s, 'src', 'app.module.ts')),
    );
    expect(Object.keys(principals.services).sort()).toEqual(services.sort());
  });

  it.each(converted)('lets %s read exactly the topics its event controllers subscribe to', (service) => {
    const reads = of(service)
      .filter((a) => a.operation === 'READ' && a.resourceType === 'TOPIC')
      .map((a) => a.name)
      .sort();
    expect(reads).toEqual(subscribedTopics(service));
  });

  it('keeps the Strimzi KafkaUser resources generated from it (`npm run kafka-users`)', () => {
    const check = spawnSync(process.execPath, ['tools/scripts/generate-kafka-users.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
