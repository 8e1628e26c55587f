// Starts Pagefind's search UI on the search page (a static file: the page's CSP allows no inline
// script). The build lists the search bundles in search-bundles.js, loaded just before this file;
// the element carries the base URL, so a base path needs no rebuild here.
'use strict';
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  var base = element.dataset.baseUrl;
  // Site paths such as "/pagefind-2/", below the base path. A large archive's index is in several
  // bundles (README, "Search"), searched together.
  var bundles = (window.searchBundles || ['/pagefind/']).map(function (path) {
    return base + path.slice(1);
  });
  element.textContent = '';
  new PagefindUI({
    element: '#search',
    bundlePath: bundles[0],
    mergeIndex: bundles.slice(1).map(function (path) {
      return { bundlePath: path };
    }),
    baseUrl: base,
    showImages: false,
  });
  // Pagefind labels its box only with a placeholder; the page's visible heading names it.
  var input = element.querySelector('input');
  if (input) input.setAttribute('aria-labelledby', 'search-title');
})();
