import { ProviderStub } from './provider-stub';

/** `node dist/tools/dev/provider-stub/main.js [port]`: the SMS and WhatsApp stand-in for `npm start`. */
async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PROVIDER_STUB_PORT ?? 3095);
  const stub = new ProviderStub({ keepCalls: true });
  const url = await stub.start(port);
  // Receipts go back to notifications' webhooks, as the providers' would (NOTIFICATIONS_URL unset: none).
  const notifications = process.env.NOTIFICATIONS_URL;
  if (notifications)
    stub.sendReceipts({
      whatsappUrl: `${notifications}/webhooks/whatsapp`,
      whatsappAppSecret: process.env.WHATSAPP_APP_SECRET ?? 'local-app-secret',
      smsUrl: `${notifications}/webhooks/sms`,
      smsToken: process.env.SMS_WEBHOOK_TOKEN ?? 'local-sms-webhook-token',
      delayMs: 1000,
    });
  console.log(`provider stub (SMS, WhatsApp) on ${url}; calls at ${url}/_stub/calls`);
  const stop = () => void stub.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
