import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type Lang, translate } from '../lib/i18n';
import { hrefWithLang, onInAppLinkClick, useLocation } from '../lib/navigation';
import type { navGroupsFor, Page } from './pages';

type Groups = ReturnType<typeof navGroupsFor>;

/**
 * The header's two-level navigation. On a wide screen: a few groups on the header's line, each a button
 * opening its pages under it (a disclosure: Enter or Space toggles, ↓/↑ open it on the first/last page,
 * ↓/↑/Home/End move among its pages, ←/→ move between groups, Escape closes it and returns to its button);
 * a group with one page is that page's link. Compact (a phone, or a line too long): the groups as titled
 * sections of the menu sheet, every page a link in it.
 */
export function NavMenu({
  groups,
  page,
  lang,
  compact,
  extras = {},
}: {
  groups: Groups;
  page: Page;
  lang: Lang;
  compact: boolean;
  /** Shown in a group's list after its pages, by group id (the server line in the administration group). */
  extras?: Partial<Record<string, ReactNode>>;
}) {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const location = useLocation();
  const navRef = useRef<HTMLElement>(null);
  const [open, setOpen] = useState<string | null>(null);
  /** Where focus goes once the open group's list is shown. */
  const focusNext = useRef<'first' | 'last' | null>(null);
  // A page opened from a group closes it; so does switching between the line and the sheet.
  useEffect(() => setOpen(null), [location.pathname, location.search, compact]);
  // A click or tap outside the navigation closes the open group.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  useLayoutEffect(() => {
    if (!open || !focusNext.current) return;
    const items = itemsOf(navRef.current, open);
    (focusNext.current === 'first' ? items[0] : items[items.length - 1])?.focus();
    focusNext.current = null;
  }, [open]);

  /** Focus to the next (1) or previous (-1) entry of the line from the one holding `from`, closing any list. */
  const moveTop = (from: HTMLElement, step: 1 | -1) => {
    const tops = [...(navRef.current?.querySelectorAll<HTMLElement>('[data-nav-top]') ?? [])];
    const at = tops.findIndex((el) => el === from || from.contains(el));
    setOpen(null);
    tops[(at + step + tops.length) % tops.length]?.focus();
  };
  // The open group's list: ↓/↑/Home/End move among its entries, Escape closes it on its button, ←/→ go to
  // the neighbouring group; focus leaving the group (Tab past its last entry) closes it.
  useEffect(() => {
    if (!open) return;
    const list = document.getElementById(`nav-group-${open}`);
    const button = document.getElementById(`nav-group-${open}-button`);
    if (!list || !button) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      const items = itemsOf(navRef.current, open);
      const at = items.indexOf(document.activeElement as HTMLElement);
      const go = (i: number) => items[(i + items.length) % items.length]?.focus();
      if (e.key === 'ArrowDown') go(at + 1);
      else if (e.key === 'ArrowUp') go(at - 1);
      else if (e.key === 'Home') go(0);
      else if (e.key === 'End') go(items.length - 1);
      else if (e.key === 'Escape') {
        setOpen(null);
        button.focus();
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft')
        moveTop(button, e.key === 'ArrowRight' ? 1 : -1);
      else return;
      e.preventDefault();
    };
    const onFocus = (e: FocusEvent) => {
      if (!list.parentElement?.contains(e.target as Node)) setOpen(null);
    };
    list.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      list.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  const link = (p: Page, top: boolean, onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void) => (
    <a
      key={p.id}
      href={hrefWithLang(p.navHref ?? '/', lang)}
      aria-current={p.id === page.id ? 'page' : undefined}
      data-nav-top={top ? 'true' : undefined}
      onClick={onInAppLinkClick}
      onKeyDown={onKeyDown}
    >
      {t(p.navLabel)}
    </a>
  );

  if (compact) {
    return (
      <nav className="app-nav" aria-label={t('mainNav')}>
        {groups.map(({ group, pages }) =>
          pages.length === 1 && !extras[group.id] ? (
            link(pages[0] as Page, false)
          ) : (
            <div key={group.id} className="nav-section">
              <span className="nav-section-title">{t(group.label)}</span>
              {pages.map((p) => link(p, false))}
              {extras[group.id]}
            </div>
          ),
        )}
      </nav>
    );
  }

  const onTopKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    moveTop(e.currentTarget, e.key === 'ArrowRight' ? 1 : -1);
  };

  return (
    <nav className="app-nav" aria-label={t('mainNav')} ref={navRef}>
      {groups.map(({ group, pages, current }) => {
        if (pages.length === 1 && !extras[group.id]) {
          return link(pages[0] as Page, true, onTopKey);
        }
        const isOpen = open === group.id;
        const listId = `nav-group-${group.id}`;
        const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            focusNext.current = e.key === 'ArrowDown' ? 'first' : 'last';
            if (isOpen) {
              const items = itemsOf(navRef.current, group.id);
              (e.key === 'ArrowDown' ? items[0] : items[items.length - 1])?.focus();
              focusNext.current = null;
            } else setOpen(group.id);
          } else if (e.key === 'Escape' && isOpen) {
            e.preventDefault();
            setOpen(null);
          } else onTopKey(e);
        };
        return (
          <div
            key={group.id}
            className="nav-group"
            data-open={isOpen ? 'true' : 'false'}
            data-current={current(page) ? 'true' : undefined}
          >
            <button
              type="button"
              id={`${listId}-button`}
              className="nav-group-button"
              data-nav-top="true"
              data-testid={listId}
              aria-expanded={isOpen}
              aria-controls={listId}
              onClick={() => setOpen(isOpen ? null : group.id)}
              onKeyDown={onButtonKey}
            >
              {t(group.label)}
              <span aria-hidden="true" className="nav-caret">
                ▾
              </span>
            </button>
            {/* Kept in the page when closed (hidden): what it holds can be found, it is not shown. */}
            <div id={listId} className="nav-dropdown" hidden={!isOpen}>
              {pages.map((p) => link(p, false))}
              {extras[group.id]}
            </div>
          </div>
        );
      })}
    </nav>
  );
}

/** The focusable entries of a group's open list. */
function itemsOf(nav: HTMLElement | null, groupId: string): HTMLElement[] {
  const list = nav?.querySelector(`#nav-group-${groupId}`);
  return [...(list?.querySelectorAll<HTMLElement>('a[href], button:not([disabled])') ?? [])];
}
