import type { PersonalDataExport } from './privacy-requests.dto';

/**
 * The copy of a data subject's data as one standalone, readable HTML page (Law 91/2025: a copy in
 * a usable form): headings in Vietnamese and English, every value escaped, no script, no outside
 * resource — it is opened from the disk, so nothing in it may run or fetch.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
}

const heading = (level: 2 | 3, vi: string, en: string) =>
  `<h${level}>${escapeHtml(vi)} <span lang="en">/ ${escapeHtml(en)}</span></h${level}>`;

function table(rows: [string, string, unknown][]): string {
  const body = rows.map(
    ([vi, en, v]) => `<tr><th>${escapeHtml(vi)}<br><span lang="en">${escapeHtml(en)}</span></th><td>${show(v)}</td></tr>`,
  );
  return `<table>${body.join('')}</table>`;
}

function fields(personal: Record<string, unknown>): [string, string, unknown][] {
  return Object.entries(personal).map(([k, v]) => [k, k, v]);
}

function list<T>(items: T[], render: (item: T) => string): string {
  return items.length === 0 ? '<p>Không có / None</p>' : items.map(render).join('');
}

export function renderPersonalDataHtml(data: PersonalDataExport): string {
  const parts = [
    heading(2, 'Người được xác minh', 'Verified identity'),
    table([
      ['Số điện thoại', 'Phone numbers', data.subject.phones.join(', ')],
      ['Email', 'E-mail addresses', data.subject.emails.join(', ')],
      ['Thời điểm lập', 'Generated at', data.generatedAt],
    ]),
    heading(2, 'Phản ánh', 'Reports'),
    list(
      data.reports,
      (r) =>
        heading(3, `Phản ánh ${r.code}`, `Report ${r.code}`) +
        table([
          ['Trạng thái', 'Status', r.status],
          ['Lĩnh vực', 'Category', `${r.category.nameVi} / ${r.category.nameEn}`],
          ['Kênh', 'Channel', r.channel],
          ['Ngày gửi', 'Filed', r.createdAt],
          ['Cập nhật', 'Updated', r.updatedAt],
          ...fields(r.personal),
        ]) +
        `<h4>Ý kiến của bạn / Your entries</h4>` +
        list(r.timeline, (e) => table([[e.type, e.createdAt, e.message], ...fields(e.personal).filter(([k]) => k !== 'message')])) +
        `<h4>Ảnh / Photos</h4>` +
        list(r.photos, (p) => `<p>${escapeHtml(p.url)} (${escapeHtml(p.contentType)}, ${p.sizeBytes} B, ${escapeHtml(p.createdAt)})</p>`),
    ),
    heading(2, 'Cuộc gọi được ghi nhận', 'Calls recorded'),
    list(data.callerRecords, (c) => table([['Phản ánh', 'Report', c.reportCode], ['Thời điểm', 'At', c.createdAt], ...fields(c.personal)])),
    heading(2, 'Tin nhắn đã gửi cho bạn', 'Messages sent to you'),
    list(data.notifications, (n) =>
      table([
        ['Phản ánh', 'Report', n.reportCode],
        ['Kênh', 'Channel', n.channel],
        ['Mẫu', 'Template', n.template],
        ['Trạng thái', 'Status', n.status],
        ['Thời điểm', 'At', n.sentAt ?? n.createdAt],
        ...fields(n.personal),
      ]),
    ),
    heading(2, 'Yêu cầu trước đây về dữ liệu cá nhân', 'Earlier personal-data requests'),
    list(data.privacyRequests, (p) =>
      table([
        ['Loại', 'Kind', p.kind],
        ['Kênh', 'Channel', p.channel],
        ['Trạng thái', 'Status', p.status],
        ['Nhận lúc', 'Received', p.receivedAt],
        ['Xử lý lúc', 'Handled', p.handledAt],
      ]),
    ),
  ];
  return [
    '<!doctype html>',
    '<html lang="vi"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>Dữ liệu cá nhân của bạn - Tổng đài 1022 / Your personal data - 1022</title>',
    '<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}th span,h2 span,h3 span{font-weight:normal;color:#555}pre{white-space:pre-wrap;margin:0}</style>',
    '</head><body>',
    heading(2, 'Dữ liệu cá nhân Tổng đài 1022 lưu về bạn', 'The personal data 1022 holds about you').replace(/h2/g, 'h1'),
    ...parts,
    '</body></html>',
  ].join('\n');
}
