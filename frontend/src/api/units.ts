import { apiRequest } from './httpClient';

/** GET /units: a handling unit (ward committee, department, utility, the city). */
export interface HandlingUnit {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  wardCode: string | null;
}

export function fetchUnits(token: string, signal: AbortSignal): Promise<HandlingUnit[]> {
  return apiRequest<HandlingUnit[]>('/units', { token, signal });
}
