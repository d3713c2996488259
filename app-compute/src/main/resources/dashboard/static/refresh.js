// The dashboard's only script (bundled, no network but the page's own origin): every few
// seconds it fetches the page again and replaces its <main data-refresh>, unless the user
// is typing in it; between fetches the heartbeat bars age by themselves. Without it the
// pages work the same, only without refreshing.
(function () {
  'use strict';
  var PERIOD_MS = 5000;

  function tick() {
    document.querySelectorAll('meter[data-age]').forEach(function (meter) {
      var age = parseInt(meter.getAttribute('data-age'), 10);
      if (age < 0) { return; }
      age += 1;
      meter.setAttribute('data-age', String(age));
      meter.value = Math.min(age, meter.max);
    });
  }

  function busy(main) {
    var active = document.activeElement;
    return active && main.contains(active) && /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(active.tagName);
  }

  function refresh() {
    var main = document.querySelector('main[data-refresh]');
    if (!main || busy(main) || document.hidden) { return; }
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (answer) {
        if (answer.redirected || !answer.ok) { window.location.reload(); return null; }
        return answer.text();
      })
      .then(function (html) {
        if (html === null || busy(main)) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main[data-refresh]');
        if (fresh && fresh.innerHTML !== main.innerHTML) {
          main.innerHTML = fresh.innerHTML;
          main.setAttribute('data-refreshed', new Date().toISOString());
        }
      })
      .catch(function () { /* the next period tries again */ });
  }

  setInterval(tick, 1000);
  setInterval(refresh, PERIOD_MS);
}());
