import { DomainException, FieldIssue, ErrorCodeOf, errorCodes } from '../../engine/errors/domain.exception';
import type { ImportProblem } from './staff.dto';

export const StaffErrorCode = errorCodes('staff', [
  'not_found',
  'username_taken',
  'invalid_username',
  'unit_rule',
  'last_admin',
  'import_refused',
]);
export type StaffErrorCode = ErrorCodeOf<typeof StaffErrorCode>;

const UNIT_RULES: Record<string, [string, string]> = {
  unit_required: ['This role needs a unit', 'Vai trò này cần thuộc một đơn vị'],
  unit_kind: [
    "The unit's kind does not suit this role (ward officials: a ward committee; department officials: a department or utility)",
    'Loại đơn vị không phù hợp với vai trò (cán bộ phường, xã: UBND phường, xã; cán bộ sở, ngành: sở hoặc đơn vị dịch vụ)',
  ],
  unit_not_allowed: ['This role belongs to no unit', 'Vai trò này không thuộc đơn vị nào'],
  unknown_unit: ['No active unit with this id', 'Không có đơn vị đang hoạt động với mã này'],
};

export class StaffException extends DomainException {
  static notFound(id: string): StaffException {
    return new StaffException('not_found', StaffErrorCode.NotFound, `No staff account ${id}`, { messageVi: 'Không có tài khoản này' });
  }
  static usernameTaken(username: string, field = 'username'): StaffException {
    const issue: FieldIssue = {
      field,
      rule: 'unique',
      message: `The username ${username} is taken`,
      messageVi: `Tên đăng nhập ${username} đã được dùng`,
    };
    return new StaffException('conflict', StaffErrorCode.UsernameTaken, issue.message, { messageVi: issue.messageVi, issues: [issue] });
  }
  static unitRule(rule: string, field = 'unitId'): StaffException {
    const [message, messageVi] = UNIT_RULES[rule];
    return new StaffException('validation', StaffErrorCode.UnitRule, message, { messageVi, issues: [{ field, rule, message, messageVi }] });
  }
  static importRefused(problems: ImportProblem[]): StaffException {
    return new StaffException(
      'unprocessable',
      StaffErrorCode.ImportRefused,
      `Nothing imported: ${problems.length} problem(s) in the file`,
      {
        messageVi: `Chưa nhập gì: tệp có ${problems.length} lỗi`,
        problems,
        issues: problems.map((p) => ({
          field: p.line ? `line ${p.line}: ${p.field}` : p.field,
          rule: p.rule,
          message: p.message,
          messageVi: p.messageVi,
        })),
      },
    );
  }
  static lastAdmin(): StaffException {
    return new StaffException('conflict', StaffErrorCode.LastAdmin, 'This is the last active admin: make another admin first', {
      messageVi: 'Đây là quản trị viên cuối cùng đang hoạt động: hãy tạo quản trị viên khác trước',
    });
  }
}
