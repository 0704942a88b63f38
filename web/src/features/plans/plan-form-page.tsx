import { type PlanInput, TargetDefinition, type TargetKind } from '@pcmt/domain/contracts/plans';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { DateInput } from '../../components/date-input';
import { indicatorsQuery } from '../../entities/indicators/api/get-indicators';
import { unitsQuery } from '../../entities/units/api/get-units';
import { UnitPicker } from '../../entities/units/components/unit-picker';
import { hrefWithLang, langOf, navigate, onInAppLinkClick, useLocation } from '../../lib/navigation';
import { todayIso } from '../../lib/periods';
import { FieldError, planKeys, planQuery, savePlan } from './api/plans-api';
import { type Definition, DefinitionFields } from './components/definition-fields';
import { targetSentence } from './lib/target-sentence';
import { planText } from './messages';
import './plans.css';
import { routeAs, routePath } from '../../lib/routes';

/** A complete ISO day typed in a date field, else undefined (the unit lists are of that day). */
const isoDay = (s: string): string | undefined => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

/** A template definition per kind, so a new target starts from a valid shape to adjust. */
const TEMPLATES: Record<TargetKind, Record<string, unknown>> = {
  share: { kind: 'share', indicator: 'treatment_reach_pct', op: 'gte', threshold: 80 },
  status_share: { kind: 'status_share', statuses: ['khong_ma_tuy'], op: 'gt', threshold: 20 },
  count: {
    kind: 'count',
    indicator: 'rehab_compulsory',
    threshold: 10,
    window: { from: '2026-01-01', eachYear: false },
  },
  status_conversion: {
    kind: 'status_conversion',
    from: ['co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I'],
    to: ['khong_ma_tuy'],
    threshold: 1,
    window: { from: '2026-01-01', eachYear: false },
    eachChild: true,
  },
  reduction: {
    kind: 'reduction',
    measure: {
      type: 'status_count',
      statuses: ['co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I'],
    },
    baseline: { from: '2024', to: '2024' },
    minPct: 5,
  },
  keep_status: {
    kind: 'keep_status',
    units: { type: 'status_on', date: '2026-01-15', statuses: ['khong_ma_tuy'] },
    statuses: ['khong_ma_tuy'],
  },
  cumulative: { kind: 'cumulative', indicator: 'methadone_patients', threshold: 170 },
  hotspot_elimination: {
    kind: 'hotspot_elimination',
    minPct: 5,
    maxPct: 10,
    window: { from: '2026-01-01', eachYear: true },
  },
  yearly_change: {
    kind: 'yearly_change',
    measure: { type: 'indicator', indicator: 'managed_addicts' },
    limit: 'max_growth',
    pct: 1,
    fromYear: 2026,
  },
  roadmap: {
    kind: 'roadmap',
    measure: { type: 'status_count', statuses: ['khong_ma_tuy'] },
    milestones: [
      { year: 2026, value: 12 },
      { year: 2027, value: 18 },
    ],
  },
  named_units: { kind: 'named_units', codes: [], validOn: '2026-01-01', statuses: ['khong_ma_tuy'] },
  at_most: {
    kind: 'at_most',
    measure: { type: 'new_hotspots' },
    max: 0,
    window: { from: '2026-01-01', eachYear: true },
  },
  unit_status: { kind: 'unit_status', statuses: ['khong_ma_tuy'] },
};
const KINDS = Object.keys(TEMPLATES) as TargetKind[];

interface TargetDraft {
  code: string;
  title: string;
  kind: TargetKind;
  definition: Definition;
  deadline: string;
  isPublic: boolean;
}

interface Draft {
  code: string;
  title: string;
  issuingBody: string;
  documentNo: string;
  issuedOn: string;
  scopeCode: string;
  scopeValidOn: string;
  periodStart: string;
  periodEnd: string;
  notes: string;
  targets: TargetDraft[];
}

const EMPTY: Draft = {
  code: '',
  title: '',
  issuingBody: '',
  documentNo: '',
  issuedOn: '',
  scopeCode: '',
  scopeValidOn: '',
  periodStart: '',
  periodEnd: '',
  notes: '',
  targets: [],
};

/**
 * Create or edit a plan and its targets. The server validates; its answer names the field
 * (`targets[2].definition.threshold`), and the message is shown beside that input.
 */
