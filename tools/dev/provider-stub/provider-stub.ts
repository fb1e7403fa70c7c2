import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubChannel = 'sms' | 'whatsapp';
export type StubCall = { channel: StubChannel; at: number; status: number; body: Record<string, unknown> };
/**
 * An answer forced on the next `count` calls of a channel (to one number when `to` is set, digits only):
 * an HTTP status, no answer for `timeoutMs`, or (`undeliverable`) an accepted call whose receipt says failed.
 */
export type StubFault = {
  channel: StubChannel | 'any';
  to?: string;
  status?: number;
  timeoutMs?: number;
  undeliverable?: boolean;
  count: number;
};

/**
 * Where the stub sends delivery receipts, as the providers do: WhatsApp status webhooks signed with the app
 * secret, Gupshup delivery reports as a GET with the token in the URL. A 503 answer is retried, as Meta does.
 */
export type ReceiptTargets = {
  whatsappUrl: string;
  whatsappAppSecret: string;
  smsUrl: string;
  smsToken: string;
  delayMs?: number;
};

/** A receipt the stub sent and the status it was answered with. */
export type SentReceipt = {
  channel: StubChannel;
  providerId: string;
  status: 'delivered' | 'failed';
  answer: number;
};

/**
 * A local stand-in for the SMS gateway (Gupshup's `GatewayAPI/rest`) and the WhatsApp Cloud API
 * (`/v<version>/<phone-number-id>/messages`): records every call and answers like the provider, or with a
 * fault set on demand (429, 500, a timeout), over HTTP (`/_stub/faults`, `/_stub/calls`) or from code.
 * Used by the notifications tests, benchmarks and `npm start`.
 */
export class ProviderStub {
  private server: Server | null = null;
  private readonly recorded: StubCall[] = [];
  private faults: StubFault[] = [];
  private counter = 0;
  private receiptTargets: ReceiptTargets | null = null;
  private readonly pendingReceipts = new Set<NodeJS.Timeout>();
  /** Receipts sent back and how the webhook answered. */
  readonly receipts: SentReceipt[] = [];
  /** Calls answered per channel, kept even when bodies are not (`keepCalls: false`). */
  readonly counts: Record<StubChannel, number> = { sms: 0, whatsapp: 0 };

