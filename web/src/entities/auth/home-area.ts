import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type Lang, translate } from '../../lib/i18n';
import { todayIso } from '../../lib/periods';
import { unitsQuery } from '../units/api/get-units';
import { type SessionUser, sessionQuery } from './session';

/**
 * The area a signed-in user works on, from the jurisdiction of the session: every page opens on it and offers
 * only the provinces it may see (the server refuses the rest anyway).
 */
export interface HomeArea {
  /** False while a commune user's province is being looked up. */
  ready: boolean;
  /** The whole country (jurisdiction `VN`, or nobody signed in: public data only). */
  national: boolean;
  /** Provinces the user may open (theirs, or those of their communes); empty when national. */
  provinces: readonly string[];
  /** Where pages open: the first of those provinces; null when national. */
  home: string | null;
}

const PROVINCE = /^\d{2}$/;

/** The provinces of a jurisdiction, given the province of each commune code in it. */
export function homeAreaOf(
  user: Pick<SessionUser, 'jurisdiction'> | null,
  provinceOfCommune: (code: string) => string | undefined,
): Omit<HomeArea, 'ready'> {
  if (!user || user.jurisdiction.includes('VN')) return { national: true, provinces: [], home: null };
  const provinces: string[] = [];
  for (const code of user.jurisdiction) {
    const province = PROVINCE.test(code) ? code : provinceOfCommune(code);
    if (province && !provinces.includes(province)) provinces.push(province);
  }
  return { national: false, provinces, home: provinces[0] ?? null };
}

/** The signed-in user's home area (see HomeArea). */
export function useHomeArea(): HomeArea {
  const session = useQuery(sessionQuery);
  const user = session.data?.user ?? null;
  const needsCommunes = !!user && user.jurisdiction.some((c) => c !== 'VN' && !PROVINCE.test(c));
  // A commune user's province: from the list of communes in force (cached for an hour, shared with search).
  const communes = useQuery({
    ...unitsQuery({ level: 'commune', parent: null, at: todayIso() }),
    enabled: needsCommunes,
  });
  return useMemo(() => {
    const byCode = new Map((communes.data?.rows ?? []).map((u) => [u.code, u.provinceCode]));
    return {
      ready: !session.isPending && (!needsCommunes || !communes.isPending),
      ...homeAreaOf(user, (code) => byCode.get(code)),
    };
  }, [user, session.isPending, needsCommunes, communes.isPending, communes.data]);
}

/** Whether the area lets the user open a province. */
export const mayOpenProvince = (area: HomeArea, code: string): boolean =>
  area.national || area.provinces.includes(code);

/**
 * The names of the areas a user's jurisdiction covers, as a page title says them: 'Thành phố Hà Nội',
 * 'Phường Ba Đình, Thành phố Hà Nội' (a commune with its province), 'Toàn quốc' for a national account or
 * the public; null while a name is still being looked up (a code is never shown in its place).
 */
export function areaNamesOf(
  user: Pick<SessionUser, 'jurisdiction'> | null,
  nameOf: (code: string) => { name: string; province?: string } | undefined,
  country: string,
): string | null {
  if (!user || user.jurisdiction.includes('VN')) return country;
  const names: string[] = [];
  for (const code of user.jurisdiction) {
    const unit = nameOf(code);
    if (!unit) return null;
    names.push(unit.province ? `${unit.name}, ${unit.province}` : unit.name);
  }
  return names.length > 0 ? names.join('; ') : null;
}

/** The signed-in user's area by name (see areaNamesOf): what a page's title names as the area it shows. */
export function useHomeAreaName(lang: Lang): string | null {
  const session = useQuery(sessionQuery);
  const user = session.data?.user ?? null;
  const at = todayIso();
  const national = !user || user.jurisdiction.includes('VN');
  const needsCommunes = !national && user.jurisdiction.some((c) => !PROVINCE.test(c));
  const provinces = useQuery({
    ...unitsQuery({ level: 'province', parent: null, at }),
    enabled: !national,
  });
  const communes = useQuery({
    ...unitsQuery({ level: 'commune', parent: null, at }),
    enabled: needsCommunes,
  });
  return useMemo(() => {
    if (session.isPending) return null;
    const province = new Map((provinces.data?.rows ?? []).map((u) => [u.code, u.fullName]));
    const commune = new Map((communes.data?.rows ?? []).map((u) => [u.code, u]));
    return areaNamesOf(
      user,
      (code) => {
        if (PROVINCE.test(code)) {
          const name = province.get(code);
          return name === undefined ? undefined : { name };
        }
        const c = commune.get(code);
        const p = c && province.get(c.provinceCode);
        return c && p ? { name: c.fullName, province: p } : undefined;
      },
      translate(lang, 'country'),
    );
  }, [user, session.isPending, provinces.data, communes.data, lang]);
}
