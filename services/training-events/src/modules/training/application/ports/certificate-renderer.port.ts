export type CertificateData = {
  certificateId: string;
  /** Names as org knows them: usually one Devanagari, one Latin. */
  names: string[];
  programmeTitle: string;
  programmeTitleHi: string | null;
  sessionTitle: string;
  areaName: string;
  heldOn: Date;
  completedAt: Date;
  score: number | null;
};

/** Renders a certificate of completion as a PDF. */
export interface CertificateRendererPort {
  render(data: CertificateData): Promise<Buffer>;
}

export const CERTIFICATE_RENDERER = Symbol('CertificateRendererPort');
