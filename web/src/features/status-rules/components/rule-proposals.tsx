import type { RuleChange } from '@pcmt/domain/contracts/rule-proposals';
import type { Rules } from '@pcmt/domain/contracts/status-rules';
import { formatDateTime } from '@pcmt/domain/format';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiErrorNotice } from '../../../components/api-error-notice';
import type { HomeArea } from '../../../entities/auth/home-area';
import { formatNumber } from '../../../lib/format';
import { STATUS_LABELS } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import {
  acceptProposal,
  type Proposal,
  proposalsQuery,
  rejectProposal,
  ruleSetQuery,
  submitProposal,
} from '../api/status-rules-api';
import { proposalText as t } from '../proposal-messages';

/**
 * Proposals to change a national rule set's thresholds (issue 16). A province (its committee or
 * administrator) edits the thresholds of the rule set shown on the page and sends them with a reason; the
 * national administrator sees each pending proposal as a diff (criterion, current value → proposed value)
 * and accepts it (a new version) or rejects it with a reason; the province sees the outcome. Vietnamese only.
 */
export function RuleProposals(p: {
  ruleSetCode: string;
  area: HomeArea;
  /** The caller may propose (committee or administrator of a province). */
  mayPropose: boolean;
  /** The caller decides (a national administrator). */
  mayDecide: boolean;
}) {
  const proposals = useQuery(proposalsQuery());
  const [editing, setEditing] = useState(false);
  const rows = proposals.data?.rows ?? [];
  const pending = rows.filter((r) => r.status === 'pending').length;
  return (
    <details className="rule-proposals" data-testid="rule-proposals" open={pending > 0 || editing}>
      <summary>
        {t.title} ({pending} {t.pending})
      </summary>
      {proposals.isError && <ApiErrorNotice error={proposals.error} lang="vi" />}
      {p.mayPropose &&
        (editing ? (
          <ProposalForm ruleSetCode={p.ruleSetCode} area={p.area} close={() => setEditing(false)} />
        ) : (
          <button type="button" data-testid="proposal-open" onClick={() => setEditing(true)}>
            {t.propose}
          </button>
        ))}
      {proposals.data && rows.length === 0 && <p className="meta">{t.none}</p>}
      {rows.map((r) => (
        <ProposalItem key={r.id} proposal={r} mayDecide={p.mayDecide} />
      ))}
    </details>
  );
}

const OPS = { gte: '≥', gt: '>' } as const;

/** A changed value as the page writes it: thresholds with the one formatter, flags and signs in words. */
function valueText(field: RuleChange['field'], v: RuleChange['from']): string {
  if (field === 'confirmed') return v ? t.confirmed : t.unconfirmed;
  if (field === 'op') return OPS[v as keyof typeof OPS] ?? String(v);
  if (typeof v === 'number') return formatNumber(v, 'vi', 3);
  return v === '' ? '–' : String(v);
}

const FIELD_WORDS: Record<RuleChange['field'], string> = {
  minCriteria: t.minCriteria,
  op: t.op,
  threshold: t.threshold,
  confirmed: t.confirmedField,
  note: t.note,
};

const OUTCOME: Record<Proposal['status'], string> = {
  pending: t.statusPending,
  accepted: t.statusAccepted,
  rejected: t.statusRejected,
};

