import { parseHTML } from 'linkedom';

/**
 * Page assertions by what a person perceives: headings, labels, roles, field messages, the
 * error summary, table cells; not regular expressions over raw HTML (DESIGN.md, Tests). Parsed
 * with linkedom.
 */
export type Page = ReturnType<typeof parsePage>;

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export function parsePage(html: string) {
  const { document } = parseHTML(html);
  const all = (selector: string): Element[] => [...document.querySelectorAll(selector)];
  /** An element's text as read, whitespace collapsed; a line break (`<br>`) separates words as a space does. */
  const textOf = (element: Element | null | undefined) => {
    if (!element?.querySelector('br')) return collapse(element?.textContent);
    const copy = element.cloneNode(true) as Element;
    for (const br of copy.querySelectorAll('br')) br.replaceWith(' ');
    return collapse(copy.textContent);
  };

  const page = {
    document,
    /** The document's title. */
    title: () => collapse(document.title),
    /** The `lang` of the html element. */
    lang: () => document.documentElement?.getAttribute('lang') ?? '',
    /** The text of every heading of a level (1–6), in order. */
    headings: (level: number) => all(`h${level}`).map(textOf),
    /** The first h1. */
    h1: () => textOf(document.querySelector('h1')),
    /** Everything a reader sees in the main content (or the body), whitespace collapsed. */
    text: () => textOf(document.querySelector('main') ?? document.body),
    /** Elements by CSS selector (for ids, names and attributes: `#user-name`, `[name=q]`). */
    all,
    one: (selector: string) => document.querySelector(selector) as Element | null,
    textOf,
    /** The control a label names (exact text, or starting with it), through `for`. */
    field: (label: string) => {
      const match = all('label').find((l) => textOf(l) === label) ?? all('label').find((l) => textOf(l).startsWith(label));
      const id = match?.getAttribute('for');
      return id ? (document.getElementById(id) as Element | null) : null;
    },
    /** The message beside a field (its `<id>-error` element), without the hidden "Error:" prefix. */
    fieldError: (id: string) => {
      const element = document.getElementById(`${id}-error`);
      if (!element) return undefined;
      const clone = element.cloneNode(true) as Element;
      for (const hidden of clone.querySelectorAll('.visually-hidden')) hidden.remove();
      return textOf(clone);
    },
    /** The error summary's lines as `{ text, href }`, empty when there is none. */
    errorSummary: () => all('[data-error-summary] li a').map((a) => ({ text: textOf(a), href: a.getAttribute('href') ?? '' })),
    /** The whole-action alert's text (error summary or notice), '' when none. */
    alert: () => textOf(document.querySelector('[role=alert]')),
    /** Links as `{ text, href }`. */
    links: () => all('a[href]').map((a) => ({ text: textOf(a), href: a.getAttribute('href') ?? '' })),
    /** The link with this exact text, or undefined. */
    link: (text: string) =>
      all('a[href]')
        .find((a) => textOf(a) === text)
        ?.getAttribute('href') ?? undefined,
    /** Buttons' texts (button elements and submit inputs). */
    buttons: () => all('button, input[type=submit]').map((b) => textOf(b) || (b.getAttribute('value') ?? '')),
    /** A table's rows as arrays of cell texts (th and td), header row included; the first table unless a selector is given. */
    table: (selector = 'table') => {
      const table = document.querySelector(selector);
      return table ? [...table.querySelectorAll('tr')].map((row) => [...row.querySelectorAll('th, td')].map(textOf)) : [];
    },
    /** The value a form control shows: an input's value, a select's selected option, a checkbox's checked state. */
    valueOf: (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) return undefined;
      if (element.tagName === 'SELECT') return element.querySelector('option[selected]')?.getAttribute('value') ?? undefined;
      if (element.getAttribute('type') === 'checkbox') return element.hasAttribute('checked') ? 'on' : '';
      if (element.tagName === 'TEXTAREA') return element.textContent ?? '';
      return element.getAttribute('value') ?? '';
    },
    /** The flash message shown at the top of the page, '' when none. */
    flash: () => textOf(document.querySelector('[data-flash], .flash')),
    /** A description list as `{ term: description element }` (each dt with the dd that follows it); the first dl unless a selector is given. */
    definitions: (selector = 'dl') => {
      const entries: Record<string, Element> = {};
      let term: string | undefined;
      for (const item of document.querySelector(selector)?.children ?? []) {
        if (item.tagName === 'DT') term = textOf(item);
        else if (item.tagName === 'DD' && term !== undefined) entries[term] = item;
      }
      return entries;
    },
  };
  return page;
}
