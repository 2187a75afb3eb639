// A native calendar beside every typed date (inputs marked data-date-picker): the field stays text, so that
// Arabic-Indic digits, a Hijri date with هـ, or a year alone can still be typed; the calendar fills in the
// Gregorian day it picks (yyyy-mm-dd). Without script, or where the browser has no date picker, the text field is all there is.
(function () {
  'use strict';
  function enhance(root) {
    var fields = (root || document).querySelectorAll('input[data-date-picker]:not([data-date-picker-ready])');
    Array.prototype.forEach.call(fields, function (field) {
      var picker = document.createElement('input');
      picker.type = 'date';
      if (picker.type !== 'date' || typeof picker.showPicker !== 'function') { return; }
      field.setAttribute('data-date-picker-ready', '');
      picker.className = 'date-picker-native';
      picker.tabIndex = -1;
      picker.setAttribute('aria-hidden', 'true');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'date-picker-button';
      button.textContent = field.getAttribute('data-date-picker');
      button.setAttribute('aria-label', field.getAttribute('data-date-picker') + (field.labels && field.labels[0] ? ': ' + field.labels[0].textContent.trim() : ''));
      button.addEventListener('click', function () {
        if (/^\d{4}-\d{2}-\d{2}$/.test(field.value.trim())) { picker.value = field.value.trim(); }
        try { picker.showPicker(); } catch (e) { picker.focus(); }
      });
      picker.addEventListener('change', function () {
        if (!picker.value) { return; }
        field.value = picker.value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
        field.focus();
      });
      // The field and its calendar on one line: the field takes the room, the button what it needs.
      var row = document.createElement('span');
      row.className = 'date-with-picker';
      field.parentNode.insertBefore(row, field);
      row.appendChild(field);
      row.appendChild(button);
      row.appendChild(picker);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { enhance(document); });
  document.addEventListener('htmx:afterSwap', function (event) { enhance(event.target); });
})();
