import { issueQrToken, verifyQrToken } from './qr-token';

describe('QR tokens', () => {
  it('round-trips a participant id', () => {
    expect(verifyQrToken(issueQrToken('s-1~m-1'))).toBe('s-1~m-1');
  });

  it('refuses a token re-signed for someone else', () => {
    const [, signature] = issueQrToken('s-1~m-1').split('.');
    const forged = `${Buffer.from('s-1~m-2').toString('base64url')}.${signature}`;
    expect(() => verifyQrToken(forged)).toThrow(expect.objectContaining({ code: 'INVALID_QR_TOKEN' }));
    expect(() => verifyQrToken('garbage')).toThrow(expect.objectContaining({ code: 'INVALID_QR_TOKEN' }));
  });
});
