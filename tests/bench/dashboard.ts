// The leader's dashboard on a prefecture city: 2,000 units in 4 categories × 100 indicators (200,000 scores, the
// scoring bench's synthetic entries fed through a bench-only score source) and 6,000 targets with four quarters of
// reports. Figures: dashboard.get through the core, then the dashboard in Debian Chromium through the loopback host
// (in this process, so the host scores with the same source), from navigation to every chart drawn.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import path from 'node:path';
import { startWebHost } from '../../electron/hosts/web-host';
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { type ScoreSource, scoreSources } from '../../electron/services/scoring/sources';
import { addUser, asRole, GOOD_PASSWORD, TEST_SCRYPT } from '../support/app';
import { seedOrg } from '../support/seed';
import { repoRoot, tempDir } from '../support/tmp';
import { launchBenchChromium } from './browser';
import { note } from './figures';
import { cityIndicators, cityScores } from './scoring';
import { stats, time } from './stats';

type Report = (name: string, samples: number[], extra?: string) => void;

const UNITS = 2000;
const CATEGORIES = ['党群部门', '政府工作部门', '乡镇街道', '开发园区'];
const milestones = JSON.stringify([20, 50, 75, 100].map((percent) => ({ text: '', percent })));

/** The city's plan in the scoring state, written as the bench's other data builders write theirs: straight to SQL. */
function buildCity(sqlite: Database.Database): { planId: number; targets: number } {
  seedOrg(sqlite, { units: UNITS, people: UNITS });
  const now = Date.now();
  const year = new Date().getFullYear() - 1;
  return sqlite.transaction(() => {
    // the categories a new database comes with, the four named here added where missing
    const cat = sqlite.prepare(
      `insert into categories (uuid, owner_node, version, name, sort_order, created_at, updated_at)
       values (?, 'bench', 1, ?, ?, ?, ?) on conflict do nothing`,
    );
    CATEGORIES.forEach((name, i) => cat.run(randomUUID(), name, i, now, now));
    const catIds = CATEGORIES.map(
      (name) =>
        (sqlite.prepare('select id from categories where name = ? and deleted_at is null').get(name) as { id: number })
          .id,
    );
    const setCat = sqlite.prepare('update units set category_id = ? where id = ?');
    for (let id = 1; id <= UNITS; id++) setCat.run(catIds[(id - 1) % catIds.length], id);
    const planId = Number(
      sqlite
        .prepare(
          `insert into plans (uuid, owner_node, version, year, level, title, total_points, state, period_start,
            period_end, created_at, updated_at) values (?, 'bench', 1, ?, 'city', ?, 100, 'scoring', ?, ?, ?, ?)`,
        )
        .run(randomUUID(), year, `示例市${year}年度目标管理考核方案`, `${year}-01-01`, `${year}-12-31`, now, now)
        .lastInsertRowid,
    );
    // the scoring bench's indicators with their ids (1–100 in a fresh database), so its entries fit as they are
    const ind = sqlite.prepare(
      `insert into indicators (id, uuid, owner_node, version, plan_id, parent_id, is_group, kind, name, points, method,
        params, category_ids, sort_order, created_at, updated_at)
       values (?, ?, 'bench', 1, ?, null, 0, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
    );
    for (const i of cityIndicators())
      ind.run(
        i.id,
        randomUUID(),
        planId,
        i.kind,
        i.name,
        i.points,
        i.params.method,
        JSON.stringify(i.params),
        i.id,
        now,
        now,
      );
    const tgt = sqlite.prepare(
      `insert into targets (uuid, owner_node, version, plan_id, indicator_id, unit_id, content, points, milestones,
        sort_order, created_at, updated_at) values (?, 'bench', 1, ?, ?, ?, ?, 1.5, ?, ?, ?, ?)`,
    );
    const rep = sqlite.prepare(
      `insert into progress_reports (uuid, owner_node, version, target_id, quarter, completion_rate, narrative,
        state, created_at, updated_at) values (?, 'bench', 1, ?, ?, ?, '按节点推进', 'accepted', ?, ?)`,
    );
    let targets = 0;
    for (let u = 1; u <= UNITS; u++)
      for (let k = 1; k <= 3; k++) {
        const id = Number(tgt.run(randomUUID(), planId, k, u, `重点任务${k}`, milestones, k, now, now).lastInsertRowid);
        targets++;
        for (let q = 1; q <= 4; q++)
          rep.run(randomUUID(), id, q, Math.min(100, [20, 50, 75, 100][q - 1]! - 6 + ((u * 7 + k) % 13)), now, now);
      }
    return { planId, targets };
  })();
}

export async function benchDashboard(report: Report): Promise<void> {
  const t = tempDir();
  const app = await startApp({
    dataDir: t.dir,
    appRoot: repoRoot,
    appVersion: 'bench',
    log: silentLogger,
    scrypt: TEST_SCRYPT,
  });
  const [seedMs, city] = await time(() => buildCity(app.opened.sqlite));
  const { entries } = cityScores();
  const source: ScoreSource = { key: 'entered', label: '基准测试', collect: () => entries };
  scoreSources.push(source);
  note(
    `dashboard data: ${UNITS} units × 100 indicators (${entries.length} entries), ${city.targets} targets × 4 ` +
      `quarters of reports, seeded in ${(seedMs / 1000).toFixed(1)} s`,
  );
  try {
    const get = async () => {
      const r = await app.callAs(asRole('leader', 'bench'), 'cli', 'dashboard.get', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { results: { units: number } | null };
    };
    // an audited write makes the kept results stale, as a score entered would: the dashboard computes them again
    let writes = 0;
    const write = async () => {
      const r = await app.callAs(asRole('admin', 'bench'), 'cli', 'settings.update', { unitName: `示例市${++writes}` });
      if (!r.ok) throw new Error(r.error.message);
    };
    const computed: number[] = [];
    const kept: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      await write();
      const [dt, v] = await time(get);
      if (v.results?.units !== UNITS) throw new Error(`dashboard of ${v.results?.units} units`);
      bytes = JSON.stringify(v).length;
      computed.push(dt);
      kept.push((await time(get))[0]);
    }
    report('dashboard.get: city, results computed', computed, `(200,000 scores, ranks, grades, trend; ${bytes} B)`);
    report('dashboard.get: city, results kept', kept, '(no write since: another category, a second look)');

    await addUser(app, 'bench-leader', 'leader');
    const host = await startWebHost({ app, staticRoot: path.join(repoRoot, 'dist', 'renderer') });
    const browser = await launchBenchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      if (process.env.BENCH_TRACE) {
        let t0 = performance.now();
        page.on('framenavigated', () => (t0 = performance.now()));
        const at = () => (performance.now() - t0).toFixed(0).padStart(5);
        const name = (r: { url(): string; postData(): string | null }) =>
          r.url().includes('/api/') ? (JSON.parse(r.postData() ?? '{}') as { channel?: string }).channel : r.url();
        page.on('request', (r) => console.log(`${at()} → ${name(r)}`));
        page.on('requestfinished', (r) => console.log(`${at()} ← ${name(r)}`));
      }
      await page.goto(host.url);
      await page.getByLabel('用户名').fill('bench-leader');
      await page.getByLabel('密码').fill(GOOD_PASSWORD);
      const ready = page.locator('[data-testid="dashboard"][data-ready="1"]');
      const readyAt = async () => {
        await ready.waitFor({ timeout: 120_000 });
        // stamped by the page when its last chart fired echarts' 'finished': ms since this navigation began
        const at = await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document
              .documentElement.dataset.dashboardReadyAt,
        );
        return Number(at);
      };
      // the leader's home is the dashboard: signing in opens it
      const clicked = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: /^登\s*录$/ }).click();
      const first = (await readyAt()) - clicked;
      const fresh: number[] = [];
      const again: number[] = [];
      // the part no dashboard changes: the page and the app's main bundle loaded and run (DOMContentLoaded)
      const pageOnly: number[] = [];
      for (let i = 0; i < 5; i++) {
        await write();
        await page.reload();
        fresh.push(await readyAt());
        await page.reload();
        again.push(await readyAt());
        pageOnly.push(
          await page.evaluate(
            () =>
              (
                (performance as unknown as { getEntriesByType(t: string): unknown[] }).getEntriesByType(
                  'navigation',
                )[0] as { domContentLoadedEventEnd: number }
              ).domContentLoadedEventEnd,
          ),
        );
      }
      report(
        'browser: dashboard, navigation → all charts drawn',
        fresh,
        '(after a write: bundle, dashboard.get computing the city, 4 echarts drawn; ' +
          `the first, from the sign-in click: ${Math.round(first)} ms)`,
      );
      report('browser: dashboard, navigation → drawn, results kept', again, '(no write since the last look)');
      report('browser: of which the page and main bundle (DOMContentLoaded)', pageOnly, '(the same reloads)');
      const cat: number[] = [];
      for (const name of CATEGORIES.slice(1)) {
        const [dt] = await time(async () => {
          await page.getByRole('combobox', { name: '考核类别' }).click();
          await page.locator('.ant-select-dropdown:visible').getByText(name, { exact: false }).click();
          await ready.waitFor({ timeout: 120_000 });
        });
        cat.push(dt);
      }
      report('browser: dashboard, another category drawn', cat, `(p50 of ${stats(cat).n})`);
      await page.screenshot({ path: path.join(repoRoot, 'test-results', 'screenshots', 'dashboard-city.png') });
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    scoreSources.splice(scoreSources.indexOf(source), 1);
    app.close();
    t.cleanup();
  }
}
