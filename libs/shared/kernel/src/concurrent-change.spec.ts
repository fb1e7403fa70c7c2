import { ConflictError } from './application-error';
import { ConcurrentChangeError, retryOnConcurrentChange } from './concurrent-change';

describe('retryOnConcurrentChange', () => {
  const lost = () => new ConcurrentChangeError('CHANGED', 'changed meanwhile', [{ message: 'retry' }]);

  it('runs the operation again after a lost race and returns its result', async () => {
    let calls = 0;
    const result = await retryOnConcurrentChange(async () => {
      calls++;
      if (calls < 3) throw lost();
      return 'saved';
    });
    expect(result).toBe('saved');
    expect(calls).toBe(3);
  });

  it('gives up with the conflict after the last attempt', async () => {
    let calls = 0;
    await expect(
      retryOnConcurrentChange(async () => {
        calls++;
        throw lost();
      }, 4),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(calls).toBe(4);
  });

  it('does not retry other conflicts', async () => {
    let calls = 0;
    await expect(
      retryOnConcurrentChange(async () => {
        calls++;
        throw new ConflictError('TASK_CLOSED', 'closed', [{ message: 'closed' }]);
      }),
    ).rejects.toThrow('closed');
    expect(calls).toBe(1);
  });
});
