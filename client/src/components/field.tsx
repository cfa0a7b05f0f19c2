import type { ComponentChildren } from 'preact';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../server/domains/users/password.rules.js';
import { t } from '../words.js';
import { fieldId } from './states.js';

interface Base {
  /** The API path of the field (e.g. "subjects.count"): its id, so errors and questions can point at it. */
  path: string;
  label: string;
  help?: string | undefined;
  disabled?: boolean | undefined;
}

const describedBy = (id: string, help?: string) => (help ? `${id}-help` : undefined);

/** The line of help under a control, with the id its `aria-describedby` names. */
function Help({ id, help }: { id: string; help?: string | undefined }) {
  return help ? (
    <div class="help" id={`${id}-help`}>
      {help}
    </div>
  ) : null;
}

/** A label, the control, and a line of help under it, tied together for screen readers. */
export function Field({ path, label, help, children }: Base & { children: ComponentChildren }) {
  const id = fieldId(path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      <Help id={id} help={help} />
    </div>
  );
}

export function TextField(
  props: Base & {
    value: string;
    onInput: (v: string) => void;
    type?: string;
    maxLength?: number;
    required?: boolean;
    autoComplete?: string;
    minLength?: number;
  },
) {
  const id = fieldId(props.path);
  return (
    <Field {...props}>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        maxLength={props.maxLength}
        minLength={props.minLength}
        required={props.required}
        autoComplete={props.autoComplete}
        disabled={props.disabled}
        aria-describedby={describedBy(id, props.help)}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
    </Field>
  );
}

export function NumberField(props: Base & { value: number | null; onInput: (v: number | null) => void; min?: number }) {
  const id = fieldId(props.path);
  return (
    <Field {...props}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min ?? 0}
        value={props.value ?? ''}
        disabled={props.disabled}
        aria-describedby={describedBy(id, props.help)}
        onInput={(e) => {
          const v = (e.target as HTMLInputElement).value;
          props.onInput(v === '' ? null : Number(v));
        }}
      />
    </Field>
  );
}

export function TextArea(props: Base & { value: string; onInput: (v: string) => void; rows?: number; required?: boolean }) {
  const id = fieldId(props.path);
  return (
    <Field {...props}>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        aria-describedby={describedBy(id, props.help)}
        onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
      />
    </Field>
  );
}

export function DateTimeField(props: Base & { value: string; onInput: (v: string) => void; required?: boolean }) {
  const id = fieldId(props.path);
  return (
    <Field {...props} help={props.help ?? t('form.osloTimeHelp')}>
      <input
        id={id}
        type="datetime-local"
        step={60}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        aria-describedby={`${id}-help`}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
    </Field>
  );
}

export function SelectField<V extends string>(props: Base & { value: V; options: [V, string][]; onChange: (v: V) => void }) {
  const id = fieldId(props.path);
  return (
    <Field {...props}>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={describedBy(id, props.help)}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as V)}
      >
        {props.options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A group of check boxes; the legend names the group, the help explains it. */
export function CheckGroup<V extends string>(
  props: Base & { values: readonly V[]; options: [V, string][]; onChange: (v: V[]) => void; headings?: Partial<Record<V, string>> },
) {
  const id = fieldId(props.path);
  return (
    <fieldset id={id} class="checks" aria-describedby={describedBy(id, props.help)}>
      <legend>{props.label}</legend>
      <Help id={id} help={props.help} />
      {props.options.map(([v, label]) => [
        props.headings?.[v] ? (
          <div class="subheading" key={`h-${v}`}>
            {props.headings[v]}
          </div>
        ) : null,
        <label class="check" key={v}>
          <input
            type="checkbox"
            value={v}
            checked={props.values.includes(v)}
            disabled={props.disabled}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              props.onChange(on ? [...props.values, v] : props.values.filter((x) => x !== v));
            }}
          />
          {label}
        </label>,
      ])}
    </fieldset>
  );
}

/** One choice from a few, as radio buttons (a closed question the assessment asks). */
export function RadioGroup<V extends string>(props: Base & { value: V | null; options: [V, string][]; onChange: (v: V) => void }) {
  const id = fieldId(props.path);
  return (
    <fieldset id={id} class="radios" aria-describedby={describedBy(id, props.help)}>
      <legend>{props.label}</legend>
      <Help id={id} help={props.help} />
      {props.options.map(([v, label]) => (
        <label class="check" key={v}>
          <input type="radio" name={id} value={v} checked={props.value === v} disabled={props.disabled} onChange={() => props.onChange(v)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Yes, no or not known yet: the assessment treats "not known" as a question still open. */
export function YesNo(props: Base & { value: boolean | null | undefined; onChange: (v: boolean | null) => void }) {
  const value = props.value === true ? 'yes' : props.value === false ? 'no' : 'unknown';
  return (
    <RadioGroup
      {...props}
      value={value}
      options={[
        ['yes', t('common.yes')],
        ['no', t('common.no')],
        ['unknown', t('common.unknown')],
      ]}
      onChange={(v) => props.onChange(v === 'yes' ? true : v === 'no' ? false : null)}
    />
  );
}

interface Labelled {
  path: string;
  label: string;
  help?: string | undefined;
  value: string;
  onInput: (v: string) => void;
}

/**
 * A time and the written reason (or evidence) a rule asks for beside it: the reason's field is shown, and
 * required, only while `needed` says the rule needs it (the rule is the server's, imported, so both agree).
 */
export function DateWithReason({
  date,
  reason,
  needed,
  required,
}: {
  date: Labelled;
  reason: Labelled & { rows?: number };
  needed: boolean;
  required?: boolean;
}) {
  return (
    <div class="date-reason">
      <DateTimeField path={date.path} label={date.label} help={date.help} required={required} value={date.value} onInput={date.onInput} />
      {needed ? (
        <TextArea path={reason.path} label={reason.label} help={reason.help} rows={reason.rows ?? 2} required value={reason.value} onInput={reason.onInput} />
      ) : null}
    </div>
  );
}

/**
 * A new password: as long as the server's rule asks (the help says so in words), and offered to the
 * browser's password manager as a new one. `help` words the rule for who is setting it.
 */
export function NewPasswordField(props: { path: string; label: string; help: (min: number) => string; value: string; onInput: (v: string) => void }) {
  return (
    <TextField
      path={props.path}
      label={props.label}
      help={props.help(PASSWORD_MIN_LENGTH)}
      type="password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
      autoComplete="new-password"
      value={props.value}
      onInput={props.onInput}
    />
  );
}
