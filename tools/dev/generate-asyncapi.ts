// Writes docs/asyncapi.json from the contracts catalog and renders it to docs/streams/index.html.
// With --check it writes nothing and fails if either committed file differs from what it would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from '@sangathan/contracts';
import { format, resolveConfig } from 'prettier';
import { renderAsyncApiHtml } from './render-asyncapi-html';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const docs = join(__dirname, '..', '..', '..', 'docs');
  const document = buildAsyncApiDocument();
  const outputs: [string, string][] = [
    // Formatted as `npm test`'s prettier check wants it.
    [
      join(docs, 'asyncapi.json'),
      await format(JSON.stringify(document), {
        ...(await resolveConfig(join(docs, 'asyncapi.json'))),
        parser: 'json',
      }),
    ],
    [join(docs, 'streams', 'index.html'), await renderAsyncApiHtml(document)],
  ];
  for (const [file, text] of outputs) {
    if (!check) {
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    } else if (readFileSync(file, 'utf8') !== text) {
      console.error(`${file} is out of date: run \`npm run asyncapi\``);
      process.exitCode = 1;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
