CREATE TABLE `rectifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`unit_id` integer NOT NULL,
	`notice_id` integer,
	`item` text NOT NULL,
	`deadline` text NOT NULL,
	`state` text NOT NULL,
	`done_on` text,
	`done_note` text,
	`verified_on` text,
	`verified_by` text,
	`verify_note` text,
	`escalated_at` integer,
	`escalate_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "rectifications_state_ck" CHECK("rectifications"."state" in ('open','done','verified'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rectifications_uuid_unique` ON `rectifications` (`uuid`);--> statement-breakpoint
CREATE INDEX `rectifications_unit_idx` ON `rectifications` (`unit_id`);