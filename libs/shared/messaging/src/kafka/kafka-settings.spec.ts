import { kafkaSettingsFromEnv } from './kafka-settings';

describe('Kafka settings from the environment', () => {
  it('has no SASL without a username (the plaintext listener)', () => {
    expect(kafkaSettingsFromEnv('svc', { KAFKA_BROKERS: 'a:1,b:2' })).toMatchObject({
      brokers: ['a:1', 'b:2'],
      sasl: undefined,
    });
  });

  it('reads SCRAM-SHA-512 credentials by default', () => {
    expect(
      kafkaSettingsFromEnv('svc', { KAFKA_SASL_USERNAME: 'meetings', KAFKA_SASL_PASSWORD: 's3cret' }).sasl,
    ).toEqual({ mechanism: 'scram-sha-512', username: 'meetings', password: 's3cret' });
  });

  it('refuses a username without a password, and an unknown mechanism', () => {
    expect(() => kafkaSettingsFromEnv('svc', { KAFKA_SASL_USERNAME: 'meetings' })).toThrow(
      /KAFKA_SASL_PASSWORD/,
    );
    expect(() =>
      kafkaSettingsFromEnv('svc', {
        KAFKA_SASL_USERNAME: 'm',
        KAFKA_SASL_PASSWORD: 'p',
        KAFKA_SASL_MECHANISM: 'gssapi',
      }),
    ).toThrow(/KAFKA_SASL_MECHANISM/);
  });
});