function ProposalItem({ proposal: r, mayDecide }: { proposal: Proposal; mayDecide: boolean }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const done = () => queryClient.invalidateQueries({ queryKey: queryKeys.statusRules.all });
  const accept = useMutation({ mutationFn: () => acceptProposal(r.id), onSuccess: done });
  const reject = useMutation({ mutationFn: () => rejectProposal(r.id, reason), onSuccess: done });
  const error = accept.error ?? reject.error;
  return (
    <section className="detail-panel" data-testid="proposal" data-status={r.status}>
      <p>
        <strong>
          {t.proposalNo} {r.id} — {r.provinceName}
        </strong>
        <br />
        {r.ruleSetTitle}, {t.version} {r.baseVersion} · {r.proposedBy}, {formatDateTime(r.createdAt)}
        <br />
        {t.reason}: {r.reason}
      </p>
      <table className="criteria" data-testid="proposal-diff">
        <thead>
          <tr>
            <th>{t.criterion}</th>
            <th>{t.current}</th>
            <th>{t.proposed}</th>
          </tr>
        </thead>
        <tbody>
          {r.changes.map((c) => (
            <tr key={`${c.status}:${c.criterion ?? ''}:${c.field}`}>
              <td>
                {STATUS_LABELS.vi[c.status]}: {c.labelVi ?? ''}
                {c.labelVi ? ' — ' : ''}
                {FIELD_WORDS[c.field]}
              </td>
              <td className="num">{valueText(c.field, c.from)}</td>
              <td className="num">
                <strong>{valueText(c.field, c.to)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="proposal-outcome">
        <strong>{OUTCOME[r.status]}</strong>
        {r.status === 'accepted' && r.acceptedVersion !== null && ` (${t.version} ${r.acceptedVersion})`}
        {r.decidedBy && r.decidedAt && ` — ${r.decidedBy}, ${formatDateTime(r.decidedAt)}`}
        {r.decisionReason && (
          <>
            <br />
            {t.rejectReason}: {r.decisionReason}
          </>
        )}
        {r.status === 'pending' && r.latestVersion !== r.baseVersion && (
          <>
            <br />
            <span className="error">
              {t.outdated} {r.latestVersion}
            </span>
          </>
        )}
      </p>
      {error && <ApiErrorNotice error={error} lang="vi" />}
      {mayDecide && r.status === 'pending' && (
        <div className="toolbar">
          <button
            type="button"
            data-testid="proposal-accept"
            disabled={accept.isPending}
            onClick={() => accept.mutate()}
          >
            {t.accept}
          </button>
          <label htmlFor={reasonId}>{t.rejectReason}</label>
          <input
            id={reasonId}
            data-testid="proposal-reject-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            data-testid="proposal-reject"
            disabled={reject.isPending}
            onClick={() => reject.mutate()}
          >
            {t.reject}
          </button>
        </div>
      )}
    </section>
  );
}

/** The rule set's latest thresholds, field by field, as the province would have them. */
function ProposalForm(p: { ruleSetCode: string; area: HomeArea; close: () => void }) {
  const ruleSet = useQuery(ruleSetQuery(p.ruleSetCode));
  const queryClient = useQueryClient();
  const [rules, setRules] = useState<Rules | null>(null);
  const [reason, setReason] = useState('');
  const [province, setProvince] = useState(p.area.home ?? '');
  const ids = useId();
  const current = rules ?? ruleSet.data?.ruleSet.rules ?? null;
  const send = useMutation({
    mutationFn: () => {
      if (!current) throw new Error(t.loading);
      return submitProposal({ ruleSet: p.ruleSetCode, province, reason, rules: current });
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: queryKeys.statusRules.proposals() });
      p.close();
    },
  });
  if (ruleSet.isError) return <ApiErrorNotice error={ruleSet.error} lang="vi" />;
  if (!current || !ruleSet.data) return <p className="meta">{t.loading}</p>;
  /** A copy of the rules with one category or criterion changed. */
  const change = (i: number, edit: (category: Rules['categories'][number]) => void) => {
    const next = structuredClone(current);
    const category = next.categories[i];
    if (category) edit(category);
    setRules(next);
  };
  return (
    <form
      className="detail-panel"
      data-testid="proposal-form"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <p className="meta">
        {t.formIntro} {ruleSet.data.ruleSet.title}, {t.version} {ruleSet.data.ruleSet.version}.
      </p>
      {p.area.provinces.length > 1 && (
        <label>
          {t.province}{' '}
          <select value={province} onChange={(e) => setProvince(e.target.value)}>
            {p.area.provinces.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
      )}
      {current.categories.map((category, i) => (
        <fieldset key={category.status}>
          <legend>{STATUS_LABELS.vi[category.status]}</legend>
          <label htmlFor={`${ids}-${i}-min`}>{t.minCriteria}</label>{' '}
          <input
            id={`${ids}-${i}-min`}
            type="number"
            min={1}
            step={1}
            value={category.minCriteria}
            onChange={(e) =>
              change(i, (c) => {
                c.minCriteria = Number(e.target.value);
              })
            }
            style={{ width: 60 }}
          />
          <table className="criteria">
            <thead>
              <tr>
                <th>{t.criterion}</th>
                <th>{t.threshold}</th>
                <th>{t.confirmedField}</th>
              </tr>
            </thead>
            <tbody>
              {category.criteria.map((k, j) => {
                const id = `${ids}-${i}-${j}`;
                return (
                  <tr key={k.id}>
                    <td>
                      <label htmlFor={`${id}-threshold`}>{k.labelVi}</label>
                    </td>
                    <td className="num">
                      <select
                        aria-label={`${t.op}: ${k.labelVi}`}
                        value={k.op}
                        onChange={(e) =>
                          change(i, (c) => {
                            const kk = c.criteria[j];
                            if (kk) kk.op = e.target.value === 'gt' ? 'gt' : 'gte';
                          })
                        }
                      >
                        <option value="gte">≥</option>
                        <option value="gt">&gt;</option>
                      </select>{' '}
                      <input
                        id={`${id}-threshold`}
                        data-testid={`proposal-threshold-${k.id}`}
                        type="number"
                        min={0}
                        step="any"
                        value={k.threshold}
                        onChange={(e) =>
                          change(i, (c) => {
                            const kk = c.criteria[j];
                            if (kk)
                              kk.threshold = e.target.value === '' ? Number.NaN : Number(e.target.value);
                          })
                        }
                        style={{ width: 80 }}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t.confirmedField}: ${k.labelVi}`}
                        checked={k.confirmed}
                        onChange={(e) =>
                          change(i, (c) => {
                            const kk = c.criteria[j];
                            if (kk) kk.confirmed = e.target.checked;
                          })
                        }
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ))}
      <label htmlFor={`${ids}-reason`}>{t.reason}</label>
      <textarea
        id={`${ids}-reason`}
        data-testid="proposal-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        style={{ width: '100%' }}
      />
      {send.isError && <ApiErrorNotice error={send.error} lang="vi" />}
      <div className="toolbar">
        <button type="submit" data-testid="proposal-submit" disabled={send.isPending}>
          {t.submit}
        </button>
        <button type="button" onClick={p.close}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
