import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useEffect } from 'react';
import { downloadBase64 } from '../../api/files';
import type { ChartOption } from './echarts';
import { fileNameOf, printCharts } from './print';
import { chartImage, useEChart } from './use-echart';

/** The charts on the page, so 打印全部 can take each one's image. */
export type ChartRegistry = Map<string, () => string>;

/**
 * One chart with its 导出图片 (a PNG named after the plan and the chart) and 打印 (the chart alone on a print page).
 * The title is drawn inside the chart, so the image and the print say what they show.
 */
export function ChartCard(props: {
  /** What the chart shows, in Chinese: its label, and the end of the file's name. */
  name: string;
  /** The plan (and category) the chart is of: the start of the file's name and the print's heading. */
  of: string;
  option: ChartOption;
  height: number;
  registry: ChartRegistry;
  onFinished: () => void;
}) {
  const { box, chart } = useEChart(props.option, props.onFinished);
  const { name, registry } = props;
  useEffect(() => {
    registry.set(name, () => chartImage(chart.current!));
    return () => void registry.delete(name);
  }, [name, registry, chart]);

  const fileName = fileNameOf(`${props.of}－${name}`);
  const exportPng = () => {
    const url = chartImage(chart.current!);
    downloadBase64(`${fileName}.png`, url.slice(url.indexOf(',') + 1), 'image/png');
  };
  return (
    <Card
      size="small"
      role="figure"
      aria-label={name}
      styles={{ body: { padding: 8 } }}
      extra={
        <Space size={4} className="kaoping-noprint">
          <Button size="small" icon={<DownloadOutlined />} onClick={exportPng} data-testid={`export-${name}`}>
            导出图片
          </Button>
          <Button
            size="small"
            icon={<PrinterOutlined />}
            onClick={() => printCharts(props.of, [{ name, src: chartImage(chart.current!) }])}
            data-testid={`print-${name}`}
          >
            打印
          </Button>
        </Space>
      }
      title={name}
    >
      <div ref={box} style={{ height: props.height, width: '100%' }} data-testid={`chart-${name}`} />
    </Card>
  );
}
