import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../words.js';

/**
 * A modal question before something that cannot be quietly undone (stopping the legal clock, closing a case).
 * The confirm button is a submit button, so the dialog's own fields are checked before it goes.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testid?: string;
  children?: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog ref={ref} class="confirm" aria-labelledby={`${props.testid ?? 'confirm'}-title`} data-testid={props.testid} onCancel={props.onCancel}>
      <form
        noValidate
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          props.onConfirm();
        }}
      >
        <h2 id={`${props.testid ?? 'confirm'}-title`}>{props.title}</h2>
        {props.open ? props.children : null}
        <div class="buttons">
          <button type="submit" class="primary danger">
            {props.confirmLabel}
          </button>
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
