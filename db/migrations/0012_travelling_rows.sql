-- Every exchanged table gets a tombstone (deleted_at) and created_at/updated_at, written only by
-- db/records.ts. The calendar becomes exchanged (owned by the level that issues it): it is rebuilt,
-- which is safe because no table refers to it; db/migrate.ts switches foreign keys off outside the
-- transaction and checks them afterwards, so no rebuild can cascade. Columns added to a filled table
-- need a default in SQLite (DEFAULT 0); the backfill sets the real times.
DROP INDEX `categories_name_unique`;--> statement-breakpoint
ALTER TABLE `categories` ADD `deleted_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `categories_name_unique` ON `categories` (`name`) WHERE "categories"."deleted_at" is null;--> statement-breakpoint
CREATE TABLE `__new_calendar_days` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "calendar_days_kind_ck" CHECK("__new_calendar_days"."kind" in ('holiday','workday')),
	CONSTRAINT "calendar_days_date_ck" CHECK("__new_calendar_days"."date" glob '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
INSERT INTO `__new_calendar_days`("uuid", "owner_node", "version", "deleted_at", "date", "kind", "note", "updated_by", "created_at", "updated_at") SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))), coalesce((select id from nodes where is_self = 1), ''), 1, null, "date", "kind", "note", "updated_by", "updated_at", "updated_at" FROM `calendar_days` order by "date";--> statement-breakpoint
DROP TABLE `calendar_days`;--> statement-breakpoint
ALTER TABLE `__new_calendar_days` RENAME TO `calendar_days`;--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_days_uuid_unique` ON `calendar_days` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_days_date_unique` ON `calendar_days` (`date`);--> statement-breakpoint
ALTER TABLE `people` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `person_posts` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `units` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `created_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE `documents` ADD `updated_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `documents` SET `created_at` = `made_at`, `updated_at` = `made_at`;--> statement-breakpoint
ALTER TABLE `indicators` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `letters` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `plans` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `progress_reports` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `report_attachments` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `report_attachments` ADD `created_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE `report_attachments` ADD `updated_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `report_attachments` SET `created_at` = `added_at`, `updated_at` = `added_at`;--> statement-breakpoint
ALTER TABLE `notice_replies` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `notices` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `rectifications` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `reply_attachments` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `reply_attachments` ADD `created_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE `reply_attachments` ADD `updated_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `reply_attachments` SET `created_at` = `added_at`, `updated_at` = `added_at`;--> statement-breakpoint
ALTER TABLE `checks` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `findings` ADD `deleted_at` integer;--> statement-breakpoint
-- letters took their UUID from randomblob (32 hex digits); give them the form every other record has
UPDATE `letters` SET `uuid` = substr(`uuid`, 1, 8) || '-' || substr(`uuid`, 9, 4) || '-4' || substr(`uuid`, 14, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(`uuid`, 18, 3) || '-' || substr(`uuid`, 21, 12) WHERE `uuid` NOT LIKE '%-%';