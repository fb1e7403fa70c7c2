import { isolateTest } from '@sangathan/testing';
import mongoose, { type Connection } from 'mongoose';
import { SharedSendRate } from '../src/modules/notifications/infrastructure/shared-send-rate';

/** Two replicas' rate limiters on one real database: together they keep to one channel's limit. */
describe('send rates shared by the replicas', () => {
  const isolation = isolateTest('notify-rate');
  const connections: Connection[] = [];

  beforeAll(async () => {
    process.env.NOTIFY_RATE_SMS_PER_SECOND = '20';
    for (let i = 0; i < 2; i++)
      connections.push(
        await mongoose
          .createConnection(process.env.MONGODB_URI!, { dbName: isolation.dbName('notifications') })
          .asPromise(),
      );
  });

  afterAll(async () => {
    delete process.env.NOTIFY_RATE_SMS_PER_SECOND;
    await connections[0]?.dropDatabase();
    await Promise.all(connections.map((c) => c.close()));
  });

  it('lets two replicas make 60 SMS calls at 20 a second in all, not 20 each', async () => {
    const replicas = connections.map((connection) => new SharedSendRate(connection));
    const granted: number[] = [];
    await Promise.all(
      replicas.flatMap((replica) =>
        Array.from({ length: 30 }, () => replica.acquire('sms').then(() => granted.push(Date.now()))),
      ),
    );
    // Windows are wall-clock seconds: at most 20 calls in each, so 60 calls span at least three of them.
    const perSecond = new Map<number, number>();
    for (const at of granted)
      perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(20);
    expect(perSecond.size).toBeGreaterThanOrEqual(3);
    expect(granted).toHaveLength(60);
    // The inbox has no provider and no limit.
    const inboxStarted = Date.now();
    await Promise.all(Array.from({ length: 100 }, () => replicas[0].acquire('inbox')));
    expect(Date.now() - inboxStarted).toBeLessThan(100);
  });
});
