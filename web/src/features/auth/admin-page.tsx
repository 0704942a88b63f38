import { formatDateTime } from '@pcmt/domain/format';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { WeightsJobPanel } from '../../entities/jobs/weights-job-panel';
import { unitsQuery } from '../../entities/units/api/get-units';
import { UnitListPicker } from '../../entities/units/components/unit-picker';
import { api } from '../../lib/api-client';
import { apiError } from '../../lib/api-error';
import type { Lang } from '../../lib/i18n';
import { hrefWithLang, langOf, onInAppLinkClick, useLocation } from '../../lib/navigation';
import { todayIso } from '../../lib/periods';
import { queryKeys } from '../../lib/query-keys';
import { routePath } from '../../lib/routes';
import { auditActionText, auditDetailText, auditEntityText } from './audit-text';
import { authText, roleLabel } from './messages';
import './admin-page.css';

const ROLES = ['committee', 'police', 'data_officer', 'admin'] as const;
type Role = (typeof ROLES)[number];

const usersQuery = {
  queryKey: queryKeys.users.all,
  queryFn: async () => {
    const res = await api.api.users.$get();
    if (!res.ok) throw await apiError(res, '/api/users');
    return res.json();
  },
};

/** Administration: accounts (create, enable/disable) and the read-only audit log. */
export default function AdminPage() {
  const lang = langOf(useLocation().search);
  const t = (k: Parameters<typeof authText>[1]) => authText(lang, k);
  const client = useQueryClient();
  const users = useQuery(usersQuery);
  // Jurisdictions by name (Thành phố Hà Nội, Toàn quốc), not by code.
  const at = todayIso();
  const provinces = useQuery(unitsQuery({ level: 'province', parent: null, at }));
  const communes = useQuery(unitsQuery({ level: 'commune', parent: null, at }));
  const areaName = (code: string) =>
    code === 'VN'
      ? lang === 'vi'
        ? 'Toàn quốc'
        : 'Whole country'
      : ((code.length === 2 ? provinces : communes).data?.rows.find((u) => u.code === code)?.fullName ??
        code);
  const audit = useInfiniteQuery({
    queryKey: queryKeys.audit.all,
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam }) => {
      const res = await api.api.audit.$get({
        query: { limit: '50', ...(pageParam ? { before: String(pageParam) } : {}) },
      });
      if (!res.ok) throw await apiError(res, '/api/audit');
      return res.json();
    },
    getNextPageParam: (last) => (last.rows.length === 50 ? last.rows.at(-1)?.id : undefined),
  });
  const toggle = useMutation({
    mutationFn: async (u: { id: number; active: boolean }) => {
      const res = await api.api.users[':id'].$patch({
        param: { id: String(u.id) },
        json: { active: !u.active },
      });
      if (!res.ok) throw await apiError(res, '/api/users');
    },
    onSuccess: () =>
      client
        .invalidateQueries({ queryKey: queryKeys.users.all })
        .then(() => client.invalidateQueries({ queryKey: queryKeys.audit.all })),
  });

  return (
    <main className="page">
      <p>
        <a href={hrefWithLang(routePath({ page: 'indicator-catalogue' }), lang)} onClick={onInAppLinkClick}>
          Danh mục chỉ số
        </a>
      </p>
      <h2>{t('usersTitle')}</h2>
      <p className="swipe-hint">{t('swipeForMore')}</p>
      <div className="table-scroll">
        <table className="page-table accounts-table" data-testid="users">
          <thead>
            <tr>
              <th>{t('username')}</th>
              <th>{t('displayName')}</th>
              <th>{t('role')}</th>
              <th>{t('jurisdiction')}</th>
              <th>{t('active')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.rows.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{roleLabel(lang, u.role)}</td>
                <td title={u.jurisdiction.join(', ')}>{u.jurisdiction.map(areaName).join(', ')}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => toggle.mutate(u)}>
                    {u.active ? t('disable') : t('enable')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewUserForm
        t={t}
        lang={lang}
        onCreated={() => client.invalidateQueries({ queryKey: queryKeys.users.all })}
      />
      {users.isError && <ApiErrorNotice error={users.error} lang={lang} />}
      <WeightsJobPanel lang={lang} />
      <h2>{t('auditTitle')}</h2>
      <p className="muted">{t('auditNote')}</p>
      <div className="table-scroll">
        <table className="page-table" data-testid="audit-log">
          <thead>
            <tr>
              <th>{t('at')}</th>
              <th>{t('actor')}</th>
              <th>{t('action')}</th>
              <th>{t('entity')}</th>
              <th>{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data?.pages
              .flatMap((p) => p.rows)
              .map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.at)}</td>
                  <td>{r.actor}</td>
                  <td title={r.action}>{auditActionText(r.action, r.entity, lang)}</td>
                  <td>{auditEntityText(r.entity, r.entityId, lang)}</td>
                  <td className="audit-change">{auditDetailText(r.before, r.after, lang)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {audit.isError && <ApiErrorNotice error={audit.error} lang={lang} />}
      {audit.hasNextPage && (
        <button type="button" className="button" onClick={() => audit.fetchNextPage()}>
          {t('more')}
        </button>
      )}
    </main>
  );
}

function NewUserForm({
  t,
  lang,
  onCreated,
}: {
  t: (k: Parameters<typeof authText>[1]) => string;
  lang: Lang;
  onCreated: () => void;
}) {
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    role: 'committee' as Role,
    password: '',
  });
  // The account's area, picked by name: the whole country, or provinces and communes (codes never typed).
  const [national, setNational] = useState(false);
  const [areas, setAreas] = useState<string[]>([]);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    const res = await api.api.users.$post({
      json: {
        ...form,
        jurisdiction: national ? ['VN'] : areas,
      },
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as {
        error?: { field: string | null; message: string };
      } | null;
      setError(body?.error ?? { field: null, message: `HTTP ${res.status}` });
      return;
    }
    setDone(true);
    onCreated();
  };
  const fieldError = (field: string) =>
    error?.field?.startsWith(field) ? <span className="field-error">{error.message}</span> : null;

  return (
    <form className="form" onSubmit={submit} aria-label={t('createUser')} data-testid="new-user-form">
      <h3>{t('createUser')}</h3>
      <label>
        {t('username')}
        <input value={form.username} onChange={set('username')} required />
        {fieldError('username')}
      </label>
      <label>
        {t('displayName')}
        <input value={form.displayName} onChange={set('displayName')} required />
        {fieldError('displayName')}
      </label>
      <label>
        {t('role')}
        <select value={form.role} onChange={set('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(lang, r)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="area-field">
        <legend>{t('jurisdiction')}</legend>
        <label>
          <input type="checkbox" checked={national} onChange={(e) => setNational(e.target.checked)} />{' '}
          {t('national')}
        </label>
        {!national && (
          <UnitListPicker
            label={t('jurisdiction')}
            name="jurisdiction"
            testId="new-user-area"
            value={areas}
            onChange={setAreas}
            invalid={error?.field?.startsWith('jurisdiction') ?? false}
          />
        )}
        {fieldError('jurisdiction')}
      </fieldset>
      <label>
        {t('password')}
        <input type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />
        {fieldError('password')}
      </label>
      {error && !error.field && <p className="field-error">{error.message}</p>}
      {done && <p role="status">{t('created')}</p>}
      <button type="submit" className="button" data-testid="create-user">
        {t('createUser')}
      </button>
    </form>
  );
}
