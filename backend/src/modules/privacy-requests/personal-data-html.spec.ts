import { escapeHtml, renderPersonalDataHtml } from './personal-data-html';
import type { PersonalDataExport } from './privacy-requests.dto';

const AT = '2026-01-02T03:04:05.000Z';
const data: PersonalDataExport = {
  generatedAt: AT,
  subject: { phones: ['0901234567'], emails: ['an@example.vn'] },
  reports: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      code: 'HCM-260102-ABCDEF',
      channel: 'web',
      status: 'new',
      category: { code: 'pothole', nameVi: 'Ổ gà', nameEn: 'Pothole' },
      createdAt: AT,
      updatedAt: AT,
      personal: { reporter_name: '<script>alert(1)</script> An', description: 'Ổ gà "sâu" & rộng', attributes: { depth: 'sâu' } },
      timeline: [
        {
          type: 'citizen_replied',
          createdAt: AT,
          message: '<img src=x onerror=alert(1)>',
          isPublic: true,
          personal: { data: { comment: 'tốt' } },
        },
      ],
      photos: [
        {
          id: '00000000-0000-4000-8000-000000000002',
          contentType: 'image/jpeg',
          sizeBytes: 10,
          createdAt: AT,
          url: '/api/v1/attachments/x',
        },
      ],
    },
  ],
  callerRecords: [],
  notifications: [],
  privacyRequests: [],
};

describe('the HTML copy of a subject’s data', () => {
  const html = renderPersonalDataHtml(data);

  it.each([
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['&', '&amp;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
  ])('escapes %s as %s', (raw, escaped) => {
    expect(escapeHtml(`a${raw}b`)).toBe(`a${escaped}b`);
  });

  it('escapes every value: nothing the citizen or staff typed becomes markup', () => {
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; An');
    expect(html).toContain('Ổ gà &quot;sâu&quot; &amp; rộng');
  });

  it('is one standalone page: no script, no outside resource, headings in Vietnamese and English', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/);
    for (const heading of ['Phản ánh <span lang="en">/ Reports</span>', 'Cuộc gọi được ghi nhận <span lang="en">/ Calls recorded</span>'])
      expect(html).toContain(heading);
    expect(html).toContain('HCM-260102-ABCDEF');
    expect(html).toContain('Không có / None');
  });
});
