CREATE TABLE `admin_costs` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`public_funds` real NOT NULL,
	`three_public` real NOT NULL,
	`staff` integer NOT NULL,
	`budget_public` real,
	`budget_three` real,
	`prior_public` real,
	`prior_three` real,
	`prior_staff` integer,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "admin_costs_figures_ck" CHECK("admin_costs"."public_funds" >= 0 and "admin_costs"."three_public" >= 0 and "admin_costs"."staff" > 0 and "admin_costs"."three_public" <= "admin_costs"."public_funds")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_costs_uuid_unique` ON `admin_costs` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `admin_costs_unit_year_unique` ON `admin_costs` (`unit_id`,`year`) WHERE "admin_costs"."deleted_at" is null;--> statement-breakpoint
CREATE TABLE `approval_records` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`unit_id` integer NOT NULL,
	`case_no` text NOT NULL,
	`item` text NOT NULL,
	`accepted_on` text NOT NULL,
	`completed_on` text,
	`legal_days` integer NOT NULL,
	`promised_days` integer,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "approval_records_limits_ck" CHECK("approval_records"."legal_days" >= 0 and ("approval_records"."promised_days" is null or "approval_records"."promised_days" >= 0)),
	CONSTRAINT "approval_records_dates_ck" CHECK("approval_records"."completed_on" is null or "approval_records"."completed_on" >= "approval_records"."accepted_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approval_records_uuid_unique` ON `approval_records` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `approval_records_case_unique` ON `approval_records` (`unit_id`,`case_no`) WHERE "approval_records"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `approval_records_accepted_idx` ON `approval_records` (`accepted_on`);