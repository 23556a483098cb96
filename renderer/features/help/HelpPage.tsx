import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, Menu, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { guideChapters } from '../../guide';
import { MarkdownBlocks } from './Markdown';
import { searchSections, sectionsOf } from './markdown';

const sections = sectionsOf(guideChapters);

/** The built-in guide: contents on the left, a search that narrows the sections and marks the words, the text. */
export function HelpPage({ onQuickStart }: { onQuickStart: () => void }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => searchSections(sections, query), [query]);
  const chapters = [...new Set(shown.map((s) => s.chapter))];

  return (
    <Row gutter={24} wrap={false}>
      <Col flex="240px" className="kaoping-noprint">
        <Menu
          mode="inline"
          selectable={false}
          data-testid="help-toc"
          style={{ position: 'sticky', top: 0 }}
          items={chapters.map((c) => ({
            key: c,
            label: c,
            type: 'group',
            children: shown
              .filter((s) => s.chapter === c)
              .map((s) => ({ key: s.id, label: s.title === c ? '概述' : s.title })),
          }))}
          onClick={({ key }) => document.getElementById(key)?.scrollIntoView({ block: 'start' })}
        />
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            placeholder="搜索帮助，例如：异议、备份、导入"
            style={{ width: 360 }}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="help-search"
          />
          <Button icon={<PrinterOutlined />} onClick={onQuickStart} data-testid="help-quick-start">
            打印快速入门
          </Button>
          {query.trim() && <Typography.Text type="secondary">找到 {shown.length} 节</Typography.Text>}
        </Space>
        {shown.length === 0 && <Empty description={`没有找到“${query.trim()}”，请换一个词。`} />}
        {shown.map((s) => (
          <Card
            key={s.id}
            id={s.id}
            size="small"
            style={{ marginBottom: 16 }}
            title={s.title === s.chapter ? s.chapter : `${s.chapter} · ${s.title}`}
            data-testid="help-section"
          >
            <MarkdownBlocks blocks={s.blocks} query={query} />
          </Card>
        ))}
      </Col>
    </Row>
  );
}
