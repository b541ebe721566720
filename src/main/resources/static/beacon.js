// Counts one view of the article this script is on: one request to our own origin, with nothing about the
// reader in it (no cookie, no identifier). Without JavaScript, the page's noscript image does the same.
(function () {
  var script = document.currentScript;
  var id = script && script.getAttribute('data-article');
  if (!id || !/^[0-9]+$/.test(id)) {
    return;
  }
  var url = '/api/beacon?a=' + id;
  if (navigator.sendBeacon && navigator.sendBeacon(url)) {
    return;
  }
  new Image().src = url;
})();
