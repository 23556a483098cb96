import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage, fieldErrors } from '../api/client';

/**
 * A form's submit: busy while the call runs; a refusal puts the core's field messages on the fields and its
 * Chinese message in a toast, and the form stays as the user left it. Returns the action's value, or undefined.
 */
export function useFormSubmit(form: FormInstance) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      try {
        return await action();
      } catch (e) {
        form.setFields(fieldErrors(e));
        message.error(errorMessage(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [form, message],
  );
  return { busy, run };
}
