import type { FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../i18n/errors.js';

export interface Submit<V> {
  /** Runs the action; while it runs `busy` is true, and a failure lands in `error` and on the form. */
  submit(values: V): Promise<void>;
  busy: boolean;
  /** The last failure (an ApiError or anything else), null after a new attempt or clearError(). */
  error: unknown;
  clearError(): void;
}

/**
 * The one way a form sends: busy while the request runs, the problem kept for the banner, and the
 * problem's field errors (JSON pointers) put under the form fields they name.
 */
export function useSubmit<V>(form: FormInstance<V> | null, action: (values: V) => Promise<void>): Submit<V> {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The latest action, so submit keeps one identity while the action closes over fresh props.
  const latest = useRef(action);
  latest.current = action;
  const submit = useCallback(
    async (values: V) => {
      setBusy(true);
      setError(null);
      try {
        await latest.current(values);
      } catch (err) {
        setError(err);
        form?.setFields(fieldErrors(t, err));
      } finally {
        setBusy(false);
      }
    },
    [form, t],
  );
  const clearError = useCallback(() => setError(null), []);
  return { submit, busy, error, clearError };
}
