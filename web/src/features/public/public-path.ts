import { routeAs } from '../../lib/routes';

/** The province a public path names, or null for the country. */
export const publicProvinceOf = (pathname: string): string | null =>
  routeAs('public', pathname)?.province ?? null;
