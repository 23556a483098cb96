import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';

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

const withCounts =
  `select ${unitCols}, (select count(*) from people p where p.unit_id = u.id and p.active = 1) ` +
  `as people from units u`;

export function listUnitsWithCounts(db: Database.Database) {
  return (db.prepare(`${withCounts} order by u.sort_order, u.code`).all() as (UnitRecord & { people: number })[]).map(
    fixUnit,
  );
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

/** An active unit directly below this one, if any (a unit is stopped only after its children). */
export const activeChildUnit = (db: Database.Database, parentId: number) =>
  db.prepare('select name from units where parent_id = ? and active = 1 limit 1').get(parentId) as
    { name: string } | undefined;

/** The unit and every unit below it. */
export function subtreeIds(db: Database.Database, id: number): number[] {
  return (
    db
      .prepare(
        `with recursive t(id) as (select ? union all select u.id from units u join t on u.parent_id = t.id) ` +
          `select id from t`,
      )
      .all(id) as { id: number }[]
  ).map((r) => r.id);
}

export interface UnitFacts {
  unitId: number;
  code: string;
  name: string;
  categoryId: number | null;
  categoryName: string | null;
  head: { name: string; post: string | null } | null;
}

/** What a letter prints about units: code, name, category and the unit head (the first active one). */
export function unitFacts(sqlite: Database.Database, unitIds?: number[]): UnitFacts[] {
  const where = unitIds ? `where u.id in (${unitIds.map(() => '?').join(',') || 'null'})` : '';
  const rows = sqlite
    .prepare(
      `select u.id as unitId, u.code, u.name, u.category_id as categoryId, c.name as categoryName, h.name as headName,
        h.post as headPost
       from units u left join categories c on c.id = u.category_id
       left join people h on h.id = (select p.id from people p where p.unit_id = u.id and p.is_unit_head = 1 and
       p.active = 1 order by p.id limit 1)
       ${where} order by u.sort_order, u.code`,
    )
    .all(...(unitIds ?? [])) as (Omit<UnitFacts, 'head'> & { headName: string | null; headPost: string | null })[];
  return rows.map(({ headName, headPost, ...r }) => ({
    ...r,
    head: headName ? { name: headName, post: headPost } : null,
  }));
}

export interface PersonRecord {
  id: number;
  uuid: string;
  code: string | null;
  name: string;
  unitId: number;
  unitName: string;
  /** The unit's parent, below the top of the tree (乡镇 of a 财政所): many units share a name. */
  parentUnitName: string | null;
  post: string | null;
  rank: string | null;
  isLeader: boolean;
  isUnitHead: boolean;
  phone: string | null;
  idNumber: string | null;
  active: boolean;
  version: number;
}

const personCols = `p.id, p.uuid, p.code, p.name, p.unit_id as unitId, u.name as unitName,
  (select pu.name from units pu where pu.id = u.parent_id and pu.parent_id is not null) as parentUnitName,
  p.post, p.rank,
  p.is_leader as isLeader, p.is_unit_head as isUnitHead, p.phone, p.id_number as idNumber, p.active, p.version`;

const fixPerson = (r: PersonRecord): PersonRecord => ({
  ...r,
  isLeader: !!r.isLeader,
  isUnitHead: !!r.isUnitHead,
  active: !!r.active,
});

export function personById(db: Database.Database, id: number): PersonRecord | undefined {
  const r = db.prepare(`select ${personCols} from people p join units u on u.id = p.unit_id where p.id = ?`).get(id) as
    PersonRecord | undefined;
  return r && fixPerson(r);
}

/** Who holds a 人员编号 (codes are unique when given). */
export const personWithCode = (db: Database.Database, code: string) =>
  db.prepare('select id, name from people where code = ?').get(code) as { id: number; name: string } | undefined;

/** Active people in brief, for imports that match leaders by name or code. */
export const activePeople = (db: Database.Database) =>
  db.prepare('select id, name, code, unit_id as unitId from people where active = 1').all() as {
    id: number;
    name: string;
    code: string | null;
    unitId: number;
  }[];

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
      .prepare(
        `select ${personCols} from people p join units u on u.id = p.unit_id ${w} order by u.sort_order, u.code, ` +
          `p.is_unit_head desc, p.is_leader desc, p.id limit ? offset ?`,
      )
      .all(...args, q.limit, q.offset) as PersonRecord[]
  ).map(fixPerson);
  return { total, rows };
}

export function allPeople(db: Database.Database, unitIds?: number[]): PersonRecord[] {
  const w = unitIds ? `where p.unit_id in (select value from json_each(?))` : '';
  const args = unitIds ? [JSON.stringify(unitIds)] : [];
  return (
    db
      .prepare(
        `select ${personCols} from people p join units u on u.id = p.unit_id ${w} order by u.sort_order, u.code, p.id`,
      )
      .all(...args) as PersonRecord[]
  ).map(fixPerson);
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
      `select pp.id, pp.unit_id as unitId, u.name as unitName, pp.post, pp.duties, pp.from_date as fromDate,
        pp.to_date as toDate
       from person_posts pp join units u on u.id = pp.unit_id where pp.person_id = ? order by pp.from_date desc,
       pp.id desc`,
    )
    .all(personId) as PostRecord[];
}

/**
 * Every person's current duties and since when, in one query, for imports and exports that compare thousands of people.
 */