export default function PlanFormPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t = (k: Parameters<typeof planText>[1]) => planText(lang, k);
  const original = routeAs('plan-edit', location.pathname)?.plan ?? null;
  const existing = useQuery({ ...planQuery(original ?? ''), enabled: original !== null });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const queryClient = useQueryClient();
  const catalogue = useQuery(indicatorsQuery);
  const indicators = (catalogue.data?.rows ?? [])
    .filter((i) => !i.retiredAt)
    .map((i) => ({ code: i.code, nameVi: i.nameVi }));
  const indicatorNames = new Map(indicators.map((i) => [i.code, i.nameVi]));
  // Commune names for the sentences of named lists (the list the pickers share, cached).
  const namesCommunes = draft.targets.some(
    (x) =>
      x.kind === 'named_units' ||
      x.kind === 'keep_status' ||
      (x.definition as { allocation?: { type?: string } }).allocation?.type === 'entered',
  );
  const communes = useQuery({
    ...unitsQuery({ level: 'commune', parent: null, at: todayIso() }),
    enabled: namesCommunes,
  });
  const communeNames = useMemo(
    () => new Map((communes.data?.rows ?? []).map((u) => [u.code, u.fullName])),
    [communes.data],
  );
  /** The sentence of a target as its plan writes it; null while its fields are incomplete. */
  const sentence = (x: TargetDraft) => {
    const parsed = TargetDefinition.safeParse(x.definition);
    return parsed.success ? targetSentence(parsed.data, x.deadline, indicatorNames, communeNames) : null;
  };

  const loaded = existing.data?.plan;
  useEffect(() => {
    if (!loaded) return;
    setDraft({
      code: loaded.code,
      title: loaded.title,
      issuingBody: loaded.issuingBody,
      documentNo: loaded.documentNo,
      issuedOn: loaded.issuedOn,
      scopeCode: loaded.scope?.code ?? '',
      scopeValidOn: loaded.scope?.validFrom ?? '',
      periodStart: loaded.periodStart,
      periodEnd: loaded.periodEnd,
      notes: loaded.notes,
      targets: loaded.targets.map((x) => ({
        code: x.code,
        title: x.title,
        kind: x.definition.kind,
        definition: x.definition as Definition,
        deadline: x.deadline,
        isPublic: x.isPublic,
      })),
    });
  }, [loaded]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setTarget = (i: number, patch: Partial<TargetDraft>) =>
    setDraft((d) => ({ ...d, targets: d.targets.map((x, k) => (k === i ? { ...x, ...patch } : x)) }));
  /** The message for a field, or for anything inside it (a definition's own fields). */
  const errorAt = (field: string) =>
    error?.field &&
    (error.field === field || error.field.startsWith(`${field}.`) || error.field.startsWith(`${field}[`))
      ? error.message
      : null;
  const invalid = (field: string) => (errorAt(field) ? { 'aria-invalid': true as const } : {});

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const targets: PlanInput['targets'] = [];
    for (const x of draft.targets) {
      // Sent as entered; the server's contract is the one that decides.
      targets.push({
        code: x.code,
        title: x.title,
        definition: x.definition,
        deadline: x.deadline,
        isPublic: x.isPublic,
      } as PlanInput['targets'][number]);
    }
    const input = {
      code: draft.code,
      title: draft.title,
      issuingBody: draft.issuingBody,
      documentNo: draft.documentNo,
      issuedOn: draft.issuedOn,
      scope: draft.scopeCode
        ? { code: draft.scopeCode, validOn: draft.scopeValidOn || draft.periodStart }
        : null,
      periodStart: draft.periodStart,
      periodEnd: draft.periodEnd,
      notes: draft.notes,
      targets,
    };
    setSaving(true);
    try {
      const saved = await savePlan(input, original);
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      navigate(hrefWithLang(routePath({ page: 'plan', plan: saved.plan.code }), lang));
    } catch (err) {
      setError(
        err instanceof FieldError
          ? { field: err.field, message: err.message }
          : { field: null, message: err instanceof Error ? err.message : String(err) },
      );
    } finally {
      setSaving(false);
    }
  }

  const input = (field: keyof Draft & string, label: string, type = 'text') => (
    <label htmlFor={`plan-${field}`}>
      {label}
      {type === 'date' ? (
        // dd/mm/yyyy whatever the browser's language (a native date field shows mm/dd/yyyy in English).
        <DateInput
          id={`plan-${field}`}
          name={field}
          value={String(draft[field])}
          onChange={(v) => set(field, v as never)}
          {...invalid(field)}
        />
      ) : (
        <input
          id={`plan-${field}`}
          name={field}
          type={type}
          value={String(draft[field])}
          onChange={(e) => set(field, e.target.value as never)}
          {...invalid(field === 'scopeCode' ? 'scope.code' : field)}
        />
      )}
      {errorAt(field === 'scopeCode' ? 'scope.code' : field) && (
        <span className="field-error" role="alert">
          {errorAt(field === 'scopeCode' ? 'scope.code' : field)}
        </span>
      )}
    </label>
  );

  return (
    <main className="plans-page" data-testid="plan-form-page">
      <p>
        <a
          href={hrefWithLang(
            routePath(original ? { page: 'plan', plan: original } : { page: 'plans' }),
            lang,
          )}
          onClick={onInAppLinkClick}
        >
          ← {t('back')}
        </a>
      </p>
      <h2>{original ? `${t('edit')}: ${draft.title}` : t('newPlan')}</h2>
      <form className="plan-form" onSubmit={submit} noValidate>
        <fieldset>
          {input('code', t('code'))}
          {input('title', t('title'))}
          {input('issuingBody', t('issuedBy'))}
          {input('documentNo', t('document'))}
          {input('issuedOn', t('issuedOn'), 'date')}
          <UnitPicker
            label={t('scopeCode')}
            name="scopeCode"
            testId="plan-scope"
            emptyLabel={t('scopeAll')}
            at={isoDay(draft.scopeValidOn) ?? isoDay(draft.periodStart)}
            value={draft.scopeCode || null}
            onChange={(code) => set('scopeCode', code ?? '')}
            invalid={errorAt('scope.code') !== null}
            error={errorAt('scope.code')}
          />
          {input('scopeValidOn', t('scopeValidOn'), 'date')}
          {input('periodStart', t('periodStart'), 'date')}
          {input('periodEnd', t('periodEnd'), 'date')}
          <label>
            {t('notes')}
            <textarea rows={2} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
          </label>
        </fieldset>
        {draft.targets.map((x, i) => {
          const f = `targets[${i}]`;
          return (
            <fieldset key={i} data-testid={`target-form-${i}`}>
              <legend>
                {t('target')} {i + 1}
              </legend>
              {(['code', 'title', 'deadline'] as const).map((k) => (
                <label key={k} htmlFor={`${f}.${k}`}>
                  {t(k === 'code' ? 'code' : k === 'title' ? 'title' : 'deadline')}
                  {k === 'deadline' ? (
                    <DateInput
                      id={`${f}.${k}`}
                      name={`${f}.${k}`}
                      value={x[k]}
                      onChange={(v) => setTarget(i, { [k]: v })}
                      {...invalid(`${f}.${k}`)}
                    />
                  ) : (
                    <input
                      id={`${f}.${k}`}
                      name={`${f}.${k}`}
                      type="text"
                      value={x[k]}
                      onChange={(e) => setTarget(i, { [k]: e.target.value })}
                      {...invalid(`${f}.${k}`)}
                    />
                  )}
                  {errorAt(`${f}.${k}`) && (
                    <span className="field-error" role="alert">
                      {errorAt(`${f}.${k}`)}
                    </span>
                  )}
                </label>
              ))}
              <label>
                {t('kind')}
                <select
                  value={x.kind}
                  onChange={(e) => {
                    const kind = e.target.value as TargetKind;
                    setTarget(i, { kind, definition: { ...TEMPLATES[kind] } });
                  }}
                >
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind_${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <DefinitionFields
                kind={x.kind}
                value={x.definition}
                onChange={(definition) => setTarget(i, { definition })}
                path={`${f}.definition`}
                errorAt={(field) => (error?.field === field ? error.message : null)}
                indicators={indicators}
                scopeCode={draft.scopeCode || null}
              />
              {errorAt(`${f}.definition`) && !errorAt(`${f}.definition`)?.startsWith(`${f}.definition.`) && (
                <span className="field-error" role="alert">
                  {errorAt(`${f}.definition`)}
                </span>
              )}
              <p className="meta target-sentence" data-testid={`target-sentence-${i}`}>
                {t('preview')}: {sentence(x) ?? t('previewIncomplete')}
              </p>
              <label style={{ display: 'flex', gap: 6 }}>
                <input
                  type="checkbox"
                  checked={x.isPublic}
                  onChange={(e) => setTarget(i, { isPublic: e.target.checked })}
                />
                {t('isPublic')}
              </label>
              <button
                type="button"
                onClick={() =>
                  set(
                    'targets',
                    draft.targets.filter((_, k) => k !== i),
                  )
                }
              >
                {t('remove')}
              </button>
            </fieldset>
          );
        })}
        <p className="toolbar">
          <button
            type="button"
            onClick={() =>
              set('targets', [
                ...draft.targets,
                {
                  code: `chi-tieu-${draft.targets.length + 1}`,
                  title: '',
                  kind: 'share',
                  definition: { ...TEMPLATES.share },
                  deadline: draft.periodEnd,
                  isPublic: false,
                },
              ])
            }
          >
            + {t('addTarget')}
          </button>
          <button type="submit" disabled={saving} data-testid="save-plan">
            {saving ? t('saving') : t('save')}
          </button>
        </p>
        {error && (
          <p className="error" role="alert" data-testid="form-error">
            {t('formError')}: {error.message}
          </p>
        )}
      </form>
    </main>
  );
}
