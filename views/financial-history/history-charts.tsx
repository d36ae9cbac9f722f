import type { Translate } from '../../src/i18n/catalogue.ts';
import { CHART_BOX } from './chart-box.ts';
import type { HistoryChartView, HistoryTotalsView } from './history-views.ts';

/**
 * The daily net totals of the range: one bar chart per currency (inline SVG drawn on the server,
 * no JavaScript), each an image named by its title and described in words, then the same
 * numbers in the totals table, with payments and refunds beside the net.
 */
export function HistoryCharts({ t, charts, totals }: { t: Translate; charts: HistoryChartView[]; totals: HistoryTotalsView }) {
  return (
    <section aria-labelledby="history-totals-title">
      <h2 id="history-totals-title">{t('history.totals')}</h2>
      {charts.length === 0 ? (
        <p class="notice" role="status">
          {t('history.noTotals')}
        </p>
      ) : (
        <>
          {charts.map((chart) => (
            <Chart chart={chart} />
          ))}
          <TotalsTable t={t} totals={totals} />
        </>
      )}
    </section>
  );
}

function Chart({ chart }: { chart: HistoryChartView }) {
  const { width, height } = CHART_BOX;
  return (
    <figure class="history-chart">
      <svg
        id={chart.id}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${chart.id}-title`}
        aria-describedby={`${chart.id}-desc`}
        preserveAspectRatio="none"
      >
        <title id={`${chart.id}-title`}>{chart.title}</title>
        <desc id={`${chart.id}-desc`}>{chart.description}</desc>
        {chart.bars.map((bar) => (
          <rect
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            class={bar.negative ? 'history-bar history-bar-negative' : 'history-bar'}
          />
        ))}
        <line x1={0} x2={width} y1={chart.zeroY} y2={chart.zeroY} class="history-axis" />
      </svg>
      <figcaption aria-hidden="true">
        <span>{chart.title}</span>
        <span>
          {chart.firstDay} – {chart.lastDay}
          {chart.top ? ` · ↑ ${chart.top}` : ''}
          {chart.bottom ? ` · ↓ ${chart.bottom}` : ''}
        </span>
      </figcaption>
    </figure>
  );
}

function TotalsTable({ t, totals }: { t: Translate; totals: HistoryTotalsView }) {
  return (
    <section class="table-scroll" aria-labelledby="history-totals-caption" tabindex={0}>
      <table class="data-table" id="history-totals-table">
        <caption id="history-totals-caption">{t('history.totalsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.col.day')}</th>
            <th scope="col">{t('history.col.currency')}</th>
            <th scope="col">{t('history.col.payments')}</th>
            <th scope="col">{t('history.col.refunds')}</th>
            <th scope="col">{t('history.col.net')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.days.map((day) => (
            <tr>
              <th scope="row">
                <time datetime={day.date}>{day.label}</time>
              </th>
              <td>{day.currency}</td>
              <td class="amount">{day.payments}</td>
              <td class="amount">{day.refunds}</td>
              <td class="amount">{day.net}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {totals.range.map((sum) => (
            <tr>
              <th scope="row">{t('history.rangeTotal')}</th>
              <td>{sum.currency}</td>
              <td class="amount">{sum.payments}</td>
              <td class="amount">{sum.refunds}</td>
              <td class="amount">{sum.net}</td>
            </tr>
          ))}
        </tfoot>
      </table>
    </section>
  );
}
