import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { EventRegistry, TOPICS } from '@sangathan/contracts';
import { RedactMeetingsEventController } from '../../../services/stream-redactor/src/modules/redaction/events/redact-meetings.event-controller';
import { RedactOrgEventController } from '../../../services/stream-redactor/src/modules/redaction/events/redact-org.event-controller';
import { RedactTrainingEventController } from '../../../services/stream-redactor/src/modules/redaction/events/redact-training.event-controller';

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

/** Topics of the events a controller's @OnEvent methods take (Nest's @EventPattern metadata). */
function subscribedTopics(...controllers: (new (...args: never[]) => object)[]): string[] {
  const registry = new EventRegistry();
  const topics = new Set<string>();
  for (const controller of controllers)
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const patterns = Reflect.getMetadata('microservices:pattern', controller.prototype[method as never]) as
        string[] | undefined;
      for (const pattern of patterns ?? []) {
        const [type, version] = pattern.split('@v');
        topics.add(registry.get(type, Number(version))!.topic);
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

  it('lets stream-redactor read exactly the topics its event controllers subscribe to', () => {
    const reads = of('stream-redactor')
      .filter((a) => a.operation === 'READ' && a.resourceType === 'TOPIC')
      .map((a) => a.name)
      .sort();
    expect(reads).toEqual(
      subscribedTopics(
        RedactOrgEventController,
        RedactMeetingsEventController,
        RedactTrainingEventController,
      ),
    );
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
