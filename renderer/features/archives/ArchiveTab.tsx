import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { archiveSection } from '../../../electron/vocab';
import { act } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { downloadBase64, XLSX_MIME } from '../../api/files';
import { PersonPicker } from './PersonPicker';

type Line = ChannelOutput<'people.archive'>['lines'][number];
const archiveSections = archiveSection.values.map((key) => ({ key, title: archiveSection.labels[key] }));
const sectionTitle = new Map(archiveSections.map((s) => [s.key, s.title]));
const sectionColor: Record<string, string> = {
  post: 'blue',
  grade: 'green',
  honour: 'gold',
  accountability: 'red',
  audit: 'purple',
  complaint: 'volcano',
  training: 'cyan',
};
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 人员档案: one person's page — posts, grades, decisions, trainings, honours — each line with its record. */
export function ArchiveTab() {
  const { message } = App.useApp();
  const [personId, setPersonId] = useState<number | null>(null);
  const [section, setSection] = useState<string | null>(null);
  const a = useCall('people.archive', { personId: personId ?? 0 }, { enabled: personId !== null });
  const d = personId !== null ? a.data : undefined;
  const exportAs = async (format: 'xlsx' | 'docx') => {
    const f = await act(message, 'people.archiveExport', { personId: personId!, format });
    if (f) downloadBase64(f.fileName, f.base64, format === 'xlsx' ? XLSX_MIME : DOCX_MIME);
  };
  const lines = d ? d.lines.filter((l) => !section || l.section === section) : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <PersonPicker value={personId} onChange={setPersonId} data-testid="archive-person" />
        {d && (
          <>
            <Button icon={<FileWordOutlined />} onClick={() => void exportAs('docx')} data-testid="archive-docx">
              档案摘要（Word）
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => void exportAs('xlsx')}>
              导出 Excel
            </Button>
          </>
        )}
      </Space>
      {personId === null && <Empty description="请查找并选择一名人员，查看其档案" />}
      {a.error && personId !== null && <Alert type="error" showIcon message={a.error} />}
      {d && (
        <Card size="small" title={`${d.person.name}的档案`} data-testid="archive-card">
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="单位">{d.person.unitName}</Descriptions.Item>
            <Descriptions.Item label="职务">{d.person.post ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="职级">{d.person.rank ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="人员编号">{d.person.code ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{d.person.idNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="状态">{d.person.active ? '在职' : '已停用'}</Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag.CheckableTag checked={section === null} onChange={() => setSection(null)}>
              全部（{d.lines.length}）
            </Tag.CheckableTag>
            {archiveSections.map((s) => {
              const n = d.lines.filter((l) => l.section === s.key).length;
              return n ? (
                <Tag.CheckableTag key={s.key} checked={section === s.key} onChange={() => setSection(s.key)}>
                  {s.title}（{n}）
                </Tag.CheckableTag>
              ) : null;
            })}
          </Space>
          {d.hidden > 0 && <Alert type="info" showIcon message={`另有 ${d.hidden} 条问责案件内容，按权限不显示。`} />}
          <Table<Line>
            size="small"
            rowKey={(l) => `${l.source.kind}:${l.source.uuid}:${l.section}:${l.title}`}
            dataSource={lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="archive-lines"
            columns={[
              { title: '日期', dataIndex: 'date', width: 110 },
              {
                title: '类别',
                dataIndex: 'section',
                width: 150,
                render: (s: string) => <Tag color={sectionColor[s]}>{sectionTitle.get(s as Line['section'])}</Tag>,
              },
              { title: '事项', dataIndex: 'title' },
              { title: '情况', dataIndex: 'detail' },
              {
                title: '来源记录',
                key: 'source',
                width: 220,
                render: (_, l) => (
                  <span title={`${l.source.kind} ${l.source.uuid}`}>
                    {l.source.label}
                    {l.restricted && <Tag style={{ marginLeft: 4 }}>案件内容</Tag>}
                  </span>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
