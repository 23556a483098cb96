CREATE TABLE `clues` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`source_kind` text NOT NULL,
	`source_uuid` text,
	`source_label` text NOT NULL,
	`unit_id` integer,
	`person_id` integer,
	`summary` text NOT NULL,
	`received_on` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`assessment` text,
	`case_uuid` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "clues_source_kind_ck" CHECK("clues"."source_kind" in ('rectification','notice','finding','score','complaint','audit_finding','transfer','joint_meeting','incident_review','manual')),
	CONSTRAINT "clues_state_ck" CHECK("clues"."state" in ('pending','filed','merged','closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clues_uuid_unique` ON `clues` (`uuid`);--> statement-breakpoint
CREATE INDEX `clues_source_idx` ON `clues` (`source_kind`,`source_uuid`);