// Keyboard navigation of search results: from the search box, the down arrow goes to the first result;
// in the results, the arrows move from one to the next, Home and End to the first and last, Escape back to the box.
(function () {
  'use strict';
  function links() { return Array.prototype.slice.call(document.querySelectorAll('.search-hit-link')); }
  document.addEventListener('keydown', function (event) {
    var box = document.getElementById('search-q');
    if (!box) { return; }
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.target === box && event.key === 'ArrowDown' && all.length > 0) {
      event.preventDefault();
      all[0].focus();
    } else if (at >= 0) {
      var next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
      if (event.key === 'Escape' || next === -1) {
        event.preventDefault();
        box.focus();
      } else if (next !== undefined && next < all.length) {
        event.preventDefault();
        all[next].focus();
      }
    }
  });
})();
