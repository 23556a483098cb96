import { Tabs } from 'antd';
import { useState } from 'react';
import { CaseDrawer } from './CaseDrawer';
import { CasesTab } from './CasesTab';
import { CluesTab } from './CluesTab';
import { IncidentReviewsTab } from './IncidentReviewsTab';
import { StatsTab } from './StatsTab';

/**
 * 责任追究: clues and their assessment, cases from 立案 to 归档, the major-incident reviews, statistics and the
 * yearly 通报.
 */
export function CasesPage() {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <Tabs
        items={[
          { key: 'clues', label: '问责线索', children: <CluesTab onOpenCase={setOpen} /> },
          { key: 'cases', label: '问责案件', children: <CasesTab onOpen={setOpen} /> },
          { key: 'incidents', label: '事故责任检讨', children: <IncidentReviewsTab /> },
          { key: 'stats', label: '统计与通报', children: <StatsTab /> },
        ]}
      />
      {open !== null && <CaseDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
