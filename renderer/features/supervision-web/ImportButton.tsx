import { Button } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { useCan } from '../../app/can';
import { ImportWizard, type ImportKind } from '../../shared/ImportWizard';

/** 导入 Excel of a register (audits, transfers, joint meetings): the complaints' wizard, template to import. */
const kinds: Record<'audits' | 'transfers' | 'meetings', ImportKind> = {
  audits: {
    label: '审计发现',
    keyLabel: '报告文号 / 审计期间',
    preview: (f) => call('audits.importPreview', f),
    errors: (f) => call('audits.importErrors', f),
    commit: 'audits.import',
    template: () => call('audits.template', {}),
  },
  transfers: {
    label: '移送处理',
    keyLabel: '移送日期',
    preview: (f) => call('transfers.importPreview', f),
    errors: (f) => call('transfers.importErrors', f),
    commit: 'transfers.import',
    template: () => call('transfers.template', {}),
  },
  meetings: {
    label: '联席会议',
    keyLabel: '会议日期',
    preview: (f) => call('meetings.importPreview', f),
    errors: (f) => call('meetings.importErrors', f),
    commit: 'meetings.import',
    template: () => call('meetings.template', {}),
  },
};

export function ImportButton({ register }: { register: keyof typeof kinds }) {
  const can = useCan();
  const [open, setOpen] = useState(false);
  const kind = kinds[register];
  if (!can(kind.commit)) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>导入 Excel</Button>
      {open && <ImportWizard kind={kind} open onClose={() => setOpen(false)} />}
    </>
  );
}
