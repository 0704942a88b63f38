/** `/cong-khai` (the country) or `/cong-khai/<province code>`; kept apart so the page table stays light. */
export const PUBLIC_PATH = /^\/cong-khai(?:\/(\d{2}))?\/?$/;

/** The province a public path names, or null for the country. */
export const publicProvinceOf = (pathname: string): string | null => PUBLIC_PATH.exec(pathname)?.[1] ?? null;
