import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import type { ChartOption } from '../../../shared/charts';

interface Props {
  option: ChartOption;
  height?: number;
  /** Drill-down: the clicked data item's name, series and value. */
  onClick?: (params: { name: string; seriesName?: string; value: unknown; dataIndex: number; data: unknown }) => void;
  testId?: string;
}

/**
 * ECharts in the page, fed by the same option builders (shared/charts) that the PDF report renders
 * server-side, so the screen and the report show the same picture.
 */
export function Chart({ option, height = 320, onClick, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, null, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p as unknown as Parameters<NonNullable<Props['onClick']>>[0]));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option as echarts.EChartsCoreOption, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} className="chart" />;
}
