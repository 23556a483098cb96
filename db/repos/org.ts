import type Database from 'better-sqlite3';

export interface UnitRecord {
  id: number;
  uuid: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: 'city' | 'county' | 'department' | 'township' | 'other';
  parentId: number | null;
  categoryId: number | null;
  sortOrder: number;
  active: boolean;
  version: number;
}

const unitCols = `u.id, u.uuid, u.code, u.name, u.short_name as shortName, u.kind, u.parent_id as parentId,
  u.category_id as categoryId, u.sort_order as sortOrder, u.active, u.version`;

const fixUnit = <T extends { active: unknown }>(r: T) => ({ ...r, active: !!r.active });

const withCounts = `select ${unitCols}, (select count(*) from people p where p.unit_id = u.id and p.active = 1) as people from units u`;

export function listUnitsWithCounts(db: Database.Database) {
  return (db.prepare(`${withCounts} order by u.sort_order, u.code`).all() as (UnitRecord & { people: number })[]).map(fixUnit);
}

export function unitWithCount(db: Database.Database, id: number) {
  const r = db.prepare(`${withCounts} where u.id = ?`).get(id) as (UnitRecord & { people: number }) | undefined;
  return r && fixUnit(r);
}

export function unitById(db: Database.Database, id: number): UnitRecord | undefined {
  const r = db.prepare(`select ${unitCols} from units u where u.id = ?`).get(id) as UnitRecord | undefined;
  return r && fixUnit(r);
}

export function unitByCode(db: Database.Database, code: string): UnitRecord | undefined {
  const r = db.prepare(`select ${unitCols} from units u where u.code = ?`).get(code) as UnitRecord | undefined;
  return r && fixUnit(r);
}

export function allUnits(db: Database.Database): UnitRecord[] {
  return (db.prepare(`select ${unitCols} from units u`).all() as UnitRecord[]).map(fixUnit);
}

/** The unit and every unit below it. */
export function subtreeIds(db: Database.Database, id: number): number[] {
  return (
    db
      .prepare(
        `with recursive t(id) as (select ? union all select u.id from units u join t on u.parent_id = t.id) select id from t`,
      )
      .all(id) as { id: number }[]
  ).map((r) => r.id);
}

export interface PersonRecord {
  id: number;
  uuid: string;
  code: string | null;
  name: string;
  unitId: number;
  unitName: string;
  post: string | null;
  rank: string | null;
  isLeader: boolean;
  isUnitHead: boolean;
  phone: string | null;
  idNumber: string | null;
  active: boolean;
  version: number;
}

const personCols = `p.id, p.uuid, p.code, p.name, p.unit_id as unitId, u.name as unitName, p.post, p.rank,
  p.is_leader as isLeader, p.is_unit_head as isUnitHead, p.phone, p.id_number as idNumber, p.active, p.version`;

const fixPerson = (r: PersonRecord): PersonRecord => ({ ...r, isLeader: !!r.isLeader, isUnitHead: !!r.isUnitHead, active: !!r.active });

export function personById(db: Database.Database, id: number): PersonRecord | undefined {
  const r = db.prepare(`select ${personCols} from people p join units u on u.id = p.unit_id where p.id = ?`).get(id) as PersonRecord | undefined;
  return r && fixPerson(r);
}

export interface PeopleQuery {
  unitIds?: number[];
  search?: string;
  includeInactive: boolean;
  offset: number;
  limit: number;
}

export function queryPeople(db: Database.Database, q: PeopleQuery): { total: number; rows: PersonRecord[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.unitIds) {
    where.push(`p.unit_id in (select value from json_each(?))`);
    args.push(JSON.stringify(q.unitIds));
  }
  if (!q.includeInactive) where.push('p.active = 1');
  if (q.search) {
    const like = `%${q.search.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(`(p.name like ? escape '\\' or p.code like ? escape '\\' or p.post like ? escape '\\')`);
    args.push(like, like, like);
  }
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const total = (db.prepare(`select count(*) n from people p ${w}`).get(...args) as { n: number }).n;
  const rows = (
    db
      .prepare(`select ${personCols} from people p join units u on u.id = p.unit_id ${w} order by u.sort_order, u.code, p.is_unit_head desc, p.is_leader desc, p.id limit ? offset ?`)
      .all(...args, q.limit, q.offset) as PersonRecord[]
  ).map(fixPerson);
  return { total, rows };
}

export function allPeople(db: Database.Database, unitIds?: number[]): PersonRecord[] {
  const w = unitIds ? `where p.unit_id in (select value from json_each(?))` : '';
  const args = unitIds ? [JSON.stringify(unitIds)] : [];
  return (db.prepare(`select ${personCols} from people p join units u on u.id = p.unit_id ${w} order by u.sort_order, u.code, p.id`).all(...args) as PersonRecord[]).map(fixPerson);
}

export interface PostRecord {
  id: number;
  unitId: number;
  unitName: string;
  post: string;
  duties: string;
  fromDate: string;
  toDate: string | null;
}

export function postsOf(db: Database.Database, personId: number): PostRecord[] {
  return db
    .prepare(
      `select pp.id, pp.unit_id as unitId, u.name as unitName, pp.post, pp.duties, pp.from_date as fromDate, pp.to_date as toDate
       from person_posts pp join units u on u.id = pp.unit_id where pp.person_id = ? order by pp.from_date desc, pp.id desc`,
    )
    .all(personId) as PostRecord[];
}

/** Every person's current duties in one query, for imports that compare thousands of people. */
export function currentDuties(db: Database.Database): Map<number, string> {
  const rows = db.prepare('select person_id as id, duties from person_posts where to_date is null').all() as { id: number; duties: string }[];
  return new Map(rows.map((r) => [r.id, r.duties]));
}

export function currentPost(db: Database.Database, personId: number): PostRecord | undefined {
  return postsOf(db, personId).find((p) => p.toDate === null);
}

export const DEFAULT_CATEGORIES = ['党群部门', '政府工作部门', '乡镇街道', '垂直管理单位'];

/** The usual assessment categories, put in once on a new installation; the office edits them after. */
export function seedCategories(db: Database.Database, nodeId: string, now: number, uuid: () => string): void {
  const seeded = db.prepare("select 1 from settings where key = 'categoriesSeeded'").get();
  if (seeded) return;
  db.transaction(() => {
    if (!(db.prepare('select 1 from categories limit 1').get())) {
      const ins = db.prepare('insert into categories (uuid, owner_node, version, name, sort_order, created_at, updated_at) values (?, ?, 1, ?, ?, ?, ?)');
      DEFAULT_CATEGORIES.forEach((name, i) => ins.run(uuid(), nodeId, name, i + 1, now, now));
    }
    db.prepare("insert into settings (key, value, updated_at, updated_by) values ('categoriesSeeded', 'true', ?, '系统')").run(now);
  })();
}
