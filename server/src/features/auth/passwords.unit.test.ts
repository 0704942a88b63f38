import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts';
import { passwordProblem } from './passwords';

describe('passwordProblem', () => {
  it('refuses common, repetitive and keyboard-sequence passwords of legal length', () => {
    for (const weak of [
      'aaaaaaaaaa',
      '1234567890',
      '0000000000',
      'qwertyuiop',
      'abcabcabcabc',
      'matkhau123',
      'Matkhau@123',
      'anhyeuem1234',
      'password123',
      'Password2025',
      'iloveyou12',
    ]) {
      expect(passwordProblem(weak, 'chief'), weak).toMatch(/dễ đoán/);
    }
  });

  it("refuses the account's own names", () => {
    expect(passwordProblem('congan.hanoi1', 'congan.hanoi')).toMatch(/tên đăng nhập/);
    expect(passwordProblem('nguyenvanbinh1', 'chief', ['Nguyễn Văn Bình', 'nguyenvanbinh'])).toMatch(
      /dễ đoán/,
    );
  });

  it('keeps the length rules', () => {
    expect(passwordProblem('short', 'chief')).toMatch(/ít nhất 10/);
    expect(passwordProblem('x'.repeat(257), 'chief')).toMatch(/256/);
  });

  it('accepts passphrases and the demo password', () => {
    for (const good of [
      DEMO_PASSWORD,
      'pcmt-demo-2025',
      'correct horse battery',
      'trâu-đồng-lúa-chín',
      'a-long-password-1',
    ]) {
      expect(passwordProblem(good, 'chief'), good).toBeNull();
    }
  });
});
