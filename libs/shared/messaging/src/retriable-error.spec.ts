import { isRetriable } from './retriable-error';

const serverError = (code: number) =>
  Object.assign(new Error('server said'), { name: 'MongoServerError', code });

describe('isRetriable', () => {
  it('retries a broker that is unreachable, also when kafkajs wraps the cause', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { name: 'KafkaJSConnectionError' });
    expect(isRetriable(cause)).toBe(true);
    expect(isRetriable(Object.assign(new Error('gave up'), { originalError: cause }))).toBe(true);
  });

  it('retries a database that is down, with the same test the HTTP side answers 503 with', () => {
    expect(isRetriable(Object.assign(new Error('no server'), { name: 'MongoServerSelectionError' }))).toBe(
      true,
    );
    expect(isRetriable(new Error('Operation `x.find()` buffering timed out after 10000ms'))).toBe(true);
    // A wire-protocol server whose storage is down answers InternalError.
    expect(isRetriable(serverError(1))).toBe(true);
  });

  it('does not retry what the event or the code got wrong', () => {
    expect(isRetriable(serverError(11000))).toBe(false);
    expect(isRetriable(new TypeError('x is undefined'))).toBe(false);
    expect(isRetriable('not an error')).toBe(false);
  });
});
