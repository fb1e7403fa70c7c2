import { AreaCreatedV1, EventRegistry, ORG_TOPICS } from '@sangathan/contracts';
import { isolateTest, uniqueName, waitFor } from '@sangathan/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import {
  consumerConfig,
  EventDispatcher,
  KafkaConnection,
  KafkaEventConsumer,
  KafkaMessagePublisher,
  kafkaSettingsFromEnv,
} from '../src';

/** A group member in its own process (kafkajs with the lib's consumer settings), so the test can kill it. */
const MEMBER = `
const { Kafka, logLevel } = require('kafkajs');
const { brokers, config, topic } = JSON.parse(process.argv[1]);
const consumer = new Kafka({ brokers, clientId: 'member-to-kill', logLevel: logLevel.NOTHING }).consumer(config);
consumer.on(consumer.events.GROUP_JOIN, () => process.stdout.write('joined\\n'));
consumer.connect()
  .then(() => consumer.subscribe({ topics: [topic], fromBeginning: true }))
  .then(() => consumer.run({ eachMessage: async () => undefined }));
`;

describe('a consumer group whose member was killed', () => {
  isolateTest('rejoin');
  let kafka: KafkaConnection;
  let member: ChildProcess | undefined;
  let consumer: KafkaEventConsumer | undefined;

  beforeAll(async () => {
    kafka = new KafkaConnection(kafkaSettingsFromEnv('rejoin-test'));
    await kafka.ensureTopics(ORG_TOPICS);
  });

  afterAll(async () => {
    member?.kill('SIGKILL');
    await consumer?.stop();
    await kafka?.disconnect();
  });

  it("takes a new member in once the dead one's session has ended, well before kafkajs' default session of 30 s", async () => {
    const options = { groupId: uniqueName('group') };
    const handler = { subscribesTo: [AreaCreatedV1], handleBatch: async () => undefined };
    const dispatcher = new EventDispatcher(new EventRegistry(), [handler], new KafkaMessagePublisher(kafka), {
      consumerGroup: options.groupId,
    });
    const args = {
      brokers: kafka.settings.brokers,
      config: consumerConfig(kafka, options),
      topic: kafka.topicName(AreaCreatedV1.topic),
    };
    const child = spawn(process.execPath, ['-e', MEMBER, JSON.stringify(args)], {
      cwd: join(__dirname, '..', '..', '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    member = child;
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes('joined'), { what: 'the first member joined', timeoutMs: 30_000 });

    const exited = once(child, 'exit');
    child.kill('SIGKILL'); // no LeaveGroup: the coordinator only learns of it when the session ends
    await exited;
    const restartedAt = Date.now();
    consumer = new KafkaEventConsumer(kafka, dispatcher, options);
    void consumer.start();
    await waitFor(() => consumer!.isConnected, {
      what: 'the new member joined',
      timeoutMs: 45_000,
      intervalMs: 50,
    });

    const joinedAfterMs = Date.now() - restartedAt;

    expect(joinedAfterMs).toBeLessThan(kafka.settings.sessionTimeoutMs + 6000);
    expect(joinedAfterMs).toBeLessThan(15_000);
  });
});
