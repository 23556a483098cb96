import { type WebHostProcess, api, apiSignIn } from './fixtures';

/**
 * A 公示 runs over working days from the first one on or after the day it is issued, and an objection counts from
 * then on: a test that issues and objects on the same day would be refused on a Saturday or a holiday. So the test
 * says today is a working day (调休上班), as an office does, and runs the same whatever day the suite runs on.
 */
export async function todayIsAWorkingDay(host: WebHostProcess): Promise<void> {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  await api(host, 'calendar.set', { date, kind: 'workday', note: '测试：今天上班' }, await apiSignIn(host, 'admin'));
}
