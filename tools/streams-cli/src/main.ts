import { Command, InvalidArgumentError, Option } from 'commander';
import { connectBroker, type BrokerOptions } from './broker';
import { loadCatalogue, type CatalogueTopic } from './catalogue';
import { parseInstant } from './event-filter';
import { exportEvents, type ExportFormat } from './export-events';
import { printEvents } from './print-events';

/** Where the CLI writes; tests pass their own. */
export type CliOutput = { out: (text: string) => void; err: (text: string) => void };

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const instant = (text: string): number => {
  try {
    return parseInstant(text);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function brokerOptions(command: Command): Command {
  return command
    .option(
      '--brokers <list>',
      'bootstrap brokers, host:port[,…] (default: $KAFKA_BROKERS or 127.0.0.1:9092)',
    )
    .option('--username <name>', 'SASL user (default: $KAFKA_SASL_USERNAME; none = plaintext listener)')
    .option('--password <secret>', 'SASL password (default: $KAFKA_SASL_PASSWORD)')
    .option('--mechanism <name>', 'SASL mechanism (default: $KAFKA_SASL_MECHANISM or scram-sha-512)')
    .option('--topic-prefix <prefix>', 'deployment prefix of topic names (default: $KAFKA_TOPIC_PREFIX)');
}

function filterOptions(command: Command): Command {
  return command
    .option('--type <type>', 'only this event type, `type` or `type@vN` (repeatable)', collect)
    .option('--area <id>', "only events of this area's subtree (the area or any descendant)");
}

function knownTopic(catalogue: CatalogueTopic[], name: string): string {
  if (!catalogue.some((t) => t.name === name))
    throw new InvalidArgumentError(
      `unknown topic "${name}"; \`sangathan-streams topics\` lists them (${catalogue
        .filter((t) => t.name.startsWith('analyst.'))
        .map((t) => t.name)
        .join(', ')}, …)`,
    );
  return name;
}

/** Builds the program; `run` parses argv with it. */
export function buildProgram(output: CliOutput = processOutput, signal?: AbortSignal): Command {
  const catalogue = (): CatalogueTopic[] => loadCatalogue();
  const program = new Command('sangathan-streams')
    .description(
      "Read Sangathan's event streams: list topics with their schemas, tail, export and replay. Analysts read the\n" +
        'analyst.* topics (docs/streams.md). Reading never commits offsets: each run uses a fresh consumer group\n' +
        'of its own (analyst-streams-…) and seeks partitions by time itself.',
    )
    .version('0.1.0')
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showHelpAfterError();

  program
    .command('topics')
    .description('list the topics of the catalogue with their key, retention and event schemas')
    .option('--all', 'include the internal topics (by default only analyst.* topics)')
    .option('--schemas', 'print each event’s payload JSON Schema')
    .option('--json', 'the list as JSON')
    .action((options: { all?: boolean; schemas?: boolean; json?: boolean }) => {
      const topics = catalogue().filter((t) => options.all || t.name.startsWith('analyst.'));
      if (options.json) {
        output.out(`${JSON.stringify(topics, null, 2)}\n`);
        return;
      }
      for (const topic of topics) {
        const retention =
          topic.retentionMs < 0 ? 'kept forever' : `${Math.round(topic.retentionMs / 86_400_000)} days`;
        output.out(
          `${topic.name}  (key ${topic.key}; ${topic.partitions} partitions; ${topic.cleanupPolicy}, ${retention}; by ${topic.owner})\n` +
            `  ${topic.description}\n`,
        );
        for (const message of topic.messages) {
          output.out(`  - ${message.type} v${message.version}: ${message.summary}\n`);
          if (options.schemas)
            output.out(`${JSON.stringify(message.payload, null, 2).replace(/^/gm, '      ')}\n`);
        }
      }
    });

  filterOptions(
    brokerOptions(
      program
        .command('tail')
        .description('print a topic’s events as they arrive (or a time range of them), filtered')
        .argument('<topic>', 'catalogue topic name, e.g. analyst.meetings.meeting')
        .option(
          '--from <time>',
          'start at this time: ISO-8601, YYYY-MM-DD (IST), epoch ms or 15m/2h/7d ago (default: now)',
          instant,
        )
        .option('--to <time>', 'stop at this time (exclusive) instead of following', instant)
        .addOption(
          new Option('--format <format>', 'output format').choices(['pretty', 'ndjson']).default('pretty'),
        ),
    ),
  ).action(
    async (
      topic: string,
      options: BrokerOptions & {
        from?: number;
        to?: number;
        type?: string[];
        area?: string;
        format: 'pretty' | 'ndjson';
      },
    ) => {
      knownTopic(catalogue(), topic);
      await printEvents(connectBroker(options), {
        topics: [topic],
        filter: {
          types: options.type,
          area: options.area,
          fromMs: options.from ?? Date.now(),
          toMs: options.to,
        },
        format: options.format,
        follow: options.to === undefined,
        write: output.out,
        signal,
      });
    },
  );

  filterOptions(
    brokerOptions(
      program
        .command('export')
        .description('write a topic’s events of a time range to a file, with a progress bar; resumable')
        .argument('<topic>', 'catalogue topic name')
        .requiredOption('--from <time>', 'first time (inclusive)', instant)
        .option('--to <time>', 'last time (exclusive; default: now)', instant)
        .addOption(
          new Option('--format <format>', 'file format')
            .choices(['csv', 'ndjson', 'parquet'])
            .makeOptionMandatory(),
        )
        .requiredOption('--out <file>', 'file to write (written as <file>.partial until complete)')
        .option(
          '--checkpoint <file>',
          'checkpoint file (default: <out>.checkpoint.json); run again to resume',
        )
        .option('--no-progress', 'no progress bar'),
    ),
  ).action(
    async (
      topic: string,
      options: BrokerOptions & {
        from: number;
        to?: number;
        type?: string[];
        area?: string;
        format: ExportFormat;
        out: string;
        checkpoint?: string;
        progress: boolean;
      },
    ) => {
      knownTopic(catalogue(), topic);
      const toMs = options.to ?? Date.now();
      const result = await exportEvents(connectBroker(options), {
        topic,
        fromMs: options.from,
        toMs,
        format: options.format,
        out: options.out,
        checkpoint: options.checkpoint,
        filter: { types: options.type, area: options.area, fromMs: options.from, toMs },
        progress: options.progress && process.stderr.isTTY === true,
      });
      output.err(
        `${result.resumed ? 'resumed; ' : ''}${result.rows} events of ${result.read} messages written to ${options.out}\n`,
      );
    },
  );

  filterOptions(
    brokerOptions(
      program
        .command('replay')
        .description(
          'print every event from a point in time on, across topics (default: all analyst.* topics)',
        )
        .requiredOption('--from <time>', 'replay from this time', instant)
        .option('--to <time>', 'stop at this time (exclusive; default: keep following)', instant)
        .option('--topic <topic>', 'a topic to replay (repeatable)', collect)
        .addOption(
          new Option('--format <format>', 'output format').choices(['pretty', 'ndjson']).default('ndjson'),
        ),
    ),
  ).action(
    async (
      options: BrokerOptions & {
        from: number;
        to?: number;
        topic?: string[];
        type?: string[];
        area?: string;
        format: 'pretty' | 'ndjson';
      },
    ) => {
      const all = catalogue();
      const topics =
        options.topic?.map((t) => knownTopic(all, t)) ??
        all.filter((t) => t.name.startsWith('analyst.')).map((t) => t.name);
      await printEvents(connectBroker(options), {
        topics,
        filter: { types: options.type, area: options.area, fromMs: options.from, toMs: options.to },
        format: options.format,
        follow: options.to === undefined,
        write: output.out,
        signal,
      });
    },
  );

  return program;
}

/** Runs the CLI with `argv` (without node and the script); resolves when the command is done. */
export async function run(argv: readonly string[], output?: CliOutput, signal?: AbortSignal): Promise<void> {
  await buildProgram(output, signal).parseAsync([...argv], { from: 'user' });
}
