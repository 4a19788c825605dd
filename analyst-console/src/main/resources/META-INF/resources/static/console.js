// The console works without this file; it adds the viewer's time zone and keyboard triage.
(function () {
  "use strict";
  // Times are rendered on the server in the zone of this cookie; set it once, reload to show local times.
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && document.cookie.indexOf("tz=" + encodeURIComponent(zone)) < 0) {
    document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; SameSite=Lax; max-age=31536000";
    if (document.querySelector("time[datetime]")) { location.reload(); }
  }
  // Keyboard triage: j / k move between rows marked data-row, Enter follows the row's first link.
  document.addEventListener("keydown", function (event) {
    if (event.target.closest("input, textarea, select") || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-row]"));
    if (!rows.length || (event.key !== "j" && event.key !== "k")) { return; }
    var at = rows.indexOf(document.activeElement.closest("[data-row]"));
    var next = event.key === "j" ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0);
    var link = rows[next].querySelector("a");
    if (link) { link.focus(); event.preventDefault(); }
  });
})();
