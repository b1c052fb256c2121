/* Foro en vivo: the data age, kept by the browser (issue 13, item 1).
 *
 * The server writes one status line per render: a div of class foro-edad whose data-foro
 * attribute holds JSON (ui/frame.py status_line). Nothing here may look like a tag (a "less
 * than" sign followed by a letter or a slash): the HTML
 * sanitiser drops a script whose text looks like markup.
 * Every second this script counts the age of the figures itself, so "hace N s" grows between
 * renders, and when no new render has arrived for `limite` seconds (2 × refresco + 5) the line
 * becomes the stale banner, whether the server is stopped, saturated or unreachable.
 * Installed once per browser tab; each render only calls tick() again. No network, no CDN.
 */
(function () {
  "use strict";
  var W = window;
  if (!W.__foroEdad) {
    var seen = { token: null, at: 0 };
    var fill = function (tpl, vals) {
      return tpl.replace(/\{(\w+)\}/g, function (m, k) { return k in vals ? String(vals[k]) : m; });
    };
    var age = function (s, u) {
      s = Math.max(0, Math.floor(s));
      if (s < 60) return fill(u.s, { n: s });
      if (s < 3600) return fill(u.min, { n: Math.floor(s / 60) });
      return fill(u.h, { n: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
    };
    var tick = function () {
      var el = document.querySelector(".foro-edad[data-foro]");
      if (!el) return;
      var d;
      try { d = JSON.parse(el.getAttribute("data-foro")); } catch (e) { return; }
      var now = performance.now();  // monotonic: the kiosk's wall clock may be wrong or jump
      if (d.token !== seen.token) { seen.token = d.token; seen.at = now; }
      var quiet = (now - seen.at) / 1000;
      var stale = d.limite > 0 && quiet > d.limite;
      el.classList.toggle("foro-edad-vieja", stale);
      var text = stale ? d.sin_datos : fill(d.linea, { edad: age(d.edad0 + quiet, d.unidades) });
      var out = el.querySelector(".foro-edad-texto");
      if (out && out.textContent !== text) out.textContent = text;
    };
    W.__foroEdad = { tick: tick };
    W.setInterval(tick, 1000);
  }
  W.__foroEdad.tick();
})();
