/** A ticket as every list shows it: code, status, category in both languages and ward. */
export interface ReportSummary {
  id: string;
  code: string;
  status: string;
  category: { code: string; nameVi: string; nameEn: string };
  ward: { code: string; name: string };
}
