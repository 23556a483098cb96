import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useEffect } from 'react';
import { quickStartText } from '../../guide';
import { MarkdownBlocks } from './Markdown';
import { parseMarkdown } from './markdown';
import './quick-start.css';

const blocks = parseMarkdown(quickStartText);

/** The one-page quick start: a sheet the width of A4's printable area, printed as soon as it opens. */
export function QuickStartPage({ onBack }: { onBack: () => void }) {
  useEffect(() => {
    // after the sheet is painted, so the print dialog takes a picture of it
    const t = requestAnimationFrame(() => window.print());
    return () => cancelAnimationFrame(t);
  }, []);
  return (
    <div className="kaoping-quickstart-page">
      <Space className="kaoping-noprint" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="quick-start-back">
          返回帮助
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      <article className="kaoping-quickstart" data-testid="quick-start">
        <MarkdownBlocks blocks={blocks} />
      </article>
    </div>
  );
}
