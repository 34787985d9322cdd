import {
  BarChart,
  type BarSeriesOption,
  GraphChart,
  type GraphSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
  RadarChart,
  type RadarSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  RadarComponent,
  type RadarComponentOption,
  TitleComponent,
  type TitleComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';
import { usePrefersReducedMotion } from '../app/locale.js';

// The app's one chart component. Only the charts and components the pages draw, so the bundle stays small. SVG rather than canvas:
// labels stay crisp when zoomed and printed, and their text is in the page (screen readers, tests).
use([
  BarChart,
  GraphChart,
  LineChart,
  PieChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | GraphSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | RadarComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** Chinese and Latin text alike, with the system fonts the CSP allows. */
export const CHART_FONT =
  '-apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", Arial, sans-serif';

interface Props {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the data is also given as text next to it). */
  label: string;
  testId?: string;
  style?: CSSProperties;
}

/** An ECharts instance bound to a div: created once, given each new option whole, resized with its box. */
export function Chart({ option, height, label, testId, style }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // No entry animation for a user who asked for reduced motion (the browser tests too).
  const still = usePrefersReducedMotion();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { textStyle: { fontFamily: CHART_FONT }, animation: !still, ...option },
      { notMerge: true },
    );
  }, [option, still]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height, ...style }}
    />
  );
}
