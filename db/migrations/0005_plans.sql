CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`plan_id` integer NOT NULL,
	`parent_id` integer,
	`is_group` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`points` real DEFAULT 0 NOT NULL,
	`method` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`standard` text DEFAULT '' NOT NULL,
	`scoring_body` text DEFAULT '' NOT NULL,
	`category_ids` text DEFAULT '[]' NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`parent_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "indicators_points_ck" CHECK("indicators"."points" >= 0),
	CONSTRAINT "indicators_kind_ck" CHECK("indicators"."kind" in ('common','specific','bonus','deduction','veto'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_uuid_unique` ON `indicators` (`uuid`);--> statement-breakpoint
CREATE INDEX `indicators_plan_idx` ON `indicators` (`plan_id`);--> statement-breakpoint
CREATE TABLE `letters` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`plan_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`document_id` integer,
	`model` text,
	`signed_date` text,
	`party_a_signer` text,
	`party_b_signer` text,
	`signed_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "letters_signed_ck" CHECK(("letters"."signed_date" is null) = ("letters"."party_b_signer" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letters_uuid_unique` ON `letters` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `letters_plan_unit_unique` ON `letters` (`plan_id`,`unit_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`year` integer NOT NULL,
	`level` text NOT NULL,
	`title` text NOT NULL,
	`total_points` real NOT NULL,
	`state` text NOT NULL,
	`basis` text DEFAULT '' NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`copied_from` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`copied_from`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "plans_state_ck" CHECK("plans"."state" in ('draft','published','signed','scoring','results','closed')),
	CONSTRAINT "plans_total_ck" CHECK("plans"."total_points" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_uuid_unique` ON `plans` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `plans_year_level_unique` ON `plans` (`year`,`level`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`plan_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`content` text NOT NULL,
	`target_value` text,
	`measure_unit` text,
	`points` real DEFAULT 0 NOT NULL,
	`milestones` text DEFAULT '[]' NOT NULL,
	`leader_id` integer,
	`lead_unit_id` integer,
	`partner_unit_ids` text DEFAULT '[]' NOT NULL,
	`is_key` integer DEFAULT false NOT NULL,
	`is_major` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`leader_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`lead_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "targets_points_ck" CHECK("targets"."points" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_uuid_unique` ON `targets` (`uuid`);--> statement-breakpoint
CREATE INDEX `targets_plan_unit_idx` ON `targets` (`plan_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `targets_indicator_idx` ON `targets` (`indicator_id`);