/**
 * Subject and body of every notification template, in Vietnamese. Pure: the payload is what the
 * row holds (ids, codes, stage names, never a citizen's name or address), so a rendered message
 * contains nothing the row does not.
 */
export interface RenderedMessage {
  subject: string;
  text: string;
}

export class UnknownTemplateError extends Error {
  constructor(readonly template: string) {
    super(`unknown notification template "${template}"`);
  }
}

const STATUS_VI: Record<string, string> = {
  new: 'đã được tiếp nhận',
  assigned: 'đã được chuyển đến đơn vị xử lý',
  in_progress: 'đang được xử lý',
  waiting_citizen: 'đang chờ bổ sung thông tin từ người phản ánh',
  resolved: 'đã được xử lý xong',
  reopened: 'đã được mở lại',
  closed: 'đã đóng',
  rejected: 'không được tiếp nhận',
  merged: 'đã được gộp với một phản ánh cùng nội dung',
};

const SLA_VI: Record<string, { subject: string; line: string }> = {
  warn50: { subject: 'Nhắc hạn: đã qua 50% thời hạn', line: 'đã qua 50% thời hạn' },
  warn75: { subject: 'Nhắc hạn: đã qua 75% thời hạn', line: 'đã qua 75% thời hạn' },
  warn90: { subject: 'Sắp quá hạn: đã qua 90% thời hạn', line: 'đã qua 90% thời hạn' },
  breach: { subject: 'Quá hạn xử lý', line: 'đã quá thời hạn' },
  escalate: { subject: 'Chuyển cấp: phiếu quá hạn kéo dài', line: 'quá hạn kéo dài và được chuyển lên cấp trên' },
};

const KIND_VI: Record<string, string> = { response: 'phản hồi', resolution: 'giải quyết' };

const SIGNATURE = 'Tổng đài 1022 - Thành phố Hồ Chí Minh';

/** The e-mail with a data subject's one-time code (modules/privacy-requests); payload: verificationId, minutes. */
export const PRIVACY_CODE_TEMPLATE = 'privacy.verification_code';

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null;
}

/** The citizen-facing tracking link: a path, or a full URL when a public base URL is configured. */
export function trackingLink(code: string, publicBaseUrl = ''): string {
  return `${publicBaseUrl}/track/${encodeURIComponent(code)}`;
}

/**
 * `reporterUrl` is the private link of this one message (its own token, made when it is sent and
 * never stored in plain): the reporter acts from it. Without one, the public tracking link.
 */
export function renderNotification(
  template: string,
  payload: Record<string, unknown>,
  options: { publicBaseUrl?: string; reporterUrl?: string; verificationCode?: string } = {},
): RenderedMessage {
  if (template === PRIVACY_CODE_TEMPLATE) {
    // The code is made at sending and passed here; the row's payload holds only the verification's id.
    if (!options.verificationCode) throw new UnknownTemplateError(template);
    const minutes = str(payload.minutes) ?? '15';
    return {
      subject: `Mã xác minh yêu cầu về dữ liệu cá nhân: ${options.verificationCode}`,
      text: [
        'Kính gửi Quý người dân,',
        '',
        `Mã xác minh của Quý người dân là: ${options.verificationCode}`,
        `Mã dùng một lần, có hiệu lực trong ${minutes} phút, để xem, tải về hoặc yêu cầu xóa dữ liệu cá nhân mà Tổng đài 1022 lưu gắn với địa chỉ email này.`,
        'Nếu Quý người dân không yêu cầu, xin bỏ qua thư này; không ai có thể xem dữ liệu khi không có mã.',
        '',
        `Your one-time code is ${options.verificationCode} (valid ${minutes} minutes) to see, download or erase the personal data 1022 holds for this address.`,
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (template === 'citizen.reporter_link') {
    const code = str(payload.code);
    if (!code) throw new UnknownTemplateError(template);
    const link = options.reporterUrl ?? trackingLink(code, options.publicBaseUrl);
    return {
      subject: `Đường dẫn riêng cho phản ánh ${code}`,
      text: [
        'Kính gửi Quý người dân,',
        '',
        `Từ nay, để trả lời, không đồng ý với kết quả hoặc đánh giá phản ánh mã ${code}, Quý người dân dùng đường dẫn riêng dưới đây; mã tra cứu chỉ dùng để xem tiến độ.`,
        `Đường dẫn riêng (không chia sẻ cho người khác): ${link}`,
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (template.startsWith('citizen.status.')) {
    const status = template.slice('citizen.status.'.length);
    const code = str(payload.code);
    const phrase = STATUS_VI[status];
    if (!phrase || !code) throw new UnknownTemplateError(template);
    return {
      subject: `Phản ánh ${code} ${phrase}`,
      text: [
        'Kính gửi Quý người dân,',
        '',
        `Phản ánh mã ${code} của Quý người dân ${phrase}.`,
        options.reporterUrl
          ? `Theo dõi, trả lời hoặc đánh giá tại đường dẫn riêng (không chia sẻ cho người khác): ${options.reporterUrl}`
          : `Theo dõi tiến độ tại: ${trackingLink(code, options.publicBaseUrl)}`,
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (template === 'ticket.assigned') {
    const ref = str(payload.code) ?? str(payload.reportId);
    return {
      subject: 'Phiếu phản ánh mới được giao cho đơn vị',
      text: [
        `Đơn vị vừa được giao phiếu phản ánh${ref ? ` ${ref}` : ''}.`,
        'Vui lòng tiếp nhận và xử lý trong thời hạn quy định.',
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (template.startsWith('sla.')) {
    const stage = SLA_VI[template.slice('sla.'.length)];
    if (!stage) throw new UnknownTemplateError(template);
    const kind = KIND_VI[str(payload.kind) ?? ''] ?? 'xử lý';
    const ref = str(payload.code) ?? str(payload.reportId);
    return {
      subject: stage.subject,
      text: [`Phiếu phản ánh${ref ? ` ${ref}` : ''} ${stage.line} ${kind}.`, 'Vui lòng kiểm tra và xử lý.', '', SIGNATURE].join('\n'),
    };
  }
  throw new UnknownTemplateError(template);
}
