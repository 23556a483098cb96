CREATE TABLE `staff_postings` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`year` integer NOT NULL,
	`unit_id` integer,
	`listed` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_postings_uuid_unique` ON `staff_postings` (`uuid`);--> statement-breakpoint
CREATE INDEX `staff_postings_year_idx` ON `staff_postings` (`year`);--> statement-breakpoint
ALTER TABLE `objections` ADD `person_id` integer REFERENCES people(id);