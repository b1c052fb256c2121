/* Foro en vivo: the data age, kept by the browser (issue 13, item 1), and the redraw requests
 * (issue 14).
 *
 * The server writes one status line per render: a div of class foro-edad whose data-foro
 * attribute holds JSON (ui/frame.py status_line). Nothing here may look like a tag (a "less
 * than" sign followed by a letter or a slash): the HTML
 * sanitiser drops a script whose text looks like markup.
 * Every half second this script counts the age of the figures itself, so "hace N s" grows between
 * renders, and when no sign of life has arrived for `limite` seconds (2 × refresco + 5) the line
 * becomes the stale banner, whether the server is stopped, saturated or unreachable.
 * The screen is redrawn only when something changed: this script clicks the hidden redraw button
 * (only the screen fragment reruns) when
 *   - the pulse (ui/pulse.py, one long-poll request open at a time) answers with a data token,
 *     or a minute of live figures, other than the screen was drawn with (a screen of a fixed
 *     time has no minute), after the `espera` seconds it says (the server puts its screens in
 *     line); an answer with nothing new restarts the count from the data's true age instead;
 *   - without a pulse URL (a server started without serve.py): the watcher fragment's heartbeat
 *     (div.foro-latido, ui/frame.py heartbeat) says the screen is behind.
 * A carried screen (its status line names its view: En vivo) needs no redraw: the pulse answer
 * brings the new screen block and status line, and this script swaps them in (ui/pulse.py carried;
 * the server runs no script for it). The server carries only while the source is healthy and
 * the screen shows no banner; otherwise the answer has no block and the screen redraws as above.
 * Sent once per page run (ui/frame.py engine), not with every redraw, and installed once per
 * browser tab: it finds each redraw's status line by itself. No CDN.
 */
