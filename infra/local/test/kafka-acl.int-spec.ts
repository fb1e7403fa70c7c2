import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { run } from '../../../tools/streams-cli/src/main';

/**
 * The broker's access control (infra/kafka-principals.json, applied by infra/local on start) on its
 * SASL/SCRAM-SHA-512 listener: what the analyst and a service principal may and may not do. Topics are created
 * by the admin on the plaintext listener; the ACLs name catalogue topics without a test prefix, so every
 * message here carries this run's marker instead.
 */
describe('Kafka ACLs on the SASL listener', () => {
  const plaintext = process.env.KAFKA_BROKERS!;
  const sasl = process.env.SANGATHAN_KAFKA_SASL_BROKERS;
  const credentialsFile = process.env.SANGATHAN_KAFKA_CREDENTIALS;
  if (!sasl || !credentialsFile)
    throw new Error(
      'SANGATHAN_KAFKA_SASL_BROKERS and SANGATHAN_KAFKA_CREDENTIALS are not set: the broker was started before it had a SASL listener (restart its profile)',
    );
  const passwords = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Record<string, string>;
  const marker = randomBytes(6).toString('hex');
  const admin = new Kafka({
    clientId: 'acl-test-admin',
    brokers: plaintext.split(','),
    logLevel: logLevel.NOTHING,
  });
  const as = (user: string, password = passwords[user]) =>
    new Kafka({
      clientId: `acl-test-${user}`,
      brokers: sasl.split(','),
      sasl: { mechanism: 'scram-sha-512', username: user, password } as SASLOptions,
      logLevel: logLevel.NOTHING,
      retry: { retries: 5, initialRetryTime: 200 },
    });

  /**
   * The first message with this run's marker a consumer of `group` reads, or the error that stopped it. A broker
   * formatted a moment ago is still loading its group coordinator: that answer (retriable) is tried again.
   */
  async function readAs(kafka: Kafka, topic: string, group: string): Promise<string> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        return await readOnce(kafka, topic, group);
      } catch (error) {
        const { name, retriable } = error as { name?: string; retriable?: boolean };
        if (name !== 'KafkaJSProtocolError' || !retriable || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async function readOnce(kafka: Kafka, topic: string, group: string): Promise<string> {
    const consumer = kafka.consumer({ groupId: `${group}`, retry: { retries: 5, initialRetryTime: 200 } });
    try {
      return await new Promise<string>((resolve, reject) => {
        consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
        (async () => {
          await consumer.connect();
          await consumer.subscribe({ topic, fromBeginning: true });
          await consumer.run({
            eachMessage: async ({ message }) => {
              const value = message.value?.toString() ?? '';
              if (value.includes(marker)) resolve(value);
            },
          });
        })().catch(reject);
        setTimeout(() => reject(new Error('nothing read in 20 s')), 20_000);
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
  }

  beforeAll(async () => {
    const client = admin.admin();
    await client.connect();
    const topics = ['analyst.meetings.meeting', 'org.member.events', 'meetings.meeting.events'];
    await client
      .createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true })
      .catch(() => undefined);
    await client.disconnect();
    const producer = admin.producer();
    await producer.connect();
    for (const topic of topics)
      await producer.send({ topic, messages: [{ key: marker, value: JSON.stringify({ marker, topic }) }] });
    await producer.disconnect();
  }, 30_000);

  it('lets the analyst read an analyst topic with a group of its own', async () => {
    expect(await readAs(as('analyst'), 'analyst.meetings.meeting', `analyst-acl-${marker}`)).toContain(
      marker,
    );
  });

  it('does not let the analyst read an internal topic', async () => {
    await expect(readAs(as('analyst'), 'org.member.events', `analyst-acl-${marker}-2`)).rejects.toMatchObject(
      {
        type: 'TOPIC_AUTHORIZATION_FAILED',
      },
    );
  });

  it('does not let the analyst write, not even to an analyst topic', async () => {
    const producer = as('analyst').producer({ retry: { retries: 0 } });
    await producer.connect();
    try {
      await expect(
        producer.send({ topic: 'analyst.meetings.meeting', messages: [{ value: 'forged' }] }),
      ).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    } finally {
      await producer.disconnect();
    }
  });

  it("does not let the analyst join a service's consumer group", async () => {
    // kafkajs reports the broker's GROUP_AUTHORIZATION_FAILED answer to FindCoordinator as "coordinator not
    // found"; the broker's authorizer log says what it was.
    const log = join(dirname(credentialsFile), 'server.log');
    const denials = () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((line) =>
              /User:analyst is Denied operation = \w+ .* on resource = Group:LITERAL:meetings /.test(line),
            ).length
        : 0;
    const before = denials();
    await expect(readAs(as('analyst'), 'analyst.meetings.meeting', 'meetings')).rejects.toMatchObject({
      name: 'KafkaJSGroupCoordinatorNotFound',
    });
    expect(denials()).toBeGreaterThan(before);
  });

  it('lets a service read what it subscribes to, and not another service’s topic it does not', async () => {
    expect(await readAs(as('meetings'), 'org.member.events', `meetings-acl-${marker}`)).toContain(marker);
    await expect(
      readAs(as('training-events'), 'meetings.meeting.events', `training-acl-${marker}`),
    ).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
  });

  it('refuses a wrong password', async () => {
    const client = as('analyst', 'not-the-password').admin();
    await expect(client.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
  });

  it('serves sangathan-streams with the analyst credentials on analyst topics only', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      KAFKA_BROKERS: sasl,
      KAFKA_SASL_USERNAME: 'analyst',
      KAFKA_SASL_PASSWORD: passwords.analyst,
      KAFKA_TOPIC_PREFIX: '',
    });
    try {
      let out = '';
      await run(
        [
          'tail',
          'analyst.meetings.meeting',
          '--from',
          '1d',
          '--to',
          String(Date.now() + 60_000),
          '--format',
          'ndjson',
        ],
        {
          out: (text) => (out += text),
          err: () => undefined,
        },
      );
      expect(out).toContain(marker);
      await expect(
        run(['tail', 'org.member.events', '--from', '1d', '--to', String(Date.now() + 60_000)], {
          out: () => undefined,
          err: () => undefined,
        }),
      ).rejects.toThrow(/authoriz/i);
    } finally {
      process.env = saved;
    }
  });
});
