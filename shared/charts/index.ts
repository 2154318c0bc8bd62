export { buildTrendChart, type TrendAxis, type TrendChartInput, type TrendSeries } from './trend';
export { buildCohortHeatmap, type CohortHeatmapInput } from './heatmap';
export { buildDistributionChart, type DistributionChartInput, type DistributionItem } from './distribution';
export { buildRadarChart, type RadarChartInput, type RadarIndicator, type RadarSeries } from './radar';
export { type ChartUnit } from './axis-units';
export { CHART_FONT_FAMILY, CHART_THEME, toneColor, type ChartOption, type Tone } from './theme';
export { buildGainsChart, buildCalibrationChart, type GainsChartInput, type CalibrationChartInput } from './churn';
export { buildClvShareBars, buildClvTrackingChart, trackingPointDate, type ClvShareBarsInput, type ClvTrackingChartInput } from './clv';
