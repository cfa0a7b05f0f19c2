import { useEffect, useRef, useState } from 'preact/hooks';
import type { registerRow } from '../../../server/domains/register/register.presenter.js';
import { api, download } from '../api.js';
import { Empty, ErrorBox, Loading, useLoad } from '../components/states.js';
import { number, osloDate, osloMonth, osloTime } from '../format.js';
import { t, word } from '../words.js';

/** A register row; art34 (what became of telling the people) comes with the records contract and may be absent. */
type Row = ReturnType<typeof registerRow> & { id: string; art34?: string };

const DEADLINE = 72;

/**
 * The chart's width in screen pixels, so that one unit of its drawing is one pixel and its 12-pixel labels
 * stay 12 pixels on a phone (a fixed 640-unit drawing shrank them to 6).
 */
function useChartWidth(): [(el: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(640);
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const ref = (el: HTMLElement | null) => {
    observer.current?.disconnect();
    if (!el) return;
    observer.current = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth((old) => (Math.abs(old - w) > 1 ? w : old));
    });
    observer.current.observe(el);
  };
  return [ref, width];
}

/** Incidents per month, notified and not: bars with both axes labelled. */
function MonthChart({ rows }: { rows: Row[] }) {
  const [measure, W] = useChartWidth();
  const months = new Map<string, { label: string; notified: number; not: number }>();
  for (const r of [...rows].sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))) {
    if (!r.createdAt) continue;
    const key = r.createdAt.slice(0, 7);
    const m = months.get(key) ?? { label: osloMonth(r.createdAt), notified: 0, not: 0 };
    if (r.notified === 'yes') m.notified++;
    else m.not++;
    months.set(key, m);
  }
  const data = [...months.values()];
  const max = Math.max(1, ...data.map((m) => m.notified + m.not));
  const H = 220;
  const left = 40;
  const bottom = 40;
  const plotH = H - bottom - 10;
  const bw = Math.max(4, Math.min(60, (W - left - 10) / Math.max(1, data.length) - 10));
  const y = (n: number) => 10 + plotH - (n / max) * plotH;
  const ticks = [...new Set([0, Math.ceil(max / 2), max])];
  // A month's label ("mars 2026") needs about 64 pixels: where bars are narrower, every so many months is named.
  const every = Math.max(1, Math.ceil(64 / (bw + 10)));
  return (
    <figure class="card chart" data-testid="month-chart" ref={measure}>
      <figcaption>
        <h2>{t('register.perMonth')}</h2>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" class="chart-svg">
        {ticks.map((n) => (
          <g key={n}>
            <line x1={left} x2={W} y1={y(n)} y2={y(n)} class="grid" />
            <text x={left - 6} y={y(n) + 4} class="axis-label" text-anchor="end">
              {number(n)}
            </text>
          </g>
        ))}
        <line x1={left} x2={left} y1={10} y2={10 + plotH} class="axis" />
        <line x1={left} x2={W} y1={10 + plotH} y2={10 + plotH} class="axis" />
        {data.map((m, i) => {
          const x = left + 10 + i * (bw + 10);
          return (
            <g key={m.label}>
              <rect x={x} width={bw} y={y(m.notified)} height={y(0) - y(m.notified)} class="bar-ok" />
              <rect x={x} width={bw} y={y(m.notified + m.not)} height={y(0) - y(m.not)} class="bar-muted" />
              {i % every === 0 ? (
                <text x={x + bw / 2} y={H - bottom + 18} class="axis-label" text-anchor="middle">
                  {m.label}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={left} y={H - 4} class="axis-title">
          {t('register.axisMonth')}
        </text>
      </svg>
      <p class="legend">
        <span class="key key-ok" /> {t('register.notified')} <span class="key key-muted" /> {t('register.notNotified')} · {t('register.axisCount')}
      </p>
      {/* A table is as wide as its cells whatever its own width: the box around it is what stays out of sight. */}
      <div class="sr-only">
        <table>
          <caption>{t('register.perMonth')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('register.axisMonth')}</th>
              <th scope="col">{t('register.notified')}</th>
              <th scope="col">{t('register.notNotified')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((m) => (
              <tr key={m.label}>
                <th scope="row">{m.label}</th>
                <td>{m.notified}</td>
                <td>{m.not}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Hours from awareness to the first notice, per incident, against the 72-hour line. */
function HoursChart({ rows }: { rows: Row[] }) {
  const [measure, W] = useChartWidth();
  const data = rows.filter((r) => r.hoursToNotify !== null);
  if (!data.length) return null;
  const max = Math.max(96, ...data.map((r) => r.hoursToNotify!));
  const left = 110;
  const row = 22;
  const top = 24;
  const H = top + Math.max(4, data.length) * row + 40;
  const x = (h: number) => left + (h / max) * (W - left - 20);
  const ticks = [0, 24, 48, 72, ...(max > 96 ? [Math.ceil(max / 24) * 24] : [96])];
  // The deadline's label sits to the left of its line when there is no room for it on the right.
  const labelLeft = x(DEADLINE) > W * 0.55;
  return (
    <figure class="card chart" data-testid="notify-chart" ref={measure}>
      <figcaption>
        <h2>{t('register.hoursToNotify')}</h2>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" class="chart-svg">
        {ticks.map((h) => (
          <g key={h}>
            <line x1={x(h)} x2={x(h)} y1={top} y2={H - 40} class="grid" />
            <text x={x(h)} y={H - 24} class="axis-label" text-anchor="middle">
              {h}
            </text>
          </g>
        ))}
        {data.map((r, i) => (
          <g key={r.ref + i}>
            <text x={left - 6} y={top + i * row + 15} class="axis-label" text-anchor="end">
              {r.ref}
            </text>
            <rect
              x={left}
              y={top + i * row + 4}
              height={row - 8}
              width={Math.max(1, x(r.hoursToNotify!) - left)}
              class={r.hoursToNotify! > DEADLINE ? 'bar-late' : 'bar-ok'}
            />
          </g>
        ))}
        <line x1={x(DEADLINE)} x2={x(DEADLINE)} y1={top - 10} y2={H - 40} class="deadline-line" />
        <text
          x={x(DEADLINE) + (labelLeft ? -4 : 4)}
          y={top - 12}
          class="axis-label deadline-label"
          text-anchor={labelLeft ? 'end' : 'start'}
          data-testid="deadline-label"
        >
          {t('register.line72')}
        </text>
        <text x={left} y={H - 4} class="axis-title">
          {t('register.axisHours')}
        </text>
      </svg>
      <p class="legend">
        <span class="key key-ok" /> {t('register.inTime')} <span class="key key-late" /> {t('register.late')}
      </p>
      <div class="sr-only">
        <table>
          <caption>{t('register.hoursToNotify')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('register.ref')}</th>
              <th scope="col">{t('register.axisHours')}</th>
              <th scope="col">{t('register.inTime')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((r, i) => (
              <tr key={r.ref + i}>
                <th scope="row">{r.ref}</th>
                <td>{number(r.hoursToNotify!)}</td>
                <td>{r.hoursToNotify! > DEADLINE ? t('common.no') : t('common.yes')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function RegisterScreen() {
  const [q, setQ] = useState('');
  const [error, setError] = useState<unknown>(null);
  const { data, error: loadError } = useLoad(() => api<{ incidents: Row[] }>('GET', '/register'), []);
  const rows = data?.incidents.filter((r) => !q || `${r.ref} ${r.title}`.toLowerCase().includes(q.toLowerCase())) ?? [];
  const hasArt34 = !!data?.incidents.some((r) => r.art34 !== undefined);
  // The role columns, when any incident was ours as a processor (Art. 33(2)): for whom, and when it was told.
  const hasProcessor = !!data?.incidents.some((r) => r.role === 'processor');
  const get = (format: 'csv' | 'xlsx') => void download(`/register?format=${format}`, `${t('register.fileName')}.${format}`).catch(setError);
  return (
    <>
      <h1>{t('register.title')}</h1>
      <p class="help">{t('register.intro')}</p>
      <div class="buttons">
        <button type="button" class="primary" data-testid="export-csv" onClick={() => get('csv')}>
          {t('register.csv')}
        </button>
        <button type="button" class="secondary" data-testid="export-xlsx" onClick={() => get('xlsx')}>
          {t('register.xlsx')}
        </button>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {loadError ? <ErrorBox error={loadError} /> : null}
      {!data && !loadError ? <Loading /> : null}
      {data ? (
        <>
          {data.incidents.length ? (
            <div class="charts">
              <MonthChart rows={data.incidents} />
              <HoursChart rows={data.incidents} />
            </div>
          ) : null}
          <div class="field">
            <label for="register-q">{t('board.search')}</label>
            <input id="register-q" type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
          </div>
          <div class="table-wrap">
            <table data-testid="register">
              <caption class="sr-only">{t('register.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('register.ref')}</th>
                  <th scope="col">{t('register.titleColumn')}</th>
                  <th scope="col">{t('register.status')}</th>
                  {hasProcessor ? (
                    <>
                      <th scope="col">{t('register.role')}</th>
                      <th scope="col">{t('register.controller')}</th>
                      <th scope="col">{t('register.controllerInformed')}</th>
                    </>
                  ) : null}
                  <th scope="col">{t('register.awareAt')}</th>
                  <th scope="col">{t('register.notified')}</th>
                  <th scope="col">{t('register.axisHours')}</th>
                  {hasArt34 ? <th scope="col">{t('register.art34')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.id}
                    class="clickable"
                    onClick={(e) => {
                      if (!(e.target as HTMLElement).closest('a')) location.hash = `#/incidents/${encodeURIComponent(r.id)}`;
                    }}
                  >
                    <td>
                      <a href={`#/incidents/${encodeURIComponent(r.id)}`}>{r.ref}</a>
                    </td>
                    <td>{r.title}</td>
                    <td>{r.notABreach ? t('register.notABreach') : word('status', r.status)}</td>
                    {hasProcessor ? (
                      <>
                        <td data-testid="register-role">{word('roleOfIncident', r.role)}</td>
                        <td data-testid="register-controller">{r.role === 'processor' ? r.controllerName || t('common.notSet') : ''}</td>
                        <td data-testid="register-controller-informed">
                          {r.role !== 'processor' ? '' : r.controllerInformedAt ? osloTime(r.controllerInformedAt) : t('register.notYetInformed')}
                        </td>
                      </>
                    ) : null}
                    <td>{r.awareAt ? osloDate(r.awareAt) : t('common.notSet')}</td>
                    <td>{r.notified === 'yes' ? t('common.yes') : t('common.no')}</td>
                    <td>{r.hoursToNotify === null ? '' : `${number(r.hoursToNotify)}${r.late ? ` (${t('register.late')})` : ''}`}</td>
                    {hasArt34 ? <td>{word('art34', r.art34)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!rows.length ? <Empty>{data.incidents.length ? t('board.noneMatch') : t('register.empty')}</Empty> : null}
        </>
      ) : null}
    </>
  );
}
