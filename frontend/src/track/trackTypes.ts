/** GET /api/v1/track/:code: the public view of a report, never any personal data. */
export interface TrackedReport {
  code: string;
  status: string;
  category: { code: string; nameVi: string; nameEn: string };
  ward: { code: string; name: string };
  assignedUnit: { name: string; nameEn: string | null; kind: string } | null;
  address: string | null;
  description: string;
  createdAt: string;
  updatedAt: string;
  followerCount: number;
  photos: { id: string; url: string; width: number; height: number }[];
  timeline: TimelineEvent[];
  /** Whether the request carried the reporter's secret for this report. */
  asReporter: boolean;
  /** What the reporter may do now (empty without the secret: the page is then read-only). */
  allowedActions: CitizenAction[];
}

export type CitizenAction = 'reply' | 'reject' | 'rate';

export interface TimelineEvent {
  type: string;
  at: string;
  status: string | null;
  message: string | null;
}
