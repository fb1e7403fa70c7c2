import { Injectable, Logger } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import type {
  CertificateData,
  CertificateRendererPort,
} from '../application/ports/certificate-renderer.port';

const DEVANAGARI = /[\u0900-\u097f]/;
const LATIN_FONT = 'Helvetica';
const HINDI_FONT = 'NotoSansDevanagari';

let hindiFontPath: string | null | undefined;

/**
 * Noto Sans Devanagari from the @fontsource package (WOFF, which pdfkit's fontkit reads, shapes
 * with its Indic shaper and embeds as a subset). If the package is missing the certificate
 * carries the Latin name only.
 */
function findHindiFont(): string | null {
  if (hindiFontPath !== undefined) return hindiFontPath;
  try {
    const path =
      require.resolve('@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff');
    hindiFontPath = existsSync(path) ? path : null;
  } catch {
    hindiFontPath = null;
  }
  if (!hindiFontPath)
    new Logger('CertificateRenderer').warn(
      'Devanagari font not found: certificates will show Latin names only',
    );
  return hindiFontPath;
}

/** Renders a one-page A4 landscape certificate of completion. */
function renderCertificate(data: CertificateData): Promise<Buffer> {
  const hindiFont = findHindiFont();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 50,
    info: {
      Title: `Certificate of completion: ${data.names.join(' / ')}`,
      Author: 'Sangathan training',
      Subject: data.programmeTitle,
      Keywords: data.certificateId,
    },
  });
  if (hindiFont) doc.registerFont(HINDI_FONT, hindiFont);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 100;
  const line = (text: string, size: number, gap = 10): void => {
    const devanagari = DEVANAGARI.test(text);
    if (devanagari && !hindiFont) return;
    doc
      .font(devanagari ? HINDI_FONT : LATIN_FONT)
      .fontSize(size)
      .text(text, 50, undefined, { width, align: 'center' });
    doc.moveDown(gap / size);
  };

  doc
    .rect(25, 25, doc.page.width - 50, doc.page.height - 50)
    .lineWidth(3)
    .stroke('#b45309');
  doc.moveDown(1.5);
  if (hindiFont) line('प्रमाण पत्र', 30, 4);
  line('Certificate of completion', 26, 24);
  line('This certifies that', 14, 8);
  for (const name of data.names) line(name, 28, 8);
  line('completed the training', 14, 8);
  line(data.programmeTitle, 20, 4);
  if (data.programmeTitleHi) line(data.programmeTitleHi, 18, 8);
  line(`${data.areaName} — ${data.heldOn.toISOString().slice(0, 10)}`, 14, 8);
  if (data.score !== null) line(`Assessment score: ${data.score}`, 14, 8);
  line(`Certificate ${data.certificateId} · issued ${data.completedAt.toISOString().slice(0, 10)}`, 9, 4);
  doc.end();
  return done;
}

/** pdfkit renderer of the certificate of completion. */
@Injectable()
export class CertificateRenderer implements CertificateRendererPort {
  render(data: CertificateData): Promise<Buffer> {
    return renderCertificate(data);
  }
}
