CREATE TABLE `objections` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`publication_id` integer NOT NULL,
	`no` integer NOT NULL,
	`raiser_name` text NOT NULL,
	`raiser_unit` text NOT NULL,
	`raiser_contact` text NOT NULL,
	`received_date` text NOT NULL,
	`content` text NOT NULL,
	`unit_id` integer,
	`state` text NOT NULL,
	`investigation` text,
	`outcome` text,
	`answer` text,
	`answered_date` text,
	`answered_by` text,
	`corrections` text,
	`rescore_snapshot_id` integer,
	`registered_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`rescore_snapshot_id`) REFERENCES `score_snapshots`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "objections_state_ck" CHECK("objections"."state" in ('registered','investigating','answered')),
	CONSTRAINT "objections_outcome_ck" CHECK("objections"."outcome" is null or "objections"."outcome" in ('upheld','rejected')),
	CONSTRAINT "objections_answered_ck" CHECK(("objections"."state" = 'answered') = ("objections"."outcome" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `objections_uuid_unique` ON `objections` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `objections_publication_no_unique` ON `objections` (`publication_id`,`no`);--> statement-breakpoint
CREATE INDEX `objections_unit_idx` ON `objections` (`unit_id`);--> statement-breakpoint
CREATE TABLE `publications` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`title` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`working_days` integer NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`state` text NOT NULL,
	`snapshot_id` integer,
	`publicity_document_id` integer,
	`bulletin_document_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`snapshot_id`) REFERENCES `score_snapshots`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`publicity_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`bulletin_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "publications_subject_ck" CHECK("publications"."subject_kind" in ('plan_results','staff_excellent')),
	CONSTRAINT "publications_state_ck" CHECK("publications"."state" in ('open','notified')),
	CONSTRAINT "publications_period_ck" CHECK("publications"."end_date" >= "publications"."start_date" and "publications"."working_days" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publications_uuid_unique` ON `publications` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `publications_subject_unique` ON `publications` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `score_snapshots` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`plan_id` integer NOT NULL,
	`no` integer NOT NULL,
	`data` blob NOT NULL,
	`unit_count` integer NOT NULL,
	`reason` text NOT NULL,
	`incomplete_reason` text,
	`objection_id` integer,
	`made_by` text NOT NULL,
	`made_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "score_snapshots_no_ck" CHECK("score_snapshots"."no" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_snapshots_uuid_unique` ON `score_snapshots` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `score_snapshots_plan_no_unique` ON `score_snapshots` (`plan_id`,`no`);--> statement-breakpoint
-- custom: a frozen result is never rewritten; a correction is a new snapshot (an upheld objection), the old one kept
CREATE TRIGGER `score_snapshots_frozen` BEFORE UPDATE OF `data`, `no`, `plan_id`, `unit_count`, `reason` ON `score_snapshots`
BEGIN
	SELECT RAISE(ABORT, 'score snapshots are frozen');
END;
