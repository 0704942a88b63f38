import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FileInput } from './file-input';

const render = (props: Partial<Parameters<typeof FileInput>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(FileInput, {
      label: 'Tệp',
      file: null,
      onChange: () => {},
      lang: 'vi',
      testId: 'values-file',
      accept: '.xlsx,.csv',
      ...props,
    }),
  );

/** The visible text: the markup without its tags. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('FileInput', () => {
  it('says in Vietnamese what to do and that no file is chosen yet', () => {
    const html = render();
    expect(text(html)).toBe('Tệp Chọn tệp… Chưa chọn tệp');
    expect(html).toMatch(/<button[^>]*type="button"[^>]*>Chọn tệp…<\/button>/);
  });

  it('shows the chosen file by its name', () => {
    const file = new File(['a;b'], 'so-lieu-quy-3.xlsx');
    const html = render({ file });
    expect(text(html)).toBe('Tệp Chọn tệp… so-lieu-quy-3.xlsx');
    expect(html).not.toContain('Chưa chọn tệp');
  });

  it('keeps the native field (what reads the file, and what tests fill) in the page but out of sight and of the tab order', () => {
    const html = render();
    const native = /<input[^>]*>/.exec(html)?.[0] ?? '';
    expect(native).toContain('type="file"');
    expect(native).toContain('data-testid="values-file"');
    expect(native).toContain('accept=".xlsx,.csv"');
    expect(native).toContain('tabindex="-1"');
    expect(native).toContain('class="file-input-native"');
  });

  it('names the button by the field, the action and the file for a screen reader', () => {
    const html = render({ file: new File([''], 'ranh-gioi.geojson') });
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
    const textOf = (id: string) => text(new RegExp(`<[^>]*id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? '');
    expect(labelledBy.map(textOf)).toEqual(['Tệp', 'Chọn tệp…', 'ranh-gioi.geojson']);
  });

  it('speaks English on the English page', () => {
    expect(text(render({ lang: 'en', label: 'File' }))).toBe('File Choose a file… No file chosen');
  });
});
