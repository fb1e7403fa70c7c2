import {
  afterReceipt,
  afterSend,
  deferIfQuiet,
  skipChannel,
  type NotificationMessage,
} from './notification-message.entity';
import { DEFAULT_QUIET_HOURS } from './quiet-hours';
import { retryDelayMs } from './retry-policy';

const policy = { retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000 }, quiet: DEFAULT_QUIET_HOURS };
const noon = new Date('2027-01-11T06:30:00Z');

function message(overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    id: 'm1',
    dedupeKey: 'e|m|r',
    ruleId: 'r',
    sourceEventId: 'e',
    sourceEventType: 't',
    subjectKey: null,
    memberId: 'm',
    areaId: 'A',
    ancestors: [],
    language: 'hi',
    channels: ['whatsapp', 'sms', 'inbox'],
    channelIndex: 0,
    attempts: 0,
    totalAttempts: 0,
    itemCount: 1,
    state: 'queued',
    dueAt: noon,
    content: {
      subject: 's',
      body: 'b',
      params: [],
      templateId: 't',
      whatsappTemplate: 'w',
      dltTemplateId: null,
    },
    values: {},
    providerMessageId: null,
    history: [],
    readAt: null,
    createdAt: noon,
    version: 0,
    ...overrides,
  };
}

describe('delivery steps of a message', () => {
  it('retries a retriable failure later, with a backoff that grows and stays under the cap', () => {
    const step = afterSend(message(), { kind: 'retriable', reason: 'HTTP 500' }, noon, policy, () => 0.5);
    expect(step).toMatchObject({ kind: 'retry', attempts: 1 });
    if (step.kind !== 'retry') throw new Error('not a retry');
    expect(step.dueAt.getTime() - noon.getTime()).toBe(750);
    expect(retryDelayMs(10, policy.retry, () => 1)).toBe(8000);
    expect(retryDelayMs(3, policy.retry, () => 0)).toBe(2000);
  });

  it('falls back to the next channel after the last retry, and on a permanent failure at once', () => {
    expect(
      afterSend(message({ attempts: 2 }), { kind: 'retriable', reason: 'x' }, noon, policy),
    ).toMatchObject({
      kind: 'fallback',
      channelIndex: 1,
    });
    expect(afterSend(message(), { kind: 'permanent', reason: 'HTTP 400' }, noon, policy)).toMatchObject({
      kind: 'fallback',
      channelIndex: 1,
    });
  });

  it('fails as exhausted when the last channel fails, as undeliverable when none could be tried', () => {
    const last = message({ channelIndex: 2, totalAttempts: 3 });
    expect(afterSend(last, { kind: 'permanent', reason: 'no' }, noon, policy)).toMatchObject({
      kind: 'failed',
      reason: 'exhausted',
    });
    expect(
      skipChannel(message({ channelIndex: 2 }), { kind: 'unusable', reason: 'no phone' }, noon),
    ).toMatchObject({
      kind: 'failed',
      reason: 'undeliverable',
    });
  });

  it('records delivery for the inbox and a send for a provider', () => {
    expect(
      afterSend(
        message(),
        { kind: 'accepted', providerMessageId: 'wamid.1', delivered: false },
        noon,
        policy,
      ),
    ).toMatchObject({
      kind: 'sent',
      channel: 'whatsapp',
      delivered: false,
    });
  });

  it('marks a sent message delivered on its receipt, once, and only for the channel it went out on', () => {
    const sent = message({ state: 'sent', providerMessageId: 'wamid.1', totalAttempts: 1 });
    const delivered = { channel: 'whatsapp' as const, status: 'delivered' as const, detail: 'read' };
    expect(afterReceipt(sent, delivered, noon)).toMatchObject({ kind: 'delivered', channel: 'whatsapp' });
    expect(afterReceipt({ ...sent, state: 'delivered' }, delivered, noon)).toBeNull();
    expect(afterReceipt(sent, { ...delivered, channel: 'sms' }, noon)).toBeNull();
    expect(afterReceipt(message(), delivered, noon)).toBeNull();
  });

  it('moves on to the next channel when the provider could not deliver, and fails after the last', () => {
    const failed = { channel: 'whatsapp' as const, status: 'failed' as const, detail: '131026' };
    const sent = message({ state: 'sent', totalAttempts: 1 });
    expect(afterReceipt(sent, failed, noon)).toMatchObject({
      kind: 'fallback',
      channelIndex: 1,
      history: [
        { step: 'undelivered', channel: 'whatsapp' },
        { step: 'fallback', channel: 'sms' },
      ],
    });
    const last = message({ state: 'sent', channels: ['whatsapp'], totalAttempts: 1 });
    expect(afterReceipt(last, failed, noon)).toMatchObject({ kind: 'failed', reason: 'exhausted' });
  });

  it('defers WhatsApp at 23:00 IST but not e-mail', () => {
    const night = new Date('2027-01-11T17:30:00Z');
    expect(deferIfQuiet(message(), night, policy)).toMatchObject({
      kind: 'deferred',
      until: new Date('2027-01-12T02:30:00Z'),
    });
    expect(deferIfQuiet(message({ channels: ['email'] }), night, policy)).toBeNull();
  });
});
