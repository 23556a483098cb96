/**
 * What the registers know of a person, in the shapes the people module (#19) reads: the measures that constrain a
 * grade or a promotion, and the lines of the person's archive. Accountability (#17) and the supervision registers
 * (#18) each provide theirs; the people module gathers them (electron/services/people/ keeps the list of sources),
 * so a register added later plugs in without the people module changing.
 */

/** A link to the record a fact came from: its kind (a register's name for it), UUID and how a list shows it. */
export interface RecordLink {
  kind: string;
  uuid: string;
  label: string;
}

/**
 * A measure taken on a person: an accountability decision's form, a 政务处分, a 党纪处分, 组织处理 … `measure` is
 * the measure's name exactly as the rule tables list it (e.g. 诫勉, 记过, 免职, 党内警告), so the grade rules find
 * it. `underInvestigation` marks an open case on the person instead of a decided measure (graded after it closes).
 */
export interface PersonMeasure {
  personId: number;
  measure: string;
  /** The day it was decided (YYYY-MM-DD); the day the case was opened for an investigation. */
  decidedOn: string;
  /** The last day of its 影响期, when it has one (YYYY-MM-DD). */
  effectUntil: string | null;
  /** The deciding body. */
  body: string;
  underInvestigation: boolean;
  source: RecordLink;
}

export type ArchiveSection = 'post' | 'grade' | 'accountability' | 'audit' | 'complaint' | 'training' | 'honour';

/** One line of a person's archive, linked to its record. */
export interface ArchiveLine {
  personId: number;
  section: ArchiveSection;
  date: string;
  title: string;
  detail: string;
  /** Case content: shown only to the roles that may read cases (evaluator, leader). */
  restricted: boolean;
  source: RecordLink;
}