  constructor(private readonly options: { keepCalls?: boolean; latencyMs?: number } = {}) {}

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server!.address() as AddressInfo;
    return `http://${address.address}:${address.port}`;
  }

  /** Sends a receipt for every accepted call from now on (null: none, the default). */
  sendReceipts(targets: ReceiptTargets | null): void {
    this.receiptTargets = targets;
  }

  async stop(): Promise<void> {
    for (const timer of this.pendingReceipts) clearTimeout(timer);
    this.pendingReceipts.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server!.close(resolve));
    this.server = null;
  }

  calls(channel?: StubChannel): StubCall[] {
    return this.recorded.filter((c) => !channel || c.channel === channel);
  }

  fail(fault: StubFault): void {
    this.faults.push({ ...fault });
  }

  reset(): void {
    this.recorded.length = 0;
    this.faults = [];
    this.receipts.length = 0;
    this.counts.sms = 0;
    this.counts.whatsapp = 0;
  }

  private takeFault(channel: StubChannel, to: string): StubFault | null {
    const fault = this.faults.find(
      (f) => f.count > 0 && (f.channel === channel || f.channel === 'any') && (!f.to || f.to === to),
    );
    if (!fault) return null;
    fault.count--;
    this.faults = this.faults.filter((f) => f.count > 0);
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stub');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/_stub/calls') {
      if (req.method === 'DELETE') {
        this.reset();
        return json(200, { reset: true });
      }
      const channel = url.searchParams.get('channel') as StubChannel | null;
      return json(200, { counts: this.counts, calls: this.calls(channel ?? undefined) });
    }
    if (url.pathname === '/_stub/faults' && req.method === 'POST') {
      this.fail(JSON.parse(raw) as StubFault);
      return json(200, { faults: this.faults });
    }
    let channel: StubChannel;
    let body: Record<string, unknown>;
    if (req.method === 'POST' && url.pathname === '/GatewayAPI/rest') {
      channel = 'sms';
      body = Object.fromEntries(new URLSearchParams(raw));
    } else if (req.method === 'POST' && /^\/v\d+\.\d+\/[^/]+\/messages$/.test(url.pathname)) {
      channel = 'whatsapp';
      body = JSON.parse(raw) as Record<string, unknown>;
    } else return json(404, { error: 'unknown route' });
    const fault = this.takeFault(channel, String(channel === 'sms' ? body.send_to : body.to));
    if (fault?.timeoutMs) {
      // Answer nothing for a while, as a stuck provider would; the caller's timeout fires first.
      await new Promise((resolve) => setTimeout(resolve, fault.timeoutMs));
      res.destroy();
      return;
    }
    if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    const status = fault?.status ?? 200;
    this.counts[channel]++;
    if (this.options.keepCalls !== false) this.recorded.push({ channel, at: Date.now(), status, body });
    if (status !== 200) return json(status, { error: { code: status, message: 'stub fault' } });
    const id = ++this.counter;
    const providerId = channel === 'sms' ? `gs-${id}` : `wamid.stub${id}`;
    this.scheduleReceipt(channel, providerId, body, fault?.undeliverable ? 'failed' : 'delivered');
    if (channel === 'sms')
      return json(200, { response: { id: providerId, phone: body.send_to, details: '', status: 'success' } });
    return json(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: body.to }],
      messages: [{ id: providerId }],
    });
  }

  private scheduleReceipt(
    channel: StubChannel,
    providerId: string,
    body: Record<string, unknown>,
    status: 'delivered' | 'failed',
    attempt = 1,
  ): void {
    const targets = this.receiptTargets;
    if (!targets) return;
    const timer = setTimeout(
      () => {
        this.pendingReceipts.delete(timer);
        void this.sendReceipt(targets, channel, providerId, body, status).then((answer) => {
          this.receipts.push({ channel, providerId, status, answer });
          if (answer === 503 && attempt < 5)
            this.scheduleReceipt(channel, providerId, body, status, attempt + 1);
        });
      },
      (targets.delayMs ?? 200) * attempt,
    );
    this.pendingReceipts.add(timer);
  }

  private async sendReceipt(
    targets: ReceiptTargets,
    channel: StubChannel,
    providerId: string,
    body: Record<string, unknown>,
    status: 'delivered' | 'failed',
  ): Promise<number> {
    try {
      if (channel === 'sms') {
        const query = new URLSearchParams({
          token: targets.smsToken,
          externalId: providerId,
          deliveredTS: String(Date.now()),
          status: status === 'delivered' ? 'SUCCESS' : 'FAILURE',
          cause: status === 'delivered' ? 'SUCCESS' : 'UNKNOWN_SUBSCRIBER',
          phoneNo: String(body.send_to),
          errCode: status === 'delivered' ? '000' : '003',
          noOfFrags: '1',
        });
        return (await fetch(`${targets.smsUrl}?${query}`)).status;
      }
      const webhook = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'stub-waba',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '910000000000', phone_number_id: 'stub' },
                  statuses: [
                    {
                      id: providerId,
                      status,
                      timestamp: String(Math.floor(Date.now() / 1000)),
                      recipient_id: body.to,
                      ...(body.biz_opaque_callback_data
                        ? { biz_opaque_callback_data: body.biz_opaque_callback_data }
                        : {}),
                      ...(status === 'failed'
                        ? { errors: [{ code: 131026, title: 'Message undeliverable' }] }
                        : {}),
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
      const signature = createHmac('sha256', targets.whatsappAppSecret).update(webhook).digest('hex');
      const answer = await fetch(targets.whatsappUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
        body: webhook,
      });
      return answer.status;
    } catch {
      return 0;
    }
  }
}
