// Figures for the overdue board on a city: 2,000 units, four quarters of reports on every target, 20,000 open notices.
// The query through the core (one page, counted in SQL), then the board in the real UI (Debian Chromium through the
// loopback host).
import { randomUUID } from 'node:crypto';
import { addUser, asRole } from '../support/app';
import { cityPlan } from './letters';
import { benchBrowser } from './browser';
import { note } from './figures';
import { time } from './stats';

type Report = (name: string, samples: number[], extra?: string) => void;

export async function benchBoard(report: Report): Promise<void> {
  const { app, t, planId } = await cityPlan();
  const sqlite = app.opened.sqlite;
  const now = Date.now();
  const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
  const [seedMs, counts] = await time(() =>
    sqlite.transaction(() => {
      const targets = sqlite.prepare('select id, unit_id as unitId from targets where plan_id = ?').all(planId) as {
        id: number;
        unitId: number;
      }[];
      const rep = sqlite.prepare(
        `insert into progress_reports (uuid, owner_node, version, target_id, quarter, completion_rate, narrative, ` +
          `state, created_at, updated_at) values (?, 'bench', 1, ?, ?, ?, '按节点推进', 'accepted', ?, ?)`,
      );
      for (const tg of targets)
        for (let q = 1; q <= 4; q++) rep.run(randomUUID(), tg.id, q, q * 20 + (tg.id % 10), now, now);
      const units = (sqlite.prepare('select id from units').all() as { id: number }[]).map((u) => u.id);
      const notice = sqlite.prepare(
        `insert into notices (uuid, owner_node, version, kind, unit_id, target_id, reason, items, issued_on,
          working_days, reply_by, contact_name, contact_phone, state, created_at, updated_at)
         values (?, 'bench', 1, ?, ?, ?, '第三季度进度滞后。', '[{"text":"说明原因"}]', ?, 5, ?, '王某', '0000-1234567', ?, ?, ?)`,
      );
      for (let i = 0; i < 20_000; i++) {
        const tg = targets[i % targets.length]!;
        notice.run(
          randomUUID(),
          (['inquiry', 'supervision', 'rectification'] as const)[i % 3],
          tg.unitId,
          tg.id,
          day(-40 + (i % 20)),
          day(-20 + (i % 40)),
          i % 7 ? 'issued' : 'returned',
          now,
          now,
        );
      }
      return { targets: targets.length, units: units.length };
    })(),
  );
  note(
    `board data: ${counts.units} units, ${counts.targets} targets × 4 quarters of reports, 20,000 open notices, ` +
      `seeded in ${(seedMs / 1000).toFixed(1)} s`,
    ['board data: 20,000 open notices seeded', seedMs / 1000, 's'],
  );
  const board = async (input: object) => {
    const r = await app.callAs(asRole('evaluator', 'bench'), 'cli', 'board.list', input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { total: number };
  };
  const queries: number[] = [];
  for (let i = 0; i < 5; i++) queries.push((await time(() => board({})))[0]);
  report('board.list: first page of 20,000 open items', queries, '(the page, the total, the counts per unit)');
  const later: number[] = [];
  for (let i = 0; i < 5; i++) later.push((await time(() => board({ offset: 10_000, sort: 'unit' })))[0]);
  report('board.list: page 201 by unit', later);
  const overdue: number[] = [];
  for (let i = 0; i < 5; i++) overdue.push((await time(() => board({ due: ['overdue'], search: '单位' })))[0]);
  report('board.list: overdue, searched by text', overdue);
  const [oneUnit] = await time(() => board({ unitId: 5 }));
  report('board.list: one unit', [oneUnit]);
  const [all, every] = await time(() => board({ all: true }));
  if (every.total !== 20_000) throw new Error(`printed ${every.total}`);
  report('board.list: every row (the printed list)', [all]);
  await addUser(app, 'bench-board', 'evaluator');
  app.close();

  const b = await benchBrowser(t.dir, 'bench-board');
  const page = b.page;
  try {
    if (process.env.BENCH_TRACE) {
      const t0 = performance.now();
      const channel = (body: string | null) => (JSON.parse(body ?? '{}') as { channel?: string }).channel;
      const at = () => (performance.now() - t0).toFixed(0).padStart(5);
      page.on('request', (r) =>
        console.log(`${at()} → ${r.url().includes('/api/') ? channel(r.postData()) : r.url()}`),
      );
      page.on('requestfinished', async (r) => {
        const body = await (await r.response())?.body();
        const name = r.url().includes('/api/') ? channel(r.postData()) : r.url();
        console.log(`${at()} ← ${name} ${body?.length} B`);
      });
    }
    // the 考评员's start page is the board
    const first = await b.signInTo('共 20000 项');
    report('browser: signed in → first screen (board of 20,000)', [first], '(from the sign-in answer)');
    const filters: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [dt] = await time(async () => {
        await page.getByRole('tab', { name: '季度进展' }).click();
        await page.getByRole('tab', { name: '逾期看板' }).click();
        await page.getByText('共 20000 项').waitFor({ timeout: 120_000 });
      });
      filters.push(dt);
    }
    report('browser: reopen the board, first page rendered', filters);
    const pages: number[] = [];
    for (let i = 2; i < 5; i++) {
      const [dt] = await time(async () => {
        await page.locator('.ant-pagination').first().getByTitle(String(i), { exact: true }).click();
        await page.locator('.ant-pagination-item-active').first().getByText(String(i)).waitFor();
        await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
      });
      pages.push(dt);
    }
    report('browser: next page of the board', pages);
  } finally {
    await b.close();
    t.cleanup();
  }
}
