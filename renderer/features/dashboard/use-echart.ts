import { useLayoutEffect, useRef } from 'react';
import { type Chart, type ChartOption, echarts } from './echarts';

/**
 * One echarts instance on a div for the component's life: drawn again (not merged) when `option` changes, resized
 * with its box. `onFinished` is called when echarts has finished drawing (its 'finished' event) — the readiness
 * signal the dashboard, its tests and the bench wait for.
 */
export function useEChart(option: ChartOption, onFinished: () => void) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  // layout effects: the option is set in the commit that brings it, so no frame can report an older drawing
  useLayoutEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
    chart.current = c;
    const done = () => finished.current();
    c.on('finished', done);
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.off('finished', done);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return { box, chart };
}

/** The chart as a PNG data URL on white, at twice the screen's pixels (sharp when printed). */
export function chartImage(c: Chart): string {
  return c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
}
