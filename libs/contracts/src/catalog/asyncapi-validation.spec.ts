import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { buildAsyncApiDocument } from './asyncapi';
import { EVENT_DEFINITIONS } from './catalog';

describe('the AsyncAPI document against the AsyncAPI 3.0 schema (@asyncapi/parser)', () => {
  it('parses without an error, and every message has a valid example', async () => {
    const parser = new Parser();
    const { document, diagnostics } = await parser.parse(JSON.stringify(buildAsyncApiDocument()));
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(document).toBeDefined();
    const messages = document!.allMessages().all();
    expect(messages).toHaveLength(EVENT_DEFINITIONS.length);
    for (const message of messages) expect(message.examples().all()).toHaveLength(1);
  });

  it('reports a broken document (so the check above can fail)', async () => {
    const broken = buildAsyncApiDocument() as { channels: Record<string, Record<string, unknown>> };
    const first = Object.values(broken.channels)[0];
    first.address = 42;
    const { diagnostics } = await new Parser().parse(JSON.stringify(broken));
    expect(diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)).toBe(true);
  });
});
