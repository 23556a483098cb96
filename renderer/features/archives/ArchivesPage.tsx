import { Tabs } from 'antd';
import { useState } from 'react';
import { ArchiveTab } from './ArchiveTab';
import { AssessmentTab } from './AssessmentTab';
import { MeasuresTab } from './MeasuresTab';
import { TrainingTab } from './TrainingTab';

/** 档案: the person archive, the civil servants' annual assessment, the register of measures, training. */
export function ArchivesPage() {
  const [tab, setTab] = useState('archive');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      destroyOnHidden
      items={[
        { key: 'archive', label: '人员档案', children: <ArchiveTab /> },
        { key: 'assessment', label: '年度考核', children: <AssessmentTab /> },
        { key: 'measures', label: '处分与组织处理登记', children: <MeasuresTab /> },
        { key: 'training', label: '培训', children: <TrainingTab /> },
      ]}
    />
  );
}
