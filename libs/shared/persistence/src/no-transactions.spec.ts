import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The lint rule that keeps transactions out (FerretDB 2 has none and keeps a failed one's writes) catches each form. */
describe('no transactions or sessions', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  const lines = [
    'export async function a(c: any) { return c.startSession(); }',
    'export function b(s: any) { s.startTransaction(); }',
    'export async function c(s: any) { await s.withTransaction(async () => 1); }',
    'export async function d(c: any) { await c.transaction(async () => 1); }',
    'export async function e(c: any) { await c.updateOne({ _id: 1 }, { $set: { a: 1 } }); }',
  ];

  it('flags a session, startTransaction, withTransaction and connection.transaction, and nothing else', () => {
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
        '--stdin',
        '--stdin-filename',
        'services/org/src/modules/areas/infrastructure/example.repository.ts',
        '--format',
        'json',
      ],
      { cwd: root, input: lines.join('\n'), encoding: 'utf8' },
    );
    const [result] = JSON.parse(run.stdout) as {
      messages: { ruleId: string; line: number; message: string }[];
    }[];
    const flagged = result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax');
    expect(flagged.map((m) => m.line)).toEqual([1, 2, 3, 4]);
    expect(flagged.every((m) => m.message.includes('no transactions or sessions'))).toBe(true);
  }, 30_000);
});
