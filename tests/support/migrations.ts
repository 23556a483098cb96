import fs from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from './tmp';

/**
 * Copies the committed migrations to `dir` and appends one more, journalled the way
 * drizzle-kit does, so tests can stage "the next release's" migration.
 */
export function withExtraMigration(dir: string, tag: string, sql: string): string {
  const out = path.join(dir, 'migrations');
  fs.cpSync(migrationsFolder, out, { recursive: true });
  const journalFile = path.join(out, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
    entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
  };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  fs.writeFileSync(path.join(out, `${tag}.sql`), sql);
  return out;
}

/** The committed migrations' tags, in order (`0000_foundation`, …). */
export function migrationTags(): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

/** A copy in `dir` of the committed migrations up to and including `tag`: the schema an earlier release left behind. */
export function migrationsUpTo(dir: string, tag: string): string {
  const out = path.join(dir, `migrations-${tag}`);
  fs.cpSync(migrationsFolder, out, { recursive: true });
  const file = path.join(out, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { tag: string }[] };
  const keep = journal.entries.findIndex((e) => e.tag === tag);
  if (keep < 0) throw new Error(`no migration ${tag}`);
  for (const e of journal.entries.slice(keep + 1)) fs.rmSync(path.join(out, `${e.tag}.sql`));
  journal.entries = journal.entries.slice(0, keep + 1);
  fs.writeFileSync(file, JSON.stringify(journal, null, 2));
  return out;
}

/** A table rebuild of `people` as drizzle-kit generates it for a column change on SQLite. */
export const rebuildPeopleSql = `PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE \`__new_people\` (
	\`id\` integer PRIMARY KEY NOT NULL,
	\`uuid\` text NOT NULL,
	\`owner_node\` text NOT NULL,
	\`version\` integer DEFAULT 1 NOT NULL,
	\`name\` text NOT NULL,
	\`unit_id\` integer NOT NULL,
	\`post\` text,
	\`rank\` text,
	\`is_leader\` integer DEFAULT false NOT NULL,
	\`is_unit_head\` integer DEFAULT false NOT NULL,
	\`phone\` text,
	\`id_number\` text,
	\`active\` integer DEFAULT true NOT NULL,
	\`remark\` text DEFAULT '' NOT NULL,
	\`created_at\` integer NOT NULL,
	\`updated_at\` integer NOT NULL,
	FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO \`__new_people\`("id", "uuid", "owner_node", "version", "name", "unit_id", "post", "rank", "is_leader",
"is_unit_head", "phone", "id_number", "active", "created_at", "updated_at") SELECT "id", "uuid", "owner_node",
"version", "name", "unit_id", "post", "rank", "is_leader", "is_unit_head", "phone", "id_number", "active",
"created_at", "updated_at" FROM \`people\`;--> statement-breakpoint
DROP TABLE \`people\`;--> statement-breakpoint
ALTER TABLE \`__new_people\` RENAME TO \`people\`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX \`people_uuid_unique\` ON \`people\` (\`uuid\`);--> statement-breakpoint
CREATE INDEX \`people_unit_idx\` ON \`people\` (\`unit_id\`);--> statement-breakpoint
CREATE INDEX \`people_name_idx\` ON \`people\` (\`name\`);`;
