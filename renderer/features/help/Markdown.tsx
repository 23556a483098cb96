import { Image, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type Block, imageUrl, splitMatches } from './markdown';

/** Inline text: **bold** and the search's matches marked. */
function Inline({ text, query }: { text: string; query: string }) {
  const parts = text.split('**');
  return (
    <>
      {parts.map((p, i) => {
        const marked = splitMatches(p, query).map((piece, k) =>
          k % 2 === 1 ? (
            <mark key={k} data-testid="help-match">
              {piece}
            </mark>
          ) : (
            piece
          ),
        );
        return i % 2 === 1 ? <strong key={i}>{marked}</strong> : <span key={i}>{marked}</span>;
      })}
    </>
  );
}

function BlockView({ b, query }: { b: Block; query: string }): ReactNode {
  switch (b.kind) {
    case 'heading':
      return (
        <Typography.Title level={Math.min(5, b.level + 2) as 3 | 4 | 5}>
          <Inline text={b.text} query={query} />
        </Typography.Title>
      );
    case 'paragraph':
      return (
        <Typography.Paragraph>
          <Inline text={b.text} query={query} />
        </Typography.Paragraph>
      );
    case 'list': {
      const items = b.items.map((t, i) => (
        <li key={i}>
          <Inline text={t} query={query} />
        </li>
      ));
      return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <Table
          size="small"
          pagination={false}
          style={{ marginBottom: 16 }}
          rowKey={(_, i) => String(i)}
          columns={b.header.map((h, c) => ({
            title: h,
            key: String(c),
            render: (_: unknown, row: string[]) => <Inline text={row[c] ?? ''} query={query} />,
          }))}
          dataSource={b.rows}
        />
      );
    case 'image':
      return (
        <figure style={{ margin: '8px 0 16px' }}>
          <Image src={imageUrl(b.src)} alt={b.alt} style={{ maxWidth: 720, border: '1px solid #eee' }} />
          <figcaption style={{ color: '#888' }}>{b.alt}</figcaption>
        </figure>
      );
  }
}

export function MarkdownBlocks({ blocks, query = '' }: { blocks: Block[]; query?: string }) {
  return (
    <>
      {blocks.map((b, i) => (
        <BlockView key={i} b={b} query={query} />
      ))}
    </>
  );
}
