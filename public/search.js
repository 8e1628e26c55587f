// Starts Pagefind's search UI on the search page (a static file: the page's CSP allows no inline
// script). The element carries the bundle path and base URL, so a base path needs no rebuild here.
'use strict';
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  element.textContent = '';
  new PagefindUI({
    element: '#search',
    bundlePath: element.dataset.bundlePath,
    // A large archive's index is in several bundles (README, "Search"), searched together.
    mergeIndex: (element.dataset.mergeBundles || '').split(' ').filter(Boolean).map(function (path) {
      return { bundlePath: path };
    }),
    baseUrl: element.dataset.baseUrl,
    showImages: false,
  });
  // Pagefind labels its box only with a placeholder; the page's visible heading names it.
  var input = element.querySelector('input');
  if (input) input.setAttribute('aria-labelledby', 'search-title');
})();