(function () {
  "use strict";
  var W = window;
  if (!W.__foroEdad) {
    var seen = { token: null, at: 0, base: 0, datos: null, minuto: null, vista: null, estado: null };
    var beat = { token: null, vista: null, clicked: -1e9, gap: 5000 };
    var poll = { url: null, last: "", fails: 0 };
    var read = function (el) {
      try { return JSON.parse(el.getAttribute("data-foro")); } catch (e) { return null; }
    };
    // One redraw request per new view; again only if it seems lost, after 5 s, then 10, 20, 40
    // (a saturated server drawing its screens in line gets no second request from each).
    var redraw = function (vista, now) {
      var again = vista === beat.vista;
      if (again && now - beat.clicked < beat.gap) return;
      var b = document.querySelector(".st-key-foro-redibujar button");
      if (!b) return;
      b.click();
      beat.gap = again ? Math.min(2 * beat.gap, 40000) : 5000;
      beat.vista = vista; beat.clicked = now;
    };
    var heartbeat = function (now) {
      var el = document.querySelector(".foro-latido[data-foro]");
      var v = el && read(el);
      if (!v || v.token === beat.token) return;
      beat.token = v.token;
      if (!v.redibujar) { seen.at = now; seen.base = v.edad0; return; }
      redraw(v.vista, now);
    };
    // The redraw this screen needs (or waits for its place in line to ask for): asked for by
    // tick(), and again (redraw's growing gap) while the screen is still behind it, so a click
    // lost in a busy moment costs seconds, not the next pulse.
    var due = { datos: null, minuto: null, at: 0 };  // datos null: no redraw due
    var behind = function (datos, minuto) {
      return datos !== seen.datos || (seen.minuto !== null && minuto !== seen.minuto);
    };
    var learn = function (d, now, base) {  // a new status line: what the screen shows now
      seen.token = d.token; seen.at = now; seen.base = base; seen.datos = d.datos;
      seen.minuto = d.minuto === undefined ? null : d.minuto;
      seen.vista = d.vista || null; seen.estado = d.estado || null;
    };
    var carry = function (p, now) {
      var screen = document.querySelector(".stApp .foro-pantalla");
      var line = document.querySelector(".stApp .foro-edad[data-foro]");
      if (!screen || !line) return false;
      screen.outerHTML = p.pantalla;
      line.outerHTML = p.estado;
      var fresh = document.querySelector(".stApp .foro-edad[data-foro]");
      var d = fresh && read(fresh);
      if (!d) return false;
      learn(d, now, p.edad);  // the data's true age at the answer, not when the block was built
      carried += 1;
      return true;
    };
    var carried = 0;
    var pulsed = function (p) {
      var now = performance.now();
      if (p.pantalla && behind(p.datos, p.minuto) && carry(p, now)) { due.datos = null; return; }
      if (!behind(p.datos, p.minuto)) {  // the screen shows the newest: nothing to ask for
        seen.at = now; seen.base = p.edad; due.datos = null; return;
      }
      if (p.datos === due.datos && p.minuto === due.minuto) return;
      var waiting = due.datos !== null && now < due.at;
      due.datos = p.datos; due.minuto = p.minuto;
      if (!waiting) due.at = now + 1000 * (p.espera || 0);  // newer news keeps its place in line
    };
    var catchUp = function (now) {
      if (due.datos === null || now < due.at) return;
      if (!behind(due.datos, due.minuto)) { due.datos = null; return; }
      redraw(due.datos + "~" + due.minuto, now);
    };
    var listen = function () {
      var url = poll.url;
      var ctl = W.AbortController ? new AbortController() : null;
      var timer = W.setTimeout(function () { if (ctl) ctl.abort(); }, 40000);  // a dead connection
      var again = function (wait) { W.setTimeout(listen, wait); };
      var q = "&desde=" + encodeURIComponent(poll.last);
      if (seen.vista) {  // a carried screen: which view, what it shows, in which source state
        q += "&vista=" + encodeURIComponent(seen.vista) + "&tengo=" + encodeURIComponent(seen.datos + "~" + seen.minuto) +
          "&estado=" + encodeURIComponent(seen.estado || "");
      }
      fetch(url + q, { cache: "no-store", signal: ctl && ctl.signal })
        .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
        .then(function (p) {
          W.clearTimeout(timer);
          poll.fails = 0;
          poll.last = p.pulso;
          pulsed(p);
          again(0);
        })
        .catch(function () {
          W.clearTimeout(timer);
          poll.fails += 1;
          poll.last = "";
          again(Math.min(15000, 500 * Math.pow(2, poll.fails)));
        });
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
      // The first frame (ui/first_frame.py) hides itself once the page has drawn its figures;
      // gone for good then, so that a page switch (figures cleared for a moment) cannot show it.
      var first = document.getElementById("foro-previa");
      if (first && W.getComputedStyle(first).display === "none") first.parentNode.removeChild(first);
      var el = document.querySelector(".foro-edad[data-foro]");
      if (!el) return;
      var d = read(el);
      if (!d) return;
      var now = performance.now();  // monotonic: the kiosk's wall clock may be wrong or jump
      if (d.token !== seen.token) learn(d, now, d.edad0);
      if (d.pulso && poll.url === null) { poll.url = d.pulso; listen(); }
      if (d.pulso) poll.url = d.pulso;
      heartbeat(now);
      catchUp(now);
      var quiet = (now - seen.at) / 1000;
      var stale = d.limite > 0 && quiet > d.limite;
      el.classList.toggle("foro-edad-vieja", stale);
      var text = stale ? d.sin_datos : fill(d.linea, { edad: age(seen.base + quiet, d.unidades) });
      var out = el.querySelector(".foro-edad-texto");
      if (out && out.textContent !== text) out.textContent = text;
    };
    // state(): what this script believes, for a failing browser test to print.
    W.__foroEdad = {
      tick: tick,
      state: function () {
        return JSON.stringify({ seen: seen, beat: beat, poll: poll, due: due, carried: carried, now: performance.now() });
      }
    };
    W.setInterval(tick, 500);  // a redraw request leaves within half a second of its reason
  }
  W.__foroEdad.tick();
})();
