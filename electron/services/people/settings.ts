import type { z } from 'zod';
import type { staffSettings } from '../../contract/channels/staff';
import { readSetting, writeSetting } from '../../../db/repos/settings';
import type { AppDb } from '../../../db';

export type StaffSettings = z.output<typeof staffSettings>;

/** 优秀 within 20 % of those assessed (2020 rules); 90 training hours a year is the common requirement. */
export const defaultStaffSettings: StaffSettings = {
  excellentShare: 20,
  byUnitGrade: false,
  movedUnit: 'longest',
  trainingHours: 90,
};

const KEY = 'staffAssessment';

export const readStaffSettings = (db: AppDb): StaffSettings => ({
  ...defaultStaffSettings,
  ...readSetting<Partial<StaffSettings>>(db, KEY, {}),
});

export const writeStaffSettings = (db: AppDb, s: StaffSettings, by: string, at: number) =>
  writeSetting(db, KEY, s, by, at);
