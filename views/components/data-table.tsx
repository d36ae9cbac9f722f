import type { Child } from 'hono/jsx';

/**
 * A table of data with its caption and column headers, in a frame that scrolls sideways on
 * narrow screens; the frame is focusable and named by the caption, so keyboard and screen-reader
 * users can scroll it (WCAG 1.4.10, 2.1.1). `id` names the caption (`<id>-caption`); `children`
 * are the body's rows.
 */
export function DataTable(props: { id: string; caption: Child; columns: Child[]; tableClass?: string; children: Child }) {
  const { id, caption, columns, tableClass, children } = props;
  return (
    <section class="table-scroll" aria-labelledby={`${id}-caption`} tabindex={0}>
      <table class={tableClass ? `data-table ${tableClass}` : 'data-table'}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
