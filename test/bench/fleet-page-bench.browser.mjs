// In-page clocks of the fleet page bench: every figure is the browser's own performance.now().

/** The grade badge of each rendered row (FleetTable's `fleet-grade-<cluster>` test ids). */
const ROW_GRADES = '[data-testid^="fleet-grade-"]';
const SEARCH_ID = 'network-scorecard-fleet-search';

/**
 * Installed before any page script (context.addInitScript): on the fleet page, records
 * `window.__fleetLoad` once the first `rows` rows are rendered, the last of them with its
 * link, and the search box is enabled (`rowsAt`), and once the main thread then runs
 * the next task, i.e. would handle a click or a key (`interactiveAt`). Both are ms
 * since the navigation started (the document's time origin).
 */
export function loadProbe({ rows, rowSelector, searchId }) {
  if (
    window !== window.top ||
    !location.pathname.endsWith('/network-scorecard')
  )
    return;
  const ready = () => {
    const grades = document.querySelectorAll(rowSelector);
    if (grades.length < rows) return false;
    const row = grades[rows - 1].closest('tr');
    if (!row?.querySelector('a[href]')) return false;
    const search = document.getElementById(searchId);
    return search !== null && !search.disabled;
  };
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    const rowsAt = performance.now();
    setTimeout(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      // the last backend response the page waited for before its rows
      const api = performance
        .getEntriesByType('resource')
        .filter(e => e.name.includes('/api/') && e.responseEnd <= rowsAt);
      window.__fleetLoad = {
        rowsAt,
        interactiveAt: performance.now(),
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        apiDone: api.length ? Math.max(...api.map(e => e.responseEnd)) : null,
        clustersResponse:
          api
            .filter(e => /\/network-scorecard\/clusters(\?|$)/.test(e.name))
            .map(e => e.responseEnd - e.startTime)[0] ?? null,
      };
    }, 0);
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
}

export const loadProbeArgs = rows => ({
  rows,
  rowSelector: ROW_GRADES,
  searchId: SEARCH_ID,
});

/**
 * Arms the clock of one filter change: it starts at the user's event (`input` in the
 * search box, or `click` on a grade option / the Clear filters button; the event's own
 * timeStamp) and stops when the table's title reads `title`, exactly `rows` rows are
 * rendered (all of grade `grade`, if given) and that frame has been painted (the task
 * after its animation frame). `window.__fleetChange` resolves to
 * `{ ms, committedMs }` (committed: the DOM held the rows, before the paint).
 */
export function armChange({
  trigger,
  title,
  rows,
  grade,
  rowSelector,
  headingSelector,
  searchId,
}) {
  let start = null;
  const isTrigger = event => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return false;
    if (trigger === 'search') return target.id === searchId;
    if (trigger === 'option') return target.closest('[role="option"]') !== null;
    return target.closest('button')?.textContent?.trim() === 'Clear filters';
  };
  const type = trigger === 'search' ? 'input' : 'click';
  const onEvent = event => {
    if (start === null && isTrigger(event)) start = event.timeStamp;
  };
  document.addEventListener(type, onEvent, true);
  const shown = () => {
    if (start === null) return false;
    const heading = [...document.querySelectorAll(headingSelector)].some(
      h => h.textContent.trim() === title,
    );
    if (!heading) return false;
    const grades = document.querySelectorAll(rowSelector);
    if (grades.length !== rows) return false;
    return !grade || [...grades].every(g => g.innerText.trim() === grade);
  };
  window.__fleetChange = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(
        new Error(
          start === null
            ? `no ${type} event of the ${trigger} control reached the page`
            : `the table did not show "${title}" with ${rows} rows within 10 s (it shows ${
                document.querySelectorAll(rowSelector).length
              } rows; titles: ${[...document.querySelectorAll(headingSelector)]
                .map(h => JSON.stringify(h.textContent.trim()))
                .join(', ')})`,
        ),
      );
    }, 10_000);
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener(type, onEvent, true);
      const committed = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() =>
          resolve({
            ms: performance.now() - start,
            committedMs: committed - start,
          }),
        ),
      );
    });
    observer.observe(document, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
}

export const armArgs = change => ({
  ...change,
  rowSelector: ROW_GRADES,
  headingSelector: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  searchId: SEARCH_ID,
});
export const SEARCH_SELECTOR = `#${SEARCH_ID}`;
