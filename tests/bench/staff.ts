// Figures for the civil servants' annual assessment on a city (30,000 people in 2,000 units): every person's
// assessing unit and grade limit, every unit's 优秀 quota, and the stored grades checked against them, at once.
import { randomUUID } from 'node:crypto';
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { cityCheck } from '../../electron/services/people/city-check';
import { defaultStaffSettings } from '../../electron/services/people/settings';
import { seedOrg } from '../support/seed';
import { repoRoot, tempDir } from '../support/tmp';
import { note } from './figures';
import { time } from './stats';

type Report = (name: string, samples: number[], extra?: string) => void;

export async function benchStaff(report: Report): Promise<void> {
  const t = tempDir();
  const app = await startApp({ dataDir: t.dir, appRoot: repoRoot, appVersion: 'bench', log: silentLogger });
  const sqlite = app.opened.sqlite;
  seedOrg(sqlite, { units: 2000, people: 30000 });
  const now = Date.now();
  const measures = ['诫勉', '记过', '党内警告', '记大过', '留党察看', '通报'];
  sqlite.transaction(() => {
    const m = sqlite.prepare(
      `insert into staff_measures (uuid, owner_node, version, person_id, category, measure, body, decided_on,
        effect_until, created_by, created_at, updated_at)
       values (?, 'bench', 1, ?, 'other', ?, '县纪委监委', ?, ?, 'bench', ?, ?)`,
    );
    // one person in ten with a measure, over three years
    for (let i = 0; i < 3000; i++)
      m.run(randomUUID(), 1 + i * 10, measures[i % measures.length], `${2024 + (i % 3)}-05-01`, '2027-04-30', now, now);
    const r = sqlite.prepare(
      `insert into staff_rounds (uuid, owner_node, version, year, unit_id, created_at, updated_at)
       values (?, 'bench', 1, 2026, ?, ?, ?)`,
    );
    const a = sqlite.prepare(
      `insert into staff_assessments (uuid, owner_node, version, round_id, person_id, proposed_grade, final_grade,
        created_at, updated_at) values (?, 'bench', 1, ?, ?, ?, ?, ?, ?)`,
    );
    const people = sqlite.prepare('select id, unit_id as unitId from people').all() as { id: number; unitId: number }[];
    const rounds = new Map<number, number>();
    for (const p of people) {
      let round = rounds.get(p.unitId);
      if (!round) {
        round = Number(r.run(randomUUID(), p.unitId, now, now).lastInsertRowid);
        rounds.set(p.unitId, round);
      }
      const g = p.id % 6 === 0 ? 'excellent' : 'competent';
      a.run(randomUUID(), round, p.id, g, g, now, now);
    }
  })();
  const samples: number[] = [];
  let last = cityCheck(sqlite, 2026, defaultStaffSettings);
  for (let i = 0; i < 5; i++) {
    const [dt, r] = await time(() => cityCheck(sqlite, 2026, defaultStaffSettings));
    samples.push(dt);
    last = r;
  }
  report(
    'staff assessment, city check (30,000 people)',
    samples,
    `${last.limited} limited, ${last.problems.length} problems`,
  );
  note(`staff assessment: ${last.people} people in ${last.units} units, ${last.problems.length} problems found`);
  app.close();
  t.cleanup();
}
