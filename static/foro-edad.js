/* Foro en vivo: the data age, kept by the browser (issue 13, item 1).
 *
 * The server writes one status line per render: a div of class foro-edad whose data-foro
 * attribute holds JSON (ui/frame.py status_line). Nothing here may look like a tag (a "less
 * than" sign followed by a letter or a slash): the HTML
 * sanitiser drops a script whose text looks like markup.
 * Every second this script counts the age of the figures itself, so "hace N s" grows between
 * renders, and when no new render has arrived for `limite` seconds (2 × refresco + 5) the line
 * becomes the stale banner, whether the server is stopped, saturated or unreachable.
 * The screen is redrawn only when its data changes (issue 14): between redraws, the server's
 * watcher sends a small heartbeat (div.foro-latido, ui/frame.py heartbeat). A heartbeat saying
 * the screen is current restarts the count from the data's true age; one saying it is behind
 * makes this script click the hidden redraw button (only the screen fragment reruns).
 * Installed once per browser tab; each render only calls tick() again. No network, no CDN.
 */
(function () {
  "use strict";
  var W = window;
  if (!W.__foroEdad) {
    var seen = { token: null, at: 0, base: 0 };
    var beat = { token: null, vista: null, clicked: -1e9 };
    var read = function (el) {
      try { return JSON.parse(el.getAttribute("data-foro")); } catch (e) { return null; }
    };
    var heartbeat = function (now) {
      var el = document.querySelector(".foro-latido[data-foro]");
      var v = el && read(el);
      if (!v || v.token === beat.token) return;
      beat.token = v.token;
      if (!v.redibujar) { seen.at = now; seen.base = v.edad0; return; }
      // Behind: ask for one redraw per new view; ask again only if it seems lost (5 s).
      if (v.vista !== beat.vista || now - beat.clicked > 5000) {
        var b = document.querySelector(".st-key-foro-redibujar button");
        if (b) { b.click(); beat.vista = v.vista; beat.clicked = now; }
      }
    };
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
      var d = read(el);
      if (!d) return;
      var now = performance.now();  // monotonic: the kiosk's wall clock may be wrong or jump
      if (d.token !== seen.token) { seen.token = d.token; seen.at = now; seen.base = d.edad0; }
      heartbeat(now);
      var quiet = (now - seen.at) / 1000;
      var stale = d.limite > 0 && quiet > d.limite;
      el.classList.toggle("foro-edad-vieja", stale);
      var text = stale ? d.sin_datos : fill(d.linea, { edad: age(seen.base + quiet, d.unidades) });
      var out = el.querySelector(".foro-edad-texto");
      if (out && out.textContent !== text) out.textContent = text;
    };
    W.__foroEdad = { tick: tick };
    W.setInterval(tick, 500);  // a redraw request leaves within half a second of its heartbeat
  }
  W.__foroEdad.tick();
})();
