import { runInNewContext } from 'node:vm';
import { isDatabaseUnavailable } from './database-unavailable';

const serverError = (code: number, labels: string[] = []) =>
  Object.assign(new Error('x'), { name: 'MongoServerError', code, errorLabels: labels });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a network error', Object.assign(new Error('socket closed'), { name: 'MongoNetworkError' })],
    ['no server selected', Object.assign(new Error('timed out'), { name: 'MongoServerSelectionError' })],
    ["mongoose's buffering timeout", new Error('Operation `x.find()` buffering timed out after 3000ms')],
    ['a storage backend that is down (InternalError)', serverError(1)],
    ['a shutting-down server', serverError(91)],
    ['a handshake that must reset the pool', serverError(18, ['HandshakeError', 'ResetPool'])],
    [
      'a socket the server closed mid-request',
      Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }),
    ],
    [
      // What Node's net module raises inside jest's sandbox: not an instance of the sandbox's Error.
      'a closed socket raised from another realm',
      Object.assign(runInNewContext("new Error('This socket has been ended by the other party')") as object, {
        code: 'EPIPE',
      }),
    ],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a duplicate key', serverError(11000)],
    ['a bad query', serverError(2)],
    ['a programming error', new TypeError('x is undefined')],
    ['a non-error', 'boom'],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
