import type { PhotoRecord } from './ports/photo.repository.port';

/** What the API returns for a photo record. */
export type PhotoView = {
  id: string;
  meetingId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  takenAt: string | null;
  gps: { lat: number; lon: number } | null;
  geoAreaId: string | null;
  verdict: string;
  reasons: string[];
  duplicateOfMeetingIds: string[];
  verified: boolean;
  review: { decision: string; by: string; at: string; note: string | null } | null;
  uploadedBy: string;
  uploadedAt: string;
};

export function toPhotoView(doc: PhotoRecord): PhotoView {
  return {
    id: doc._id,
    meetingId: doc.meetingId,
    filename: doc.filename,
    contentType: doc.contentType,
    sizeBytes: doc.sizeBytes,
    sha256: doc.sha256,
    takenAt: doc.takenAt ? new Date(doc.takenAt).toISOString() : null,
    gps: doc.gps,
    geoAreaId: doc.geoAreaId,
    verdict: doc.verdict,
    reasons: doc.reasons,
    duplicateOfMeetingIds: doc.duplicateOfMeetingIds,
    verified: doc.verified,
    review: doc.review ? { ...doc.review, at: new Date(doc.review.at).toISOString() } : null,
    uploadedBy: doc.uploadedBy,
    uploadedAt: new Date(doc.uploadedAt).toISOString(),
  };
}
