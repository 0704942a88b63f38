import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@pcmt/domain/audit-actions';
import { describe, expect, it } from 'vitest';
import { auditActionText, auditChangeText, auditDetailText, auditEntityText } from './audit-text';

const serverSrc = resolve(import.meta.dirname, '../../../../server/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Every `recordAudit(…, { … action: …, entity: … })` call of the server: its action and entity as written. */
function auditCalls(): { file: string; action: string; entity: string }[] {
  return sourceFiles(serverSrc).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/recordAudit\(\s*\w+,\s*\{([\s\S]*?)\n\s*\}\)/g)].map((m) => {
      const body = m[1] ?? '';
      const action = /action(?::\s*([^,\n]+))?[,\n]/.exec(body)?.[1]?.trim() ?? 'action';
      const entity = /entity:\s*'([^']+)'/.exec(body)?.[1] ?? '';
      return { file: file.slice(serverSrc.length + 1), action, entity };
    });
  });
}

describe('the audit log in words', () => {
  it('has words for every action the server writes (each recordAudit call of server/src)', () => {
    const calls = auditCalls();
    // The server writes from a dozen features; the scan finds them (it fails if it finds none).
    expect(calls.length).toBeGreaterThan(30);
    const known = new Set<string>(AUDIT_ACTIONS);
    for (const call of calls) {
      const where = `${call.file}: ${call.action} on ${call.entity}`;
      expect(Object.keys(AUDIT_ENTITIES), where).toContain(call.entity);
      // A literal action is in the list; a conditional or a template names listed actions, or the
      // helper's type (AuditAction) checks a variable.
      for (const literal of call.action.matchAll(/'([^']+)'/g)) expect(known, where).toContain(literal[1]);
      const template = /^`([a-z_]+)\.\$\{/.exec(call.action)?.[1];
      if (template)
        expect(
          [...known].some((a) => a.startsWith(`${template}.`)),
          where,
        ).toBe(true);
      for (const literal of call.action.matchAll(/'([^']+)'/g)) {
        const text = auditActionText(literal[1] ?? '', call.entity, 'vi');
        expect(text, where).not.toBe('Thao tác khác');
        expect(text, where).not.toMatch(/[a-z]+[._][a-z]+/);
      }
    }
  });

  it('names every listed action in Vietnamese and in English', () => {
    for (const action of AUDIT_ACTIONS)
      for (const entity of Object.keys(AUDIT_ENTITIES)) {
        const vi = auditActionText(action, entity, 'vi');
        const en = auditActionText(action, entity, 'en');
        expect(vi, action).not.toBe('Thao tác khác');
        expect(en, action).not.toBe('Other action');
        expect(vi, action).not.toBe(en);
      }
  });

  it('names actions and records in Vietnamese, not by their codes', () => {
    expect(auditActionText('import.rollback', 'imports', 'vi')).toBe('Hoàn tác lần nhập dữ liệu');
    expect(auditActionText('login_failed', 'session', 'vi')).toBe('Đăng nhập không thành công');
    expect(auditActionText('patrol_plan.create', 'patrol_plan', 'vi')).toBe('Lập kế hoạch tuần tra');
    expect(auditActionText('update', 'indicator', 'vi')).toBe('Sửa chỉ số');
    expect(auditActionText('retire', 'indicator', 'vi')).toBe('Ngừng sử dụng chỉ số');
    expect(auditActionText('something.unheard_of', 'plan', 'vi')).toBe('Thao tác khác');
    expect(auditEntityText('patrol_plan', 4, 'vi')).toBe('Kế hoạch tuần tra #4');
  });

  it('writes a change as fields and values in words, dates dd/mm/yyyy, periods as read, lists by their length', () => {
    expect(auditChangeText({ status: 'rolled_back', removed: 0, restored: 3 }, 'vi')).toBe(
      'trạng thái: đã hoàn tác; đã xóa: 0; đã khôi phục: 3',
    );
    expect(auditChangeText({ date: '2026-12-06', hotspotCodes: ['A', 'B', 'C', 'D'] }, 'vi')).toBe(
      'ngày: 06/12/2026; địa điểm: 4 mục',
    );
    expect(auditChangeText({ period: '2026-Q2', rows: 3321 }, 'vi')).toBe('kỳ: Quý II/2026; số dòng: 3.321');
    expect(auditChangeText({ role: 'data_officer' }, 'vi')).toBe('vai trò: Cán bộ thống kê');
    expect(auditChangeText(null, 'vi')).toBe('—');
    expect(auditChangeText({ some_key: 'x_y' }, 'vi')).not.toMatch(/_/);
  });

  it('shows an edit as the fields it changed, before → after, with the catalogue’s words for codes', () => {
    const before = { code: 'drug_users', nameVi: 'Người sử dụng', kind: 'flow', sensitivity: 'internal' };
    const after = { ...before, kind: 'stock', sensitivity: 'public' };
    const text = auditDetailText(before, after, 'vi');
    expect(text).toBe(
      'loại: Số phát sinh trong kỳ → Số tại thời điểm (tồn); mức độ công khai: Nội bộ → Công khai',
    );
    expect(text).not.toMatch(/stock|flow|kind|internal/);
    // A record created: what it holds.
    expect(auditDetailText(null, { period: '2026-Q3', state: 'submitted' }, 'vi')).toBe(
      'kỳ: Quý III/2026; trạng thái: đã nộp, chờ duyệt',
    );
  });
});
