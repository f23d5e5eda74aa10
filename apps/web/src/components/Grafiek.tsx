/**
 * Charts with ECharts 6: SVG renderer, ARIA on (generated description in Dutch), Dutch locale and
 * number formats. A chart is never alone: callers render the same figures as a table beside it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import langNL from 'echarts/i18n/langNL-obj.js';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef } from 'react';
import { formatGetal } from '../lib/format';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);
echarts.registerLocale('NL', langNL as Parameters<typeof echarts.registerLocale>[1]);

export interface Reeks {
  naam: string;
  /** null = no value (suppressed or missing) */
  waarden: (number | null)[];
  soort?: 'bar' | 'line';
  kleur?: string;
}

/** Palette with at least 3:1 contrast against white (WCAG 1.4.11) and distinguishable in grey. */
export const KLEUREN = ['#00568b', '#b35900', '#2b7a0b', '#6b3fa0', '#a3123a'];

export function Staafgrafiek({
  titel,
  categorieen,
  reeksen,
  eenheid,
  hoogte = 320,
}: {
  /** accessible name of the chart (the visible heading is the caller's) */
  titel: string;
  categorieen: string[];
  reeksen: Reeks[];
  eenheid?: string;
  hoogte?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const uitlegId = useId();
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: 'svg', locale: 'NL', height: hoogte });
    // ECharts measures text itself: give it the page's real font, not 'inherit'
    const font = getComputedStyle(ref.current).fontFamily || 'sans-serif';
    chart.setOption({
      aria: { enabled: true, label: { enabled: true, general: { withoutTitle: `Grafiek: ${titel}.` } } },
      animation: false,
      textStyle: { fontFamily: font },
      color: reeksen.map((r, i) => r.kleur ?? KLEUREN[i % KLEUREN.length]),
      grid: { left: 8, right: 16, top: 16, bottom: 56, containLabel: true },
      legend: { bottom: 0, left: 0, type: 'scroll', textStyle: { color: '#1a1a1a', fontFamily: font } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) =>
          typeof v === 'number' ? `${formatGetal(v)}${eenheid ? ` ${eenheid}` : ''}` : '–',
      },
      xAxis: {
        type: 'category',
        data: categorieen,
        axisLabel: {
          color: '#1a1a1a',
          interval: 0,
          overflow: 'break',
          width: 110,
          lineHeight: 16,
          rotate: categorieen.length > 4 ? 30 : 0,
        },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: '#1a1a1a', formatter: (v: number) => formatGetal(v) },
      },
      series: reeksen.map((r) => ({ name: r.naam, type: r.soort ?? 'bar', data: r.waarden })),
    });
    const opnieuw = () => chart.resize();
    window.addEventListener('resize', opnieuw);
    return () => {
      window.removeEventListener('resize', opnieuw);
      chart.dispose();
    };
  }, [titel, categorieen, reeksen, eenheid, hoogte]);
  return (
    <figure className="tm-figuur">
      <div ref={ref} className="tm-grafiek" style={{ height: hoogte }} aria-describedby={uitlegId} />
      <figcaption id={uitlegId} className="tm-bron">
        De cijfers van deze grafiek staan ook in de tabel hierbij.
      </figcaption>
    </figure>
  );
}
