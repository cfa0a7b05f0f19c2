import { useEffect, useRef, useState } from 'preact/hooks';
import type { presentAlert, presentDelivery } from '../../../server/domains/alerts/alert.presenter.js';
import { api } from '../api.js';
import { onLiveChange } from '../alerts.js';
import { TextField } from '../components/field.js';
import { Empty, ErrorBox, Loading, useLoad } from '../components/states.js';
import { Countdown, Time } from '../components/time.js';
import { deviceIdHere, disablePush, enablePush, pushStateHere, pushSupported, removeDevice } from '../push.js';
import { goneDeviceRemovedAt } from '../../../server/domains/push/push.rules.js';
import { can } from '../state.js';
import { milestoneWords, t, word } from '../words.js';

/** The alert view with the on-call contract's fields, which older servers do not send. */
type Alert = ReturnType<typeof presentAlert> & {
  told?: { userId: string; name: string; channels: string[] }[];
  escalationStep?: number;
  nextEscalationAt?: string | null;
};
type OnCallNow = { rota: { id: string; name: string }; onCall: string | null; onCallName: string | null; nextHandover: string }[];
type Channel = { kind: 'push' | 'email' | 'webhook' | 'dashboard'; label: string; reachesClosedTab: boolean };
type RotaReach = { rotaId: string; rotaName: string; onCallNow: { id: string; name: string } | null; reachesClosedTab: boolean; channels: Channel[] };

/** An endpoint another part of the system may not offer yet: absent reads as null, and its panel is left out. */
const optional = <T,>(p: Promise<T>): Promise<T | null> => p.catch(() => null);

type Delivery = ReturnType<typeof presentDelivery>;

