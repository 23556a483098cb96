CREATE TABLE `staff_assessments` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`round_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`in_scope` integer,
	`out_reason` text,
	`proposed_grade` text,
	`comment` text DEFAULT '' NOT NULL,
	`final_grade` text,
	`no_grade_note` text,
	`rule_table_id` integer,
	`rule_version` integer,
	`graded_by` text,
	`graded_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `staff_rounds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`rule_table_id`) REFERENCES `rule_tables`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "staff_assessments_proposed_ck" CHECK("staff_assessments"."proposed_grade" is null or "staff_assessments"."proposed_grade" in ('excellent','competent','basic','incompetent','none')),
	CONSTRAINT "staff_assessments_final_ck" CHECK("staff_assessments"."final_grade" is null or "staff_assessments"."final_grade" in ('excellent','competent','basic','incompetent','none'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_assessments_uuid_unique` ON `staff_assessments` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_assessments_round_person_unique` ON `staff_assessments` (`round_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `staff_assessments_person_idx` ON `staff_assessments` (`person_id`);--> statement-breakpoint
CREATE TABLE `staff_measures` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`person_id` integer NOT NULL,
	`category` text NOT NULL,
	`measure` text NOT NULL,
	`body` text NOT NULL,
	`decided_on` text NOT NULL,
	`effect_until` text,
	`doc_no` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "staff_measures_category_ck" CHECK("staff_measures"."category" in ('party','government','organisational','accountability','other')),
	CONSTRAINT "staff_measures_period_ck" CHECK("staff_measures"."effect_until" is null or "staff_measures"."effect_until" >= "staff_measures"."decided_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_measures_uuid_unique` ON `staff_measures` (`uuid`);--> statement-breakpoint
CREATE INDEX `staff_measures_person_idx` ON `staff_measures` (`person_id`);--> statement-breakpoint
CREATE TABLE `staff_rounds` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`year` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`unit_grade` text,
	`confirmed_at` integer,
	`confirmed_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_rounds_uuid_unique` ON `staff_rounds` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_rounds_year_unit_unique` ON `staff_rounds` (`year`,`unit_id`);--> statement-breakpoint
CREATE TABLE `training_attendance` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`training_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`hours` real NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "training_attendance_hours_ck" CHECK("training_attendance"."hours" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_attendance_uuid_unique` ON `training_attendance` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_attendance_unique` ON `training_attendance` (`training_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `training_attendance_person_idx` ON `training_attendance` (`person_id`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`organizer` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`hours` real NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "trainings_category_ck" CHECK("trainings"."category" in ('integrity','ethics','skills','law','finance')),
	CONSTRAINT "trainings_dates_ck" CHECK("trainings"."end_date" >= "trainings"."start_date" and "trainings"."hours" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trainings_uuid_unique` ON `trainings` (`uuid`);