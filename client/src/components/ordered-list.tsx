import { useState } from 'preact/hooks';
import { t } from '../words.js';
import { fieldId } from './states.js';

/**
 * An ordered choice from a list (a rota's members, one week each in this order): add one at a time, move
 * up or down, remove. A multi-select cannot hold an order; it keeps the options' own.
 */
export function OrderedList(props: {
  path: string;
  label: string;
  help?: string;
  value: string[];
  options: [string, string][];
  onChange: (v: string[]) => void;
}) {
  const id = fieldId(props.path);
  const nameOf = (v: string) => props.options.find(([o]) => o === v)?.[1] ?? t('admin.unknownUser');
  const left = props.options.filter(([v]) => !props.value.includes(v));
  const [adding, setAdding] = useState('');
  const pick = left.some(([v]) => v === adding) ? adding : (left[0]?.[0] ?? '');
  const move = (i: number, by: -1 | 1) => {
    const next = [...props.value];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    props.onChange(next);
  };
  return (
    <fieldset id={id} class="ordered" aria-describedby={props.help ? `${id}-help` : undefined} data-testid={`ordered-${props.path}`}>
      <legend>{props.label}</legend>
      {props.help ? (
        <div class="help" id={`${id}-help`}>
          {props.help}
        </div>
      ) : null}
      {props.value.length ? (
        <ol>
          {props.value.map((v, i) => (
            <li key={v}>
              <span>{nameOf(v)}</span>
              <button type="button" class="secondary small" disabled={i === 0} aria-label={t('list.moveUp', { name: nameOf(v) })} onClick={() => move(i, -1)}>
                {t('list.up')}
              </button>
              <button
                type="button"
                class="secondary small"
                disabled={i === props.value.length - 1}
                aria-label={t('list.moveDown', { name: nameOf(v) })}
                onClick={() => move(i, 1)}
              >
                {t('list.down')}
              </button>
              <button
                type="button"
                class="secondary small"
                aria-label={t('list.remove', { name: nameOf(v) })}
                onClick={() => props.onChange(props.value.filter((x) => x !== v))}
              >
                {t('list.removeShort')}
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('list.empty')}</p>
      )}
      {left.length ? (
        <div class="row">
          <div class="field">
            <label for={`${id}-add`}>{t('list.addWho')}</label>
            <select id={`${id}-add`} value={pick} onChange={(e) => setAdding((e.target as HTMLSelectElement).value)}>
              {left.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="button" class="secondary" onClick={() => pick && props.onChange([...props.value, pick])}>
            {t('list.add')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