/** How an alert went out on each channel beyond the dashboard: to whom, how often tried, and whether it arrived. */
function Deliveries({ alertId }: { alertId: string }) {
  const [list, setList] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <details
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && !list) void api<Delivery[]>('GET', `/alerts/${alertId}/deliveries`).then(setList, setError);
      }}
    >
      <summary>{t('alert.deliveries')}</summary>
      {error ? <ErrorBox error={error} /> : null}
      {list && !list.length ? <p class="muted">{t('alert.noDeliveries')}</p> : null}
      {list?.length ? (
        <ul>
          {list.map((d) => (
            <li key={d.id}>
              {word('channelKind', d.channel)} · {d.recipient} · {word('deliveryStatus', d.status)} · {t('alert.attempts', { n: d.attempts })}
              {d.sentAt ? (
                <>
                  {' · '}
                  <Time iso={d.sentAt} />
                </>
              ) : null}
              {d.lastError && d.status !== 'sent' ? (
                <span class="block warning" data-testid="delivery-error">
                  {t('alert.deliveryError')}: {d.lastError}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

function AlertCard({ a, onAck }: { a: Alert; onAck: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const due = a.deadline ?? a.dueAt;
  return (
    <li class={`card alert-item ${a.acknowledgedAt || a.resolvedAt ? '' : 'open'}`} data-testid="alert-item">
      <div class="alert-main">
        <a href={`#/incidents/${a.incidentId}`}>
          <strong>
            {a.incidentRef} · {a.title}
          </strong>
        </a>
        <div>{a.kind === 'overdue' ? t('alert.overdue') : t('alert.due', { what: milestoneWords(a.milestone) })}</div>
        {due ? (
          <div class="muted">
            {t('alert.deadline')}: <Time iso={due} deadline /> {a.acknowledgedAt || a.resolvedAt ? null : <Countdown dueAt={due} />}
          </div>
        ) : null}
        <div class="muted">
          {t('alert.fired')} <Time iso={a.firedAt} />
          {a.late ? ` · ${t('alert.late')}` : ''}
        </div>
        {a.told?.length ? (
          <div class="muted" data-testid="alert-told">
            {t('alert.told')}: {a.told.map((p) => `${p.name} (${p.channels.map((c) => word('channelKind', c)).join(', ')})`).join('; ')}
          </div>
        ) : null}
        {a.escalationStep !== undefined && !a.acknowledgedAt && !a.resolvedAt ? (
          <div class="muted">
            {t('alert.escalationStep', { step: a.escalationStep })}
            {a.nextEscalationAt ? (
              <>
                {' · '}
                {t('alert.nextEscalation')} <Time iso={a.nextEscalationAt} />
              </>
            ) : null}
          </div>
        ) : null}
        <Deliveries alertId={a.id} />
        {error ? <ErrorBox error={error} /> : null}
      </div>
      {a.acknowledgedAt ? (
        <span>
          {t('alert.acknowledgedBy', { name: a.acknowledgedBy?.name ?? '' })} <Time iso={a.acknowledgedAt} />
        </span>
      ) : a.resolvedAt ? (
        <span data-testid="alert-resolved">
          {t('alert.resolved', { why: word('alertResolved', a.resolvedReason) })} <Time iso={a.resolvedAt} />
        </span>
      ) : can('alert:ack') ? (
        <button
          type="button"
          class="primary"
          aria-label={t('alert.acknowledgeOne', { ref: a.incidentRef, what: milestoneWords(a.milestone) })}
          onClick={() => void api('POST', `/alerts/${a.id}/ack`).then(onAck, setError)}
        >
          {t('alert.acknowledge')}
        </button>
      ) : null}
    </li>
  );
}

const PUSH_PROBLEMS = ['unsupported', 'denied', 'subscribe-failed'] as const;
/** Why push could not be turned on (the push module's codes), worded; anything else is an API error. */
function PushProblem({ error }: { error: unknown }) {
  const code = (error as { code?: string } | null)?.code;
  const known = PUSH_PROBLEMS.find((c) => c === code);
  if (!known) return <ErrorBox error={error} />;
  return (
    <p class="error" role="alert">
      {word('pushProblem', known)}
    </p>
  );
}

type TestResult = {
  id: string;
  dashboard: 'sent' | 'none-open';
  deliveries: { kind: 'push' | 'email' | 'webhook'; label: string; status: 'pending' | 'sent' | 'failed'; attempts: number; lastError: string | null }[];
};
/** How often, and how many times, the screen asks how the test alert went while a channel is still trying. */
const TEST_POLL_MS = 1_500;
const TEST_POLLS = 40;

/** The test alert's outcome on every channel: delivered, failed with why, still trying, or not set up for this person. */
function TestOutcome({ result, gonePush }: { result: TestResult; gonePush: boolean }) {
  const kinds = ['dashboard', 'email', 'webhook', 'push'] as const;
  return (
    <ul class="plain test-result" data-testid="test-result">
      {kinds.map((kind) => {
        if (kind === 'dashboard') {
          return (
            <li key={kind} data-channel={kind} class={result.dashboard === 'sent' ? 'ok' : 'warning'}>
              <strong>{word('channelKind', kind)}: </strong>
              {result.dashboard === 'sent' ? t('testAlert.dashboard') : t('testAlert.dashboardNoneOpen')}
            </li>
          );
        }
        const list = result.deliveries.filter((d) => d.kind === kind);
        if (!list.length) {
          return (
            <li key={kind} data-channel={kind} class="muted">
              <strong>{word('channelKind', kind)}: </strong>
              {kind === 'push' && gonePush ? t('testAlert.pushGone') : t('testAlert.notSetUp')}
            </li>
          );
        }
        return list.map((d, i) => (
          <li key={`${kind}${i}`} data-channel={kind} class={d.status === 'failed' ? 'warning' : d.status === 'sent' ? 'ok' : ''}>
            <strong>{word('channelKind', kind)}: </strong>
            {d.label} · {word('deliveryStatus', d.status)}
            {d.status === 'pending' && d.attempts ? ` (${t('alert.attempts', { n: d.attempts })})` : ''}
            {d.status === 'failed' && d.lastError ? <span class="block">{d.lastError}</span> : null}
          </li>
        ));
      })}
    </ul>
  );
}

type Device = { id: string; deviceName: string; createdAt: string; lastSuccessAt: string | null; gone: boolean; goneAt: string | null };

/** The person's devices with push on, those the push service said are gone marked so, each removable but this one while it works. */
function Devices({ devices, onRemoved }: { devices: Device[]; onRemoved: () => void }) {
  const [error, setError] = useState<unknown>(null);
  if (!devices.length) return null;
  const here = deviceIdHere();
  return (
    <>
      <h3>{t('push.devicesHeading')}</h3>
      <ul class="plain" data-testid="push-devices">
        {devices.map((d) => (
          <li key={d.id} data-testid="push-device" class={d.gone ? 'warning' : ''}>
            <strong>{d.deviceName}</strong>
            {d.id === here ? ` ${t('push.thisDevice')}` : ''}
            {' · '}
            {d.gone && d.goneAt ? (
              <>
                {t('push.deviceGone')} <Time iso={goneDeviceRemovedAt(new Date(d.goneAt)).toISOString()} />
              </>
            ) : (
              t('push.deviceOn')
            )}
            {d.gone || d.id !== here ? (
              <>
                {' '}
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('push.removeDeviceNamed', { name: d.deviceName })}
                  onClick={() => void removeDevice(d.id).then(onRemoved, setError)}
                >
                  {t('push.removeDevice')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? <ErrorBox error={error} /> : null}
    </>
  );
}

/** Turning push on for this device, which channels reach the signed-in person, and a test alert on them. */
function Reachability() {
  const [here, setHere] = useState<'on' | 'off' | 'gone' | null>(null);
  const [device, setDevice] = useState(navigator.userAgent.includes('Mobile') ? t('push.defaultPhone') : t('push.defaultComputer'));
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const me = useLoad(() => optional(api<{ channels: Channel[] }>('GET', '/me/reachability')), []);
  const devices = useLoad(() => optional(api<Device[]>('GET', '/push/subscriptions')), []);
  const checkHere = () => void pushStateHere().then(setHere, () => setHere('off'));
  const changed = () => {
    checkHere();
    void me.reload();
    void devices.reload();
  };
  useEffect(checkHere, []);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  const sendTest = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const { alertId } = await api<{ alertId: string }>('POST', '/me/test-alert');
      for (let i = 0; i < TEST_POLLS && alive.current; i++) {
        const now = await api<TestResult>('GET', `/me/test-alert/${alertId}`);
        if (!alive.current) return;
        setResult(now);
        if (!now.deliveries.some((d) => d.status === 'pending')) break;
        await new Promise((resolve) => window.setTimeout(resolve, TEST_POLL_MS));
      }
      // A push the service said is gone marks this device: the screen asks to turn push on again.
      changed();
    } catch (err) {
      setError(err);
    } finally {
      if (alive.current) setBusy(false);
    }
  };
  if (me.data === null && !pushSupported()) return null;
  const channels = me.data?.channels ?? [];
  const reachesClosed = channels.some((c) => c.reachesClosedTab);
  return (
    <section class="card" data-testid="reachability">
      <h2>{t('push.heading')}</h2>
      {pushSupported() ? (
        here === 'on' ? (
          <p>
            {t('push.onHere')}{' '}
            <button type="button" class="secondary" onClick={() => void disablePush().then(changed, setError)}>
              {t('push.turnOff')}
            </button>
          </p>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void enablePush(device).then(changed, setError);
            }}
          >
            {here === 'gone' ? (
              <p class="warning" role="alert" data-testid="push-gone">
                {t('push.goneHere')}
              </p>
            ) : (
              <p class="help">{t('push.explain')}</p>
            )}
            <TextField path="push.deviceName" label={t('push.deviceName')} maxLength={100} value={device} onInput={setDevice} />
            <button type="submit" class="primary">
              {here === 'gone' ? t('push.turnOnAgain') : t('push.turnOn')}
            </button>
          </form>
        )
      ) : (
        <p class="muted">{t('push.unsupported')}</p>
      )}
      {me.data ? (
        <>
          <h3>{t('push.yourChannels')}</h3>
          <ul>
            {channels.map((c, i) => (
              <li key={i}>
                {c.kind === 'dashboard'
                  ? c.label
                  : `${word('channelKind', c.kind)}: ${c.label} · ${c.reachesClosedTab ? t('push.reachesClosed') : t('push.onlyOpenTab')}`}
              </li>
            ))}
          </ul>
          {!reachesClosed ? <p class="warning">{t('push.nothingReachesClosed')}</p> : null}
          <Devices devices={devices.data ?? []} onRemoved={changed} />
          <button type="button" class="secondary" disabled={busy} onClick={() => void sendTest()}>
            {t('push.testAlert')}
          </button>
          {result ? (
            <div role="status">
              <p>{result.deliveries.some((d) => d.status === 'pending') ? t('testAlert.stillTrying') : t('testAlert.done')}</p>
              <TestOutcome result={result} gonePush={here === 'gone'} />
            </div>
          ) : null}
        </>
      ) : null}
      {error ? <PushProblem error={error} /> : null}
    </section>
  );
}

export function RotaReachability() {
  const { data } = useLoad(() => (can('rota:manage') ? optional(api<RotaReach[]>('GET', '/oncall/reachability')) : Promise.resolve(null)), []);
  if (!data?.length) return null;
  return (
    <section class="card" data-testid="rota-reachability">
      <h2>{t('push.rotasHeading')}</h2>
      <ul>
        {data.map((r) => (
          <li key={r.rotaId} class={r.reachesClosedTab ? '' : 'warning'}>
            <strong>{r.rotaName}</strong>: {r.onCallNow?.name ?? t('oncall.nobody')} ·{' '}
            {r.reachesClosedTab ? t('push.reachesClosed') : t('push.nothingReachesClosedFor', { name: r.onCallNow?.name ?? t('oncall.nobody') })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OnCallScreen() {
  const { data, error, reload } = useLoad(async () => {
    const [alerts, now] = await Promise.all([api<Alert[]>('GET', '/alerts?limit=50'), api<OnCallNow>('GET', '/oncall/now')]);
    return { alerts, now };
  }, []);
  useEffect(() => {
    let timer: number | undefined;
    const off = onLiveChange((e) => {
      if (e.kind === 'incident') return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void reload(), 300);
    });
    return () => {
      off();
      window.clearTimeout(timer);
    };
  }, [reload]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const open = data.alerts.filter((a) => !a.acknowledgedAt && !a.resolvedAt);
  const recent = data.alerts.filter((a) => a.acknowledgedAt || a.resolvedAt);
  const onCallNames = data.now.filter((r) => r.onCallName).map((r) => `${r.onCallName} (${r.rota.name})`);
  return (
    <>
      <h1>{t('oncall.title')}</h1>
      <section class="card" data-testid="on-call-now">
        <h2>{t('oncall.now')}</h2>
        {data.now.length ? (
          <ul>
            {data.now.map((r) => (
              <li key={r.rota.id}>
                <strong>{r.rota.name}: </strong>
                {r.onCallName ?? t('oncall.nobody')}
                <span class="muted">
                  {' · '}
                  {t('oncall.nextHandover')} <Time iso={r.nextHandover} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('oncall.noRotas')}</p>
        )}
      </section>
      <section data-testid="alerts">
        <h2>{t('oncall.active')}</h2>
        {open.length ? (
          <ul class="plain">
            {open.map((a) => (
              <AlertCard key={a.id} a={a} onAck={() => void reload()} />
            ))}
          </ul>
        ) : (
          <Empty testid="no-alerts">
            {t('oncall.nothingDue')} {onCallNames.length ? t('oncall.whoIsOn', { names: onCallNames.join(', ') }) : t('oncall.nobodyOn')}
          </Empty>
        )}
        <h2>{t('oncall.recent')}</h2>
        {recent.length ? (
          <ul class="plain">
            {recent.map((a) => (
              <AlertCard key={a.id} a={a} onAck={() => void reload()} />
            ))}
          </ul>
        ) : (
          <Empty>{t('oncall.noRecent')}</Empty>
        )}
      </section>
      <Reachability />
      <RotaReachability />
    </>
  );
}
