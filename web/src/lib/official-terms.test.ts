import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Terms as officials use them (issue 18): the words the product shows or produces are the ones of the
 * documents — "sắp xếp đơn vị hành chính" (not "sáp nhập"), "lũy tích" (not "cộng dồn"), "Bảng theo dõi
 * thực hiện chỉ tiêu" (not "Bảng điểm"), "không ma túy" (QĐ 28's spelling, not "ma tuý"). The web app, the
 * server, the shared domain code and the demo data (its indicator names and plan titles are on screen) are read
 * for the words officials do not use (tests excluded: they may name a word to prove it gone).
 */
const ROOT = join(__dirname, '../../..');
const DIRS = ['web/src', 'server/src', 'domain/src', 'data/src'];
const NOT_OFFICIAL: readonly [RegExp, string][] = [
  [/sáp nhập/i, 'sắp xếp đơn vị hành chính'],
  [/cộng dồn/i, 'lũy tích'],
  [/Bảng điểm/, 'Bảng theo dõi thực hiện chỉ tiêu'],
  [/ma tuý/i, 'ma túy'],
];

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

describe('terms as officials use them', () => {
  it('no source of the web, the server, the domain or the demo data says a word officials replace', () => {
    const found = DIRS.flatMap((d) => files(join(ROOT, d))).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return NOT_OFFICIAL.filter(([word]) => word.test(text)).map(
        ([word, instead]) => `${relative(ROOT, f)}: ${word.source} (say "${instead}")`,
      );
    });
    expect(found).toEqual([]);
  });
});
