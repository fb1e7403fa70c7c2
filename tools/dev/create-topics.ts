// Creates every catalog topic (and its .dlq) that is missing; safe to run again.
import { TOPICS } from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv } from '@sangathan/messaging';

async function main(): Promise<void> {
  const connection = new KafkaConnection(kafkaSettingsFromEnv('sangathan-topics'));
  try {
    const created = await connection.ensureTopics(TOPICS);
    console.log(
      created.length ? `created topics: ${created.join(', ')}` : `all ${TOPICS.length} catalog topics exist`,
    );
  } finally {
    await connection.disconnect();
  }
}

main().catch((error: Error) => {
  console.error(`sangathan: creating topics failed: ${error.message}`);
  process.exit(1);
});