export function currentPosts(db: Database.Database): Map<number, { duties: string; fromDate: string }> {
  const rows = db
    .prepare('select person_id as id, duties, from_date as fromDate from person_posts where to_date is null')
    .all() as { id: number; duties: string; fromDate: string }[];
  return new Map(rows.map((p) => [p.id, p]));
}

export const currentDuties = (db: Database.Database): Map<number, string> =>
  new Map([...currentPosts(db)].map(([id, p]) => [id, p.duties]));

export function currentPost(db: Database.Database, personId: number): PostRecord | undefined {
  return postsOf(db, personId).find((p) => p.toDate === null);
}

export const DEFAULT_CATEGORIES = ['党群部门', '政府工作部门', '乡镇街道', '垂直管理单位'];

/** The usual assessment categories, put in once on a new installation; the office edits them after. */
export function seedCategories(db: Database.Database, w: RecordWriter): void {
  const seeded = db.prepare("select 1 from settings where key = 'categoriesSeeded'").get();
  if (seeded) return;
  db.transaction(() => {
    if (!db.prepare('select 1 from categories limit 1').get()) {
      DEFAULT_CATEGORIES.forEach((name, i) => w.insert('categories', { name, sort_order: i + 1 }));
    }
    db.prepare(
      "insert into settings (key, value, updated_at, updated_by) values ('categoriesSeeded', 'true', ?, '系统')",
    ).run(w.now);
  })();
}

// ---- writes (through the one write path) ----

export interface UnitRow {
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitRecord['kind'];
  parentId: number | null;
  categoryId: number | null;
  sortOrder: number;
  active: boolean;
}

const unitValues = (u: UnitRow) => ({
  code: u.code,
  name: u.name,
  short_name: u.shortName,
  kind: u.kind,
  parent_id: u.parentId,
  category_id: u.categoryId,
  sort_order: u.sortOrder,
  active: u.active,
});

export const insertUnitRow = (w: RecordWriter, u: UnitRow) => w.insert('units', unitValues(u));
export const updateUnitRow = (w: RecordWriter, id: number, u: UnitRow) => w.update('units', id, unitValues(u));

export interface PersonRow {
  code: string | null;
  name: string;
  unitId: number;
  post: string | null;
  rank: string | null;
  isLeader: boolean;
  isUnitHead: boolean;
  phone: string | null;
  idNumber: string | null;
  active: boolean;
}

const personValues = (p: PersonRow) => ({
  code: p.code,
  name: p.name,
  unit_id: p.unitId,
  post: p.post,
  rank: p.rank,
  is_leader: p.isLeader,
  is_unit_head: p.isUnitHead,
  phone: p.phone,
  id_number: p.idNumber,
  active: p.active,
});

export const insertPersonRow = (w: RecordWriter, p: PersonRow) => w.insert('people', personValues(p));
export const updatePersonRow = (w: RecordWriter, id: number, p: PersonRow) => w.update('people', id, personValues(p));

export const openPostRow = (
  w: RecordWriter,
  p: { personId: number; unitId: number; post: string; duties: string; fromDate: string },
) =>
  w.insert('person_posts', {
    person_id: p.personId,
    unit_id: p.unitId,
    post: p.post,
    duties: p.duties,
    from_date: p.fromDate,
    to_date: null,
  });
export const closePostRow = (w: RecordWriter, id: number, toDate: string) =>
  w.update('person_posts', id, { to_date: toDate });
export const setPostDuties = (w: RecordWriter, id: number, duties: string) => w.update('person_posts', id, { duties });

export const saveCategoryRow = (w: RecordWriter, id: number | undefined, c: { name: string; sortOrder?: number }) =>
  id
    ? w.update('categories', id, { name: c.name, sort_order: c.sortOrder }) && id
    : w.insert('categories', { name: c.name, sort_order: c.sortOrder ?? 0 });
export const removeCategoryRow = (w: RecordWriter, id: number) => w.remove('categories', id);

export const categoryRows = (db: Database.Database) =>
  db
    .prepare(
      `select c.id, c.name, c.sort_order as sortOrder, (select count(*) from units u where u.category_id = c.id) as
        units
       from categories c where c.deleted_at is null order by c.sort_order, c.id`,
    )
    .all() as { id: number; name: string; sortOrder: number; units: number }[];
export const categoryByName = (db: Database.Database, name: string) =>
  db.prepare('select id from categories where name = ? and deleted_at is null').get(name) as { id: number } | undefined;

export const activeUnitIds = (db: Database.Database) =>
  new Set(
    (db.prepare('select id from units where active = 1 and deleted_at is null').all() as { id: number }[]).map(
      (r) => r.id,
    ),
  );
export const activePersonIds = (db: Database.Database) =>
  new Set(
    (db.prepare('select id from people where active = 1 and deleted_at is null').all() as { id: number }[]).map(
      (r) => r.id,
    ),
  );
export const categoryName = (db: Database.Database, id: number) =>
  db.prepare('select name from categories where id = ? and deleted_at is null').get(id) as { name: string } | undefined;
export const activeUnitsOfCategory = (db: Database.Database, categoryId: number) =>
  (
    db.prepare('select id from units where category_id = ? and active = 1 and deleted_at is null').all(categoryId) as {
      id: number;
    }[]
  ).map((r) => r.id);
