import { Logger } from '@nestjs/common';
import { ORG_TOPICS } from '@sangathan/contracts';
import { isolateTest } from '@sangathan/testing';
import { KafkaConnection, kafkaSettingsFromEnv } from '../src';

describe('Kafka client logs at a clean start', () => {
  isolateTest('kafka-logs');
  const connections: KafkaConnection[] = [];
  afterAll(async () => Promise.all(connections.map((c) => c.disconnect())));

  it('logs no error when services race to create the same topics (the broker answers "already exists" to all but one)', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    connections.push(
      ...['org', 'meetings', 'training-events', 'analytics'].map(
        (name) => new KafkaConnection(kafkaSettingsFromEnv(name)),
      ),
    );

    const created = await Promise.all(connections.map((c) => c.ensureTopics(ORG_TOPICS)));

    expect(new Set(created.flat()).size).toBeGreaterThan(0);
    expect(errors.mock.calls.map(([line]) => String(line))).toEqual([]);
    errors.mockRestore();
  });
});
