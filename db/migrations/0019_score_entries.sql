CREATE TABLE `score_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`plan_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`target_id` integer,
	`kind` text NOT NULL,
	`rate` real,
	`grade` text,
	`occurrences` integer,
	`vetoed` integer,
	`points` real,
	`note` text DEFAULT '' NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "score_entries_kind_ck" CHECK("score_entries"."kind" in ('entered','self')),
	CONSTRAINT "score_entries_one_input_ck" CHECK(("score_entries"."rate" is not null) + ("score_entries"."grade" is not null) + ("score_entries"."occurrences" is not null) + ("score_entries"."vetoed" is not null) + ("score_entries"."points" is not null) = 1),
	CONSTRAINT "score_entries_rate_ck" CHECK("score_entries"."rate" is null or ("score_entries"."rate" >= 0 and "score_entries"."rate" <= 1000)),
	CONSTRAINT "score_entries_grade_ck" CHECK("score_entries"."grade" is null or "score_entries"."grade" in ('A','B','C','D')),
	CONSTRAINT "score_entries_occurrences_ck" CHECK("score_entries"."occurrences" is null or "score_entries"."occurrences" >= 0),
	CONSTRAINT "score_entries_points_ck" CHECK("score_entries"."points" is null or ("score_entries"."points" >= 0 and "score_entries"."points" <= 1000))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_entries_uuid_unique` ON `score_entries` (`uuid`);--> statement-breakpoint
CREATE INDEX `score_entries_plan_idx` ON `score_entries` (`plan_id`,`indicator_id`);--> statement-breakpoint
CREATE TABLE `score_sheets` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`plan_id` integer NOT NULL,
	`body` text NOT NULL,
	`state` text NOT NULL,
	`return_reason` text,
	`submitted_at` integer,
	`submitted_by` text,
	`returned_at` integer,
	`returned_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "score_sheets_state_ck" CHECK("score_sheets"."state" in ('draft','submitted','returned'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_sheets_uuid_unique` ON `score_sheets` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `score_sheets_plan_body_unique` ON `score_sheets` (`plan_id`,`body`);--> statement-breakpoint
-- custom: one live-or-tombstoned entry per cell (plan × indicator × unit × target, per kind); drizzle-kit cannot write an expression index
CREATE UNIQUE INDEX `score_entries_cell_unique` ON `score_entries` (`plan_id`,`indicator_id`,`unit_id`,coalesce(`target_id`, 0),`kind`);
