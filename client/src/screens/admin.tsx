import { useState } from 'preact/hooks';
import type { UserView } from '../../../server/domains/users/user.presenter.js';
import { ROLES, type Role } from '../../../server/domains/auth/permissions.js';
import { api } from '../api.js';
import { CheckGroup, DateTimeField, Field, NewPasswordField, SelectField, TextField } from '../components/field.js';
import { OrderedList } from '../components/ordered-list.js';
import { Empty, ErrorBox, Loading, fieldId, useLoad } from '../components/states.js';
import { Time } from '../components/time.js';
import { confirmDone } from '../components/toasts.js';
import { fromLocalInput, nowLocalInput } from '../format.js';
import { can } from '../state.js';
import { t, word } from '../words.js';
import { RotaReachability } from './oncall.js';

interface RotaView {
  id: string;
  name: string;
  members: string[];
  startsAt: string;
  secondLine: string[];
  overrides: Override[];
  webhookUrl: string | null;
}
interface Override {
  userId: string;
  from: string;
  to: string;
  reason: string;
}
interface AuditStatus {
  ok: boolean;
  entries: number;
  firstBroken?: { seq: number; reason: string };
}

const roleOptions = (): [Role, string][] => ROLES.map((r) => [r, word('role', r)]);

/** An admin sets a user's password (a forgotten one): their sessions end, and they change it themselves afterwards. */
function ResetPassword({ u }: { u: UserView }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const scope = `reset-${u.id}`;
  return (
    <details data-testid={`reset-${u.email}`}>
      <summary aria-label={t('admin.resetPasswordFor', { name: u.name })}>{t('admin.resetPassword')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void api('PUT', `/users/${u.id}/password`, { password }).then(() => {
            setPassword('');
            setError(null);
            confirmDone(t('admin.passwordSet', { name: u.name }));
          }, setError);
        }}
      >
        <NewPasswordField
          path={`${scope}.password`}
          label={t('admin.newPassword')}
          help={(min) => t('admin.newPasswordHelp', { min })}
          value={password}
          onInput={setPassword}
        />
        {error ? <ErrorBox error={error} scope={scope} /> : null}
        <button type="submit" class="secondary">
          {t('admin.resetPassword')}
        </button>
      </form>
    </details>
  );
}

function UserRow({ u, onSaved }: { u: UserView; onSaved: () => void }) {
  const [roles, setRoles] = useState<Role[]>(u.roles as Role[]);
  const [email, setEmail] = useState(u.alertChannels.email);
  const [webhook, setWebhook] = useState(u.alertChannels.webhookUrl ?? '');
  const [phone, setPhone] = useState(u.phone);
  const [active, setActive] = useState(u.active);
  const [error, setError] = useState<unknown>(null);
  return (
    <tr data-testid={`user-${u.email}`}>
      <th scope="row">
        {u.name}
        <div class="muted">{u.email}</div>
      </th>
      <td data-label={t('admin.roles')}>
        {ROLES.map((r) => (
          <label class="check" key={r}>
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) => setRoles((e.target as HTMLInputElement).checked ? [...roles, r] : roles.filter((x) => x !== r))}
            />
            {word('role', r)}
          </label>
        ))}
      </td>
      <td data-label={t('admin.channels')}>
        <label class="check">
          <input type="checkbox" checked={email} onChange={(e) => setEmail((e.target as HTMLInputElement).checked)} />
          {t('admin.emailAlerts')}
        </label>
        <label class="block" for={`webhook-${u.id}`}>
          {t('admin.webhookLabel')} <span class="sr-only">({u.name})</span>
        </label>
        <input id={`webhook-${u.id}`} type="url" placeholder="https://" value={webhook} onInput={(e) => setWebhook((e.target as HTMLInputElement).value)} />
        <label class="block" for={`phone-${u.id}`}>
          {t('admin.phone')} <span class="sr-only">({u.name})</span>
        </label>
        <input
          id={`phone-${u.id}`}
          type="tel"
          autoComplete="off"
          maxLength={40}
          value={phone}
          onInput={(e) => setPhone((e.target as HTMLInputElement).value)}
        />
      </td>
      <td data-label={t('admin.active')}>
        <label class="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive((e.target as HTMLInputElement).checked)} />
          {t('admin.active')}
        </label>
      </td>
      <td class="actions">
        <button
          type="button"
          class="secondary"
          aria-label={t('admin.saveUser', { name: u.name })}
          onClick={() =>
            void api('PATCH', `/users/${u.id}`, { roles, active, phone: phone.trim(), alertChannels: { email, webhookUrl: webhook.trim() || null } }).then(
              () => {
                confirmDone(t('admin.userSaved', { name: u.name }));
                onSaved();
              },
              setError,
            )
          }
        >
          {t('common.save')}
        </button>
        {error ? <ErrorBox error={error} /> : null}
        <ResetPassword u={u} />
      </td>
    </tr>
  );
}

