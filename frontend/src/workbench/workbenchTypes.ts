/** GET /api/v1/units/:unitId/queue: one open ticket of the unit, most urgent deadline first. */
export interface QueueItem {
  id: string;
  code: string;
  status: string;
  priority: string;
  category: { code: string; nameVi: string; nameEn: string };
  ward: { code: string; name: string };
  /** Where it was reported (WGS 84): the workbench map's marker. */
  location: { lat: number; lng: number };
  createdAt: string;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  slaState: 'running' | 'paused' | 'stopped' | null;
}

export interface TicketEvent {
  id: string;
  type: string;
  at: string;
  status: string | null;
  message: string | null;
  isPublic: boolean;
  actor: { username: string; fullName: string } | null;
  data: Record<string, unknown> | null;
}

export interface SlaClock {
  kind: string;
  cycle: number;
  state: string;
  dueAt: string | null;
  nextStage?: string | null;
}

/** GET /api/v1/reports/:id as staff see it (within their unit's scope). */
export interface Ticket {
  id: string;
  code: string;
  status: string;
  priority: string;
  channel: string;
  version: number;
  category: { code: string; nameVi: string; nameEn: string };
  ward: { code: string; name: string };
  assignedUnit: { id: string; name: string; nameEn: string | null; kind: string } | null;
  address: string | null;
  description: string;
  createdAt: string;
  updatedAt: string;
  followerCount: number;
  location: { lat: number; lng: number };
  photos: { id: string; url: string; width?: number; height?: number }[];
  reporter: { name: string | null; phone: string | null; email: string | null; hideIdentity: boolean } | null;
  sla: SlaClock[];
  timeline: TicketEvent[];
}

/** The actions of the ticket state machine, as URL segments of POST /reports/:id/actions/:action. */
export type TicketAction = 'accept' | 'request-info' | 'resolve' | 'reopen' | 'close' | 'reject' | 'merge';

export interface ActionBody {
  version: number;
  publicMessage?: string;
  internalNote?: string;
  photos?: string[];
  masterId?: string;
}

export interface ActionResult {
  id: string;
  code: string;
  status: string;
  version: number;
  allowedActions: string[];
}
