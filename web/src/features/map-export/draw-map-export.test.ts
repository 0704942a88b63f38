import { englishLines } from '@pcmt/domain/english-words';
import { describe, expect, it } from 'vitest';
import type { MapCapture } from '../../components/map/atlas-map';
import { type ExportCanvas, renderMapExport } from './draw-map-export';
import { exportLegend } from './export-legend';

/**
 * The PNG map export in Vietnamese: the words the renderer draws are read where it draws them (the canvas's
 * fillText, recorded by a test context; no OCR is needed), then checked against the product's English list.
 */

/** A canvas whose 2D context records every string drawn and measures 0.6 em a character. */
function recordingCanvas(): ExportCanvas & { drawn: string[] } {
  const drawn: string[] = [];
  let font = '10px sans-serif';
  const ctx = new Proxy(
    {
      get font() {
        return font;
      },
      set font(f: string) {
        font = f;
      },
      measureText: (text: string) => ({
        width: text.length * 0.6 * Number.parseFloat(font.split(' ')[1] ?? '10'),
      }),
      fillText: (text: string) => {
        drawn.push(text);
      },
    } as Record<string | symbol, unknown>,
    {
      // Every other drawing call (paths, rects, transforms, images) does nothing; properties take any value.
      get: (target, key) => (key in target ? target[key] : () => undefined),
      set: (target, key, value) => {
        target[key] = value;
        return true;
      },
    },
  ) as unknown as CanvasRenderingContext2D;
  return { width: 0, height: 0, getContext: () => ctx, drawn };
}

const capture = (width: number): MapCapture => ({
  canvas: {} as HTMLCanvasElement,
  width,
  height: Math.round(width * 0.6),
  pixelRatio: 2,
  metresPerPixel: 1200,
  bearing: 0,
  attributions: [],
});

describe('the PNG map export', () => {
  for (const width of [390, 1366, 1920]) {
    it(`draws only Vietnamese: title, legend, scale, north, source, date, notice (map ${width} px wide)`, () => {
      const canvas = recordingCanvas();
      renderMapExport(
        canvas,
        capture(width),
        {
          lang: 'vi',
          what: 'Phân loại xã (tình hình ma túy)',
          area: 'Toàn quốc',
          period: 'Quý III/2026',
          note: null,
          legend: exportLegend(
            {
              kind: 'status',
              counts: {
                khong_ma_tuy: 10,
                co_ma_tuy: 5,
                trong_diem_III: 0,
                trong_diem_II: 2,
                trong_diem_I: 1,
              },
              noData: 3,
            },
            { title: 'Phân loại xã (tình hình ma túy)', unit: '', noDataColor: '#cccccc', lang: 'vi' },
          ),
          source: 'Dữ liệu minh họa (tổng hợp) do PCMT Atlas tạo',
          synthetic: true,
          exportedOn: '07/12/2026',
        },
        'sans-serif',
      );
      const text = canvas.drawn.join('\n');
      // The check reads what is really drawn: the title, the legend's classes, the notice and the date.
      expect(text).toContain('Phân loại xã (tình hình ma túy)');
      expect(text).toContain('Trọng điểm loại I');
      expect(text).toContain('DỮ LIỆU MÔ PHỎNG');
      expect(text).toContain('07/12/2026');
      expect(englishLines(text)).toEqual([]);
      // The same renderer in English writes English: the recording sees the language it draws.
      const english = recordingCanvas();
      renderMapExport(
        english,
        capture(width),
        {
          lang: 'en',
          what: 'Commune status',
          area: 'Whole country',
          period: 'Q3/2026',
          note: null,
          legend: { title: 'Commune status', rows: [] },
          source: 'demo',
          synthetic: true,
          exportedOn: '07/12/2026',
        },
        'sans-serif',
      );
      expect(englishLines(english.drawn.join('\n')).length).toBeGreaterThan(0);
    });
  }
});
