import type { Queryable } from '../../db/engine';
import { readEnv } from '../../env';
import type { Role } from './roles';
import { anyUserExists, countCurrentUnits, createUser, firstCurrentCommune } from './users.repo';

/**
 * Accounts for trying the product on synthetic demo data: one per role, scoped like real users would be.
 * Created only when the dataset is synthetic and no account exists yet; a real deployment creates its first
 * admin with `pnpm admin create-user` and never gets these.
 */
const chosenPassword = readEnv().PCMT_DEMO_PASSWORD;
export const DEMO_PASSWORD = chosenPassword ?? 'pcmt-demo-2025';
/** The sign-in page may show the password only when nobody chose one (a public demo). */
export const DEMO_PASSWORD_IS_DEFAULT = chosenPassword === undefined;

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** Unit codes; `commune:01` = the first commune in force of province 01. */
  jurisdiction: string[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', jurisdiction: ['VN'] },
  { username: 'bcd.quocgia', displayName: 'Ban chỉ đạo quốc gia', role: 'committee', jurisdiction: ['VN'] },
  { username: 'bcd.hanoi', displayName: 'Ban chỉ đạo TP Hà Nội', role: 'committee', jurisdiction: ['01'] },
  { username: 'bcd.sonla', displayName: 'Ban chỉ đạo tỉnh Sơn La', role: 'committee', jurisdiction: ['14'] },
  {
    username: 'bcd.xa',
    displayName: 'Ban chỉ đạo một xã của Hà Nội',
    role: 'committee',
    jurisdiction: ['commune:01'],
  },
  { username: 'congan.hanoi', displayName: 'Công an TP Hà Nội', role: 'police', jurisdiction: ['01'] },
  { username: 'congan.sonla', displayName: 'Công an tỉnh Sơn La', role: 'police', jurisdiction: ['14'] },
  {
    username: 'thongke.hanoi',
    displayName: 'Cán bộ số liệu Hà Nội',
    role: 'data_officer',
    jurisdiction: ['01'],
  },
  {
    // Reports its commune's figures each period (issue 17); thongke.hanoi reviews and approves them.
    username: 'thongke.xa',
    displayName: 'Cán bộ số liệu một xã của Hà Nội',
    role: 'data_officer',
    jurisdiction: ['commune:01'],
  },
];

/** Creates the demo accounts if there is no account at all; returns how many it created. */
export async function ensureDemoAccounts(db: Queryable): Promise<number> {
  if (await anyUserExists(db)) return 0;
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    const jurisdiction: string[] = [];
    for (const code of a.jurisdiction) {
      const province = /^commune:(\d{2})$/.exec(code)?.[1];
      if (!province) {
        jurisdiction.push(code);
        continue;
      }
      const first = await firstCurrentCommune(db, province);
      if (first) jurisdiction.push(first);
    }
    const known = await countCurrentUnits(
      db,
      jurisdiction.filter((c) => c !== 'VN'),
    );
    // A demo subset without the account's units (the test dataset) skips the account.
    if (jurisdiction.length === 0 || known < jurisdiction.filter((c) => c !== 'VN').length) continue;
    await createUser(db, { ...a, jurisdiction, password: DEMO_PASSWORD });
    created++;
  }
  return created;
}
