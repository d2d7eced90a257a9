/** Shapes of the public intake API as the citizen report form reads them (intake HTTP API v1). */

export interface AttributeOption {
  key: string;
  name: string;
  nameEn: string;
}

/** One Open311 service attribute of a category; unknown datatypes are shown as a text field. */
export interface CategoryAttribute {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist' | (string & {});
  required: boolean;
  description: string;
  descriptionEn: string;
  order: number;
  values?: AttributeOption[];
}

export interface Category {
  code: string;
  nameVi: string;
  nameEn: string;
  groupCode: string;
  groupVi: string;
  groupEn: string;
  hintVi: string;
  hintEn: string;
  isPublic: boolean;
  attributes: CategoryAttribute[];
}

export interface WardRef {
  code: string;
  name: string;
}

/** One hit of GET /geo/search: lng/lat is the label point of the current unit. */
export interface PlaceMatch {
  code: string;
  name: string;
  kind: string;
  districtName: string | null;
  /** The name the query matched, e.g. an old "Phường 7, Quận 5" that now lies in "Phường An Đông". */
  matched: string;
  current: boolean;
  lng: number;
  lat: number;
}

export interface UploadedPhoto {
  id: string;
  contentType: string;
  width: number;
  height: number;
  sizeBytes: number;
}

/** A value of one category attribute as the form holds it; multivaluelist keeps its keys. */
export type AttributeValue = string | string[];

export interface CreateReportBody {
  category: string;
  lat: number;
  lng: number;
  description: string;
  address?: string;
  channel: 'web';
  reporter?: { name?: string; phone?: string; email?: string; hideIdentity: boolean };
  attributes?: Record<string, string | number | string[]>;
  photos?: string[];
  consent?: boolean;
}

export interface CreatedReport {
  id: string;
  code: string;
  status: string;
  category: { code: string; nameVi: string; nameEn: string };
  ward: WardRef;
  createdAt: string;
  trackingUrl: string;
  /** The reporter's secret, given once: acting on the report needs it (the code alone only reads). */
  reporterSecret: string;
  /** The private link (a path; the secret is in its fragment). */
  reporterUrl: string;
}
