import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * Only the parts of ECharts the dashboard draws (bars and lines on a grid), so its chunk stays
 * small and loads only with the dashboard. SVG, so the charts print as sharply as they show.
 */
use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** The console's colours (shared/styles): brand, red for failures, muted for context. */
export const palette = { brand: '#0b5cad', red: '#b3261e', green: '#1b6e3a' };
