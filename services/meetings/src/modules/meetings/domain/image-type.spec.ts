import { sniffImageType } from './image-type';

describe('sniffImageType', () => {
  it('recognises JPEG, PNG and HEIC by magic bytes', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBe(
      'image/png',
    );
    expect(
      sniffImageType(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'latin1')])),
    ).toBe('image/heic');
  });

  it('refuses a PDF or a text file whatever it is called', () => {
    expect(sniffImageType(Buffer.from('%PDF-1.7 hello', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from('just some text', 'latin1'))).toBeNull();
    expect(
      sniffImageType(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42', 'latin1')])),
    ).toBeNull();
  });
});
