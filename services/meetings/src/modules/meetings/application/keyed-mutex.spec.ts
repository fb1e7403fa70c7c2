import { KeyedMutex } from './keyed-mutex';

describe('KeyedMutex', () => {
  it('runs work for one key one at a time, in order, even when one fails', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const step = (name: string, ms: number, fail = false) =>
      mutex.run('k', async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
      });
    await Promise.allSettled([step('a', 20, true), step('b', 1), step('c', 1)]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets different keys run side by side', async () => {
    const mutex = new KeyedMutex();
    let running = 0;
    let peak = 0;
    const work = () =>
      mutex.run(String(Math.random()), async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
      });
    await Promise.all([work(), work(), work()]);
    expect(peak).toBe(3);
  });
});
