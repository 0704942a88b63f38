import { generateDemoDataset } from '@pcmt/data/demo/generate';
import type { DemoDataset } from '@pcmt/data/demo/types';

/**
 * The dataset database tests run on: every unit of both versions (so unit counts and geometry checks are
 * real) with values, statuses and hotspots for two provinces to keep seeding fast:
 * Hà Nội (01, urban, many merged wards) and Sơn La (14, high drug burden, mountainous).
 */
export const TEST_PROVINCES = ['01', '14'] as const;

export function testDataset(): DemoDataset {
  return generateDemoDataset({ provinces: TEST_PROVINCES });
}
