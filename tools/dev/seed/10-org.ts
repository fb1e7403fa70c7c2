// Seeds demo data through the services' own HTTP APIs (so events flow as in production).
// Safe to re-run: existing records answer 409 and are skipped.
import { signToken } from '@sangathan/auth';

const orgUrl = process.env.ORG_URL ?? 'http://127.0.0.1:3001';
const token = signToken({ sub: 'seed', roles: ['national-admin'], areaId: 'IN', areaPath: [] });

async function post(path: string, body: unknown): Promise<'created' | 'exists'> {
  const response = await fetch(`${orgUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (response.status === 201) return 'created';
  if (response.status === 409) return 'exists';
  throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}

async function main(): Promise<void> {
  const results = [
    await post('/areas', { code: 'IN', level: 'national', parentId: null, nameEn: 'India', nameHi: 'भारत' }),
    await post('/areas', { code: 'UP', level: 'state', parentId: 'IN', nameEn: 'Uttar Pradesh', nameHi: 'उत्तर प्रदेश' }),
  ];
  const created = results.filter((r) => r === 'created').length;
  console.log(created ? `seeded ${created} demo records` : 'demo data already present');
}

main().catch((error: Error) => {
  console.error(`sangathan: seeding demo data failed: ${error.message}`);
  process.exit(1);
});
