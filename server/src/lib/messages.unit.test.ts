import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ApiError, badRequest, errorBody } from './errors';
import { fillTemplate, MESSAGES, type MessageCode, messageText, msg } from './messages';

const PARAM = /\{(\w+)\}/g;
const paramsOf = (template: string) => [...template.matchAll(PARAM)].map((m) => m[1] as string);
/** A letter only Vietnamese writes (not in plain ASCII). */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('the message catalogue', () => {
  const codes = Object.keys(MESSAGES) as MessageCode[];

  it('has a Vietnamese and an English text for every code, each filled by the same parameters', () => {
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) {
      const { vi, en } = MESSAGES[code];
      expect(vi.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
      // Every word of the Vietnamese text is Vietnamese: a text with words has Vietnamese letters.
      const words = vi
        .replace(PARAM, '')
        .replace(/[^\p{L}]+/gu, ' ')
        .trim();
      if (words) expect(vi, code).toMatch(VIETNAMESE_LETTER);
      const params = Object.fromEntries(
        [...paramsOf(vi), ...paramsOf(en)].map((name) => [name, `«${name}»`] as const),
      );
      for (const text of [fillTemplate(vi, params), fillTemplate(en, params)]) {
        expect(text, code).not.toMatch(PARAM);
      }
    }
  });

  it('writes dates dd/mm/yyyy and periods as the one formatter says them', () => {
    expect(messageText(msg('unit.not_valid_on', { field: 'parent', code: '01', date: '2026-07-01' }))).toBe(
      'parent: không có đơn vị mã 01 còn hiệu lực ngày 01/07/2026',
    );
    expect(messageText(msg('period.not_quarter', { field: 'from', period: '2026-Q3' }))).toBe(
      'from: Quý III/2026 không phải là quý',
    );
    expect(
      messageText(msg('unit.not_valid_on', { field: 'parent', code: '01', date: '2026-07-01' }), 'en'),
    ).toBe('parent: no unit with code 01 is valid on 01/07/2026');
  });

  it('sends the Vietnamese text with its code and the field in the error body', () => {
    const err = badRequest('period', msg('period.unknown', { field: 'period', period: '2031-Q1' }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.message).toBe('period: không có kỳ Quý I/2031 (các kỳ từ năm 2019 đến quý hiện tại)');
    expect(errorBody(err.code, err.message, err.field, err.messageCode)).toEqual({
      error: {
        code: 'invalid_parameter',
        message: 'period: không có kỳ Quý I/2031 (các kỳ từ năm 2019 đến quý hiện tại)',
        field: 'period',
        messageCode: 'period.unknown',
      },
    });
  });
});

// ---- No English message handed to the error constructors in the server's sources ----

const SERVER_SRC = join(import.meta.dirname, '..');
/**
 * Slices other engineers are rewriting at the time of writing (issue 16 owns plans and progress): their
 * English messages are listed, not failed, until they move to the catalogue.
 */
const OWNED_ELSEWHERE = ['features/plans/', 'features/progress/'];

/** Which argument of each error constructor is the message. */
const MESSAGE_ARGUMENT: Record<string, number> = { badRequest: 1, notFound: 1, errorBody: 1, ApiError: 2 };
/** English words an error message is made of; none is a Vietnamese word written without marks. */
const ENGLISH = new Set(
  'the is are was no not must be give given has have with of on at by from for your you only may cannot could should already than more less outside invalid required wrong error found exists missing before after needs'.split(
    ' ',
  ),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

/** The literal text of a message argument (string, template or concatenation); null when it is computed. */
function literalText(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [literalText(node.left), literalText(node.right)].filter((t) => t !== null).join(' ') || null;
  }
  if (ts.isConditionalExpression(node)) {
    return (
      [literalText(node.whenTrue), literalText(node.whenFalse)].filter((t) => t !== null).join(' ') || null
    );
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  return null;
}

/** English words of a literal, leaving out code-like tokens (field paths, snake_case, camelCase). */
function englishWords(text: string): string[] {
  return text
    .split(/[\s,;:()“”"'`]+/)
    .filter((w) => /^[a-z]+$/.test(w))
    .filter((w) => ENGLISH.has(w));
}

function findEnglishMessages(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      const index = MESSAGE_ARGUMENT[name];
      const arg = index === undefined ? undefined : node.arguments?.[index];
      const text = arg ? literalText(arg) : null;
      if (text !== null && englishWords(text).length >= 2) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${relative(SERVER_SRC, file)}:${line + 1}: ${name}(… ${JSON.stringify(text)})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('server sources', () => {
  it('recognise an English message and let a Vietnamese one pass', () => {
    expect(englishWords('parent: 14 is outside your jurisdiction').length).toBeGreaterThanOrEqual(2);
    expect(englishWords('code: mã managed_addicts đã có trong danh mục')).toEqual([]);
  });

  it('hand the error constructors no literal English message (messages come from lib/messages.ts)', () => {
    const all = sourceFiles(SERVER_SRC).flatMap(findEnglishMessages);
    const owned = all.filter((f) => OWNED_ELSEWHERE.some((dir) => f.startsWith(dir)));
    if (owned.length > 0) console.warn(`English messages in slices owned by others:\n${owned.join('\n')}`);
    expect(all.filter((f) => !owned.includes(f))).toEqual([]);
  });
});
