CREATE TABLE `notice_replies` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`notice_id` integer NOT NULL,
	`content` text NOT NULL,
	`replied_on` text NOT NULL,
	`late` integer NOT NULL,
	`recorded_by` text NOT NULL,
	`review_note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_replies_uuid_unique` ON `notice_replies` (`uuid`);--> statement-breakpoint
CREATE INDEX `notice_replies_notice_idx` ON `notice_replies` (`notice_id`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`kind` text NOT NULL,
	`unit_id` integer NOT NULL,
	`target_id` integer,
	`reason` text NOT NULL,
	`source` text,
	`items` text NOT NULL,
	`issued_on` text NOT NULL,
	`working_days` integer NOT NULL,
	`reply_by` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`document_id` integer,
	`state` text NOT NULL,
	`extended_to` text,
	`extension_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "notices_kind_ck" CHECK("notices"."kind" in ('inquiry','supervision','rectification')),
	CONSTRAINT "notices_state_ck" CHECK("notices"."state" in ('issued','replied','accepted','returned','closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_uuid_unique` ON `notices` (`uuid`);--> statement-breakpoint
CREATE INDEX `notices_unit_idx` ON `notices` (`unit_id`);