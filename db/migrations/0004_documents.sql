CREATE TABLE `doc_sequences` (
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`last_seq` integer NOT NULL,
	PRIMARY KEY(`prefix`, `year`),
	CONSTRAINT "doc_sequences_seq_ck" CHECK("doc_sequences"."last_seq" >= 0)
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`kind` text NOT NULL,
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`subject` text,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`made_by` text NOT NULL,
	`made_at` integer NOT NULL,
	`voided_at` integer,
	`voided_by` text,
	`void_reason` text,
	CONSTRAINT "documents_void_ck" CHECK(("documents"."voided_at" is null) = ("documents"."void_reason" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_uuid_unique` ON `documents` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_number_unique` ON `documents` (`prefix`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `documents_subject_idx` ON `documents` (`subject`);