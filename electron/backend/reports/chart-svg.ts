import type * as Echarts from 'echarts';
import { lazyModule } from '../lazy-module';
import type { ChartOption } from '../../../shared/charts/theme';

const echarts = lazyModule<typeof Echarts>('echarts');

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Renders a shared/charts option to a standalone SVG string with ECharts' server-side renderer, the
 * same engine the dashboard runs, so the PDF shows exactly what the screen shows. Animation is off
 * (a static frame must be the final frame) and the instance is always disposed: a live instance keeps
 * timers that stop the Node process from exiting.
 */
export function renderChartSvg(option: ChartOption, size: ChartSize): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
