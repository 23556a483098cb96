import start from './01-start.md?raw';
import org from './02-org.md?raw';
import targets from './03-targets.md?raw';
import progress from './04-progress.md?raw';
import scoring from './05-scoring.md?raw';
import dashboard from './06-dashboard.md?raw';
import settings from './07-settings.md?raw';
import audit from './08-audit.md?raw';
import quickStart from './quick-start.md?raw';

/** The guide's chapters in reading order, bundled into the app so it opens without any network. */
export const guideChapters: { key: string; text: string }[] = [
  { key: 'start', text: start },
  { key: 'org', text: org },
  { key: 'targets', text: targets },
  { key: 'progress', text: progress },
  { key: 'scoring', text: scoring },
  { key: 'dashboard', text: dashboard },
  { key: 'settings', text: settings },
  { key: 'audit', text: audit },
];

export const quickStartText = quickStart;
