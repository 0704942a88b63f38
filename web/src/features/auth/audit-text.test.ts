import { describe, expect, it } from 'vitest';
import { auditActionText, auditChangeText, auditEntityText } from './audit-text';

describe('the audit log in words', () => {
  it('names actions and records in Vietnamese, not by their codes', () => {
    expect(auditActionText('import.rollback', 'vi')).toBe('Lần nhập: hoàn tác');
    expect(auditActionText('login_failed', 'vi')).toBe('Đăng nhập sai');
    expect(auditActionText('patrol_plan.create', 'vi')).toBe('Kế hoạch tuần tra: tạo');
    expect(auditActionText('something.unheard_of', 'vi')).toBe('Thao tác khác');
    expect(auditEntityText('patrol_plan', 4, 'vi')).toBe('Kế hoạch tuần tra #4');
  });

  it('writes a change as keys and values in words, dates dd/mm/yyyy, lists by their length', () => {
    expect(auditChangeText({ status: 'rolled_back', removed: 0, restored: 3 }, 'vi')).toBe(
      'trạng thái: đã hoàn tác; đã xóa: 0; đã khôi phục: 3',
    );
    expect(auditChangeText({ date: '2026-12-06', hotspotCodes: ['A', 'B'] }, 'vi')).toBe(
      'ngày: 06/12/2026; địa điểm: 2 mục',
    );
    expect(auditChangeText(null, 'vi')).toBe('—');
    expect(auditChangeText({ some_key: 'x_y' }, 'vi')).not.toMatch(/_/);
  });
});