function NewUser({ onSaved }: { onSaved: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      class="card"
      data-testid="user-form"
      onSubmit={(e) => {
        e.preventDefault();
        void api('POST', '/users', { name, email, password, roles }).then(() => {
          confirmDone(t('admin.userCreated', { name }));
          onSaved();
        }, setError);
      }}
    >
      <h2>{t('admin.newUser')}</h2>
      <TextField path="user.name" label={t('admin.name')} required maxLength={120} autoComplete="off" value={name} onInput={setName} />
      <TextField path="user.email" label={t('signIn.email')} type="email" required autoComplete="off" value={email} onInput={setEmail} />
      <NewPasswordField
        path="user.password"
        label={t('admin.firstPassword')}
        help={(min) => t('admin.firstPasswordHelp', { min })}
        value={password}
        onInput={setPassword}
      />
      <CheckGroup path="user.roles" label={t('admin.roles')} help={t('admin.rolesHelp')} values={roles} options={roleOptions()} onChange={setRoles} />
      {error ? <ErrorBox error={error} scope="user" /> : null}
      <button class="primary" type="submit">
        {t('common.save')}
      </button>
    </form>
  );
}

/** Choose several active users (a rota's members or second line). */
function UserPicker(props: { path: string; label: string; value: string[]; set: (v: string[]) => void; help: string; users: UserView[] }) {
  const active = props.users.filter((u) => u.active !== false);
  const id = fieldId(props.path);
  return (
    <Field path={props.path} label={props.label} help={props.help}>
      <select
        id={id}
        multiple
        size={Math.min(6, active.length)}
        aria-describedby={`${id}-help`}
        onChange={(e) => props.set([...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value))}
      >
        {active.map((u) => (
          <option key={u.id} value={u.id} selected={props.value.includes(u.id)}>
            {`${u.name} (${u.roles.map((r) => word('role', r)).join(', ')})`}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Active users by name and roles: whom a rota can hold. */
const rotaPeople = (users: UserView[]): [string, string][] =>
  users.filter((u) => u.active !== false).map((u) => [u.id, `${u.name} (${u.roles.map((r) => word('role', r)).join(', ')})`]);

function NewRota({ users, onSaved }: { users: UserView[]; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [secondLine, setSecondLine] = useState<string[]>([]);
  const [startsAt, setStartsAt] = useState(nowLocalInput());
  const [webhook, setWebhook] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      class="card"
      data-testid="rota-form"
      onSubmit={(e) => {
        e.preventDefault();
        void api('POST', '/rotas', { name, members, secondLine, startsAt: fromLocalInput(startsAt), webhookUrl: webhook.trim() || null }).then(
          onSaved,
          setError,
        );
      }}
    >
      <h2>{t('admin.newRota')}</h2>
      <TextField path="rota.name" label={t('admin.name')} required maxLength={100} value={name} onInput={setName} />
      <OrderedList
        path="rota.members"
        label={t('admin.members')}
        value={members}
        onChange={setMembers}
        help={t('admin.membersHelp')}
        options={rotaPeople(users)}
      />
      <UserPicker path="rota.secondLine" label={t('admin.secondLine')} value={secondLine} set={setSecondLine} help={t('admin.secondLineHelp')} users={users} />
      <DateTimeField path="rota.startsAt" label={t('admin.firstHandover')} value={startsAt} onInput={setStartsAt} />
      <TextField path="rota.webhookUrl" label={t('admin.webhook')} help={t('admin.webhookHelp')} type="url" value={webhook} onInput={setWebhook} />
      {error ? <ErrorBox error={error} scope="rota" /> : null}
      <button class="primary" type="submit">
        {t('common.save')}
      </button>
    </form>
  );
}

function RotaCard({ r, users, nameOf, onSaved }: { r: RotaView; users: UserView[]; nameOf: (id: string) => string; onSaved: () => void }) {
  const [members, setMembers] = useState(r.members);
  const [secondLine, setSecondLine] = useState(r.secondLine);
  const [overrides, setOverrides] = useState(r.overrides);
  const [webhook, setWebhook] = useState(r.webhookUrl ?? '');
  const [who, setWho] = useState(r.members[0] ?? '');
  const [from, setFrom] = useState(nowLocalInput());
  const [to, setTo] = useState(nowLocalInput());
  const [reason, setReason] = useState('');
  const [backwards, setBackwards] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const people: [string, string][] = users.filter((u) => u.active !== false).map((u) => [u.id, u.name]);
  const save = () => void api('PATCH', `/rotas/${r.id}`, { members, secondLine, overrides, webhookUrl: webhook.trim() || null }).then(onSaved, setError);
  return (
    <div class="card" data-testid={`rota-${r.name}`}>
      <h3>{r.name}</h3>
      <p>
        {t('admin.members')}: {r.members.map(nameOf).join(' → ') || t('common.nobody')}
      </p>
      <p>
        {t('admin.secondLine')}: {r.secondLine.map(nameOf).join(', ') || t('common.nobody')}
      </p>
      <p class="muted">
        {t('admin.firstHandover')}: <Time iso={r.startsAt} />
      </p>
      {can('rota:manage') ? (
        <details>
          <summary>{t('admin.editRota', { name: r.name })}</summary>
          <OrderedList
            path={`rota-${r.id}.members`}
            label={t('admin.members')}
            value={members}
            onChange={setMembers}
            help={t('admin.membersHelp')}
            options={rotaPeople(users)}
          />
          <UserPicker
            path={`rota-${r.id}.secondLine`}
            label={t('admin.secondLine')}
            value={secondLine}
            set={setSecondLine}
            help={t('admin.secondLineHelp')}
            users={users}
          />
          <fieldset>
            <legend>{t('admin.overrides')}</legend>
            {overrides.length ? (
              <ul>
                {overrides.map((o, i) => (
                  <li key={`${o.userId}-${o.from}`}>
                    {t('admin.override', { name: nameOf(o.userId) })}: <Time iso={o.from} /> – <Time iso={o.to} />
                    {o.reason ? ` (${o.reason})` : ''}{' '}
                    <button type="button" class="secondary" onClick={() => setOverrides(overrides.filter((_, j) => j !== i))}>
                      {t('admin.removeOverride')}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t('admin.noOverrides')}</p>
            )}
            <SelectField path={`rota-${r.id}.override.userId`} label={t('admin.overrideWho')} value={who} options={people} onChange={setWho} />
            <DateTimeField path={`rota-${r.id}.override.from`} label={t('admin.overrideFrom')} value={from} onInput={setFrom} />
            <DateTimeField path={`rota-${r.id}.override.to`} label={t('admin.overrideTo')} value={to} onInput={setTo} />
            <TextField path={`rota-${r.id}.override.reason`} label={t('admin.overrideReason')} maxLength={500} value={reason} onInput={setReason} />
            <button
              type="button"
              class="secondary"
              onClick={() => {
                const [start, end] = [fromLocalInput(from), fromLocalInput(to)];
                setBackwards(!!start && !!end && end <= start);
                if (start && end && end > start) setOverrides([...overrides, { userId: who, from: start, to: end, reason: reason.trim() }]);
              }}
            >
              {t('admin.addOverride')}
            </button>
            {backwards ? (
              <p class="error" role="alert" data-testid="override-backwards">
                {t('admin.overrideBackwards')}
              </p>
            ) : null}
          </fieldset>
          <TextField path={`rota-${r.id}.webhookUrl`} label={t('admin.webhook')} type="url" value={webhook} onInput={setWebhook} />
          <button type="button" class="primary" onClick={save}>
            {t('common.save')}
          </button>
        </details>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
    </div>
  );
}

/** Users with their roles and alert channels, the rotas, and whether the audit chain holds. */
export function AdminScreen() {
  const [form, setForm] = useState<null | 'user' | 'rota'>(null);
  const { data, error, reload } = useLoad(async () => {
    const [users, rotas, audit] = await Promise.all([
      can('user:manage') ? api<UserView[]>('GET', '/users') : api<UserView[]>('GET', '/users/directory'),
      api<RotaView[]>('GET', '/rotas'),
      can('audit:verify') ? api<AuditStatus>('GET', '/audit/verify') : Promise.resolve(null),
    ]);
    return { users, rotas, audit };
  }, []);
  const saved = () => {
    setForm(null);
    void reload();
  };
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const nameOf = (id: string) => data.users.find((u) => u.id === id)?.name ?? t('admin.unknownUser');
  return (
    <>
      <h1>{t('admin.title')}</h1>
      {data.audit ? (
        <div class={data.audit.ok ? 'card ok' : 'error'} data-testid="audit-status" role="status">
          {data.audit.ok ? t('admin.auditOk', { n: data.audit.entries }) : t('admin.auditBroken', { seq: data.audit.firstBroken?.seq ?? 0 })}
        </div>
      ) : null}
      {can('user:manage') ? (
        <section>
          <h2>{t('admin.users')}</h2>
          <button type="button" class="secondary" onClick={() => setForm('user')}>
            {t('admin.newUser')}
          </button>
          {form === 'user' ? <NewUser onSaved={saved} /> : null}
          <div class="table-wrap">
            <table class="stack">
              <caption class="sr-only">{t('admin.users')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('admin.roles')}</th>
                  <th scope="col">{t('admin.channels')}</th>
                  <th scope="col">{t('admin.active')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('templates.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.users.map((u) => (
                  <UserRow key={u.id} u={u} onSaved={saved} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section>
        <h2>{t('admin.rotas')}</h2>
        {can('rota:manage') ? (
          <button type="button" class="secondary" onClick={() => setForm('rota')}>
            {t('admin.newRota')}
          </button>
        ) : null}
        {form === 'rota' ? <NewRota users={data.users} onSaved={saved} /> : null}
        {data.rotas.length ? (
          data.rotas.map((r) => <RotaCard key={r.id} r={r} users={data.users} nameOf={nameOf} onSaved={saved} />)
        ) : (
          <Empty>{t('admin.noRotas')}</Empty>
        )}
      </section>
      <RotaReachability />
    </>
  );
}
