import type { FormInstance } from 'antd';

/** The form's values, or null when a rule is not met (its message is already under the field). */
export const valid = <T>(form: FormInstance<T>): Promise<T | null> =>
  form.validateFields().then(
    (v) => v,
    () => null,
  );
