import { ProviderStub } from './provider-stub';

/** `node dist/tools/dev/provider-stub/main.js [port]`: the SMS and WhatsApp stand-in for `npm start`. */
async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PROVIDER_STUB_PORT ?? 3095);
  const stub = new ProviderStub({ keepCalls: true });
  const url = await stub.start(port);
  console.log(`provider stub (SMS, WhatsApp) on ${url}; calls at ${url}/_stub/calls`);
  const stop = () => void stub.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
