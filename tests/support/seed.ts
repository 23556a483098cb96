import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface SeedSize {
  units: number;
  people: number;
}

/**
 * Synthetic organisation data: a city, its counties, and departments/townships under them,
 * with people spread over the units and each person's post history.
 */
export function seedOrg(sqlite: Database.Database, size: SeedSize, owner = 'test-node'): void {
  const now = Date.now();
  const unit = sqlite.prepare(
    `insert into units (id, uuid, owner_node, version, code, name, short_name, kind, parent_id, category_id,
      sort_order, active, created_at, updated_at)
     values (?, ?, ?, 1, ?, ?, ?, ?, ?, null, ?, 1, ?, ?)`,
  );
  const person = sqlite.prepare(
    `insert into people (id, uuid, owner_node, version, name, unit_id, post, rank, is_leader, is_unit_head, phone,
      id_number, active, created_at, updated_at)
     values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, null, null, 1, ?, ?)`,
  );
  const post = sqlite.prepare(
    `insert into person_posts (uuid, owner_node, version, person_id, unit_id, post, duties, from_date, to_date,
      created_at, updated_at)
     values (?, ?, 1, ?, ?, ?, ?, '2025-01-01', null, ?, ?)`,
  );
  sqlite.transaction(() => {
    const counties = Math.max(1, Math.round(size.units / 100));
    unit.run(1, randomUUID(), owner, 'C0001', '示例市', '示例市', 'city', null, 0, now, now);
    for (let c = 0; c < counties && c + 2 <= size.units; c++) {
      const id = c + 2;
      unit.run(
        id,
        randomUUID(),
        owner,
        `X${String(id).padStart(4, '0')}`,
        `第${c + 1}县`,
        null,
        'county',
        1,
        c,
        now,
        now,
      );
    }
    for (let id = counties + 2; id <= size.units; id++) {
      const parent = 2 + ((id - counties - 2) % counties);
      const kind = id % 3 === 0 ? 'township' : 'department';
      unit.run(
        id,
        randomUUID(),
        owner,
        `U${String(id).padStart(5, '0')}`,
        `单位${id}`,
        null,
        kind,
        parent,
        id,
        now,
        now,
      );
    }
    for (let id = 1; id <= size.people; id++) {
      const unitId = 1 + (id % size.units);
      const head = id <= size.units ? 1 : 0;
      person.run(
        id,
        randomUUID(),
        owner,
        `人员${id}`,
        unitId,
        head ? '局长' : '科员',
        head ? '正科级' : '一级科员',
        head,
        head,
        now,
        now,
      );
      post.run(randomUUID(), owner, id, unitId, head ? '局长' : '科员', '负责本岗位工作', now, now);
    }
  })();
}
