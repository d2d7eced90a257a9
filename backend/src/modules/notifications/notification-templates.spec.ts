import { renderNotification, trackingLink, UnknownTemplateError } from './notification-templates';

describe('renderNotification', () => {
  it.each([
    ['citizen.status.new', { code: 'HCM-1' }, 'Phản ánh HCM-1 đã được tiếp nhận', ['mã HCM-1', '/track/HCM-1']],
    ['citizen.status.assigned', { code: 'HCM-2' }, 'Phản ánh HCM-2 đã được chuyển đến đơn vị xử lý', ['/track/HCM-2']],
    ['citizen.status.in_progress', { code: 'HCM-3' }, 'Phản ánh HCM-3 đang được xử lý', ['/track/HCM-3']],
    ['citizen.status.waiting_citizen', { code: 'HCM-4' }, 'Phản ánh HCM-4 đang chờ bổ sung thông tin từ người phản ánh', ['/track/HCM-4']],
    ['citizen.status.resolved', { code: 'HCM-5' }, 'Phản ánh HCM-5 đã được xử lý xong', ['/track/HCM-5']],
    ['citizen.status.reopened', { code: 'HCM-6' }, 'Phản ánh HCM-6 đã được mở lại', ['/track/HCM-6']],
    ['citizen.status.closed', { code: 'HCM-7' }, 'Phản ánh HCM-7 đã đóng', ['/track/HCM-7']],
    ['citizen.status.rejected', { code: 'HCM-8' }, 'Phản ánh HCM-8 không được tiếp nhận', ['/track/HCM-8']],
    ['citizen.status.merged', { code: 'HCM-9' }, 'Phản ánh HCM-9 đã được gộp với một phản ánh cùng nội dung', ['/track/HCM-9']],
    ['ticket.assigned', { reportId: 'r-1' }, 'Phiếu phản ánh mới được giao cho đơn vị', ['phiếu phản ánh r-1']],
    ['sla.warn50', { kind: 'response', reportId: 'r-1' }, 'Nhắc hạn: đã qua 50% thời hạn', ['r-1 đã qua 50% thời hạn phản hồi']],
    ['sla.warn75', { kind: 'resolution', reportId: 'r-1' }, 'Nhắc hạn: đã qua 75% thời hạn', ['75% thời hạn giải quyết']],
    ['sla.warn90', { kind: 'resolution' }, 'Sắp quá hạn: đã qua 90% thời hạn', ['90% thời hạn giải quyết']],
    ['sla.breach', { kind: 'resolution' }, 'Quá hạn xử lý', ['đã quá thời hạn giải quyết']],
    ['sla.escalate', { kind: 'resolution' }, 'Chuyển cấp: phiếu quá hạn kéo dài', ['chuyển lên cấp trên']],
  ])('%s', (template, payload, subject, inText) => {
    const m = renderNotification(template, payload);
    expect(m.subject).toBe(subject);
    for (const part of inText) expect(m.text).toContain(part);
    expect(m.text).toContain('Tổng đài 1022');
  });

  it.each([
    ['citizen.status.bogus', { code: 'HCM-1' }],
    ['citizen.status.new', {}],
    ['sla.warn10', {}],
    ['newsletter', {}],
  ])('refuses %s with %j', (template, payload) => {
    expect(() => renderNotification(template, payload)).toThrow(UnknownTemplateError);
  });

  it.each([
    ['HCM-1', '', '/track/HCM-1'],
    ['HCM-1', 'https://1022.tphcm.gov.vn', 'https://1022.tphcm.gov.vn/track/HCM-1'],
    ['a b/c', '', '/track/a%20b%2Fc'],
  ])('tracking link for %s under "%s"', (code, base, link) => {
    expect(trackingLink(code, base)).toBe(link);
    expect(renderNotification('citizen.status.resolved', { code }, { publicBaseUrl: base }).text).toContain(link);
  });

  it.each([
    ['citizen.status.resolved', { code: 'HCM-1' }],
    ['citizen.reporter_link', { code: 'HCM-1' }],
  ])("%s carries the message's private link when it has one, never the public link beside it", (template, payload) => {
    const reporterUrl = 'https://1022.tphcm.gov.vn/track/HCM-1#secret=' + 'k'.repeat(43);
    const text = renderNotification(template, payload, { publicBaseUrl: 'https://1022.tphcm.gov.vn', reporterUrl }).text;
    expect(text).toContain(reporterUrl);
    expect(text.split(reporterUrl).join('')).not.toContain('/track/HCM-1');
  });

  it('tells an earlier reporter that acting now takes the private link', () => {
    const m = renderNotification('citizen.reporter_link', { code: 'HCM-7' }, { reporterUrl: '/track/HCM-7#secret=s' });
    expect(m.subject).toBe('Đường dẫn riêng cho phản ánh HCM-7');
    expect(m.text).toContain('Đường dẫn riêng (không chia sẻ cho người khác): /track/HCM-7#secret=s');
    expect(() => renderNotification('citizen.reporter_link', {})).toThrow(UnknownTemplateError);
  });
});
