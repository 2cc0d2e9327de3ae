/**
 * /app/assets/app.js: the little JavaScript the dashboard has. Plain ES2017, no framework, and every page
 * works without it: forms post normally, and every figure a chart draws is also in a table.
 *  - asks before a form with data-confirm is sent (sending reminders; closing has a page of its own first);
 *  - a "copy all" button for freshly created links;
 *  - report links marked data-download are fetched rather than followed, with a status beside the link
 *    (what is happening, seconds elapsed, and the report queue from /app/reports/queue each second), then
 *    saved under the server's file name; the texts come from data attributes on the list holding the links
 *    (downloads.ts). A refusal shows the notice page's title and its Retry-After; anything else that is not
 *    a file (the sign-in page after the session ended) is followed as the link would have been;
 *  - draws the Chart.js charts described by the page's <script type="application/json" id="chart-data">
 *    (no inline script: the CSP allows only our own files). chart.js itself is a deferred script later in
 *    the page, so the drawing waits for DOMContentLoaded, which comes after every deferred script has run.
 */
export const APP_JS = String.raw`'use strict';
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
    });
  });

  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.value).then(function () {
        button.textContent = button.getAttribute('data-done');
      });
    });
  });

  document.querySelectorAll('a[data-download]').forEach(function (link) {
    var texts = link.closest('[data-preparing]');
    if (!texts || !window.fetch || !window.URL || !URL.createObjectURL) return;
    var text = function (name) { return texts.getAttribute('data-' + name) || ''; };
    var number = new Intl.NumberFormat(text('locale'));
    var fill = function (template, values) {
      return template.replace(/\{(\w+)\}/g, function (all, key) { return number.format(values[key]); });
    };
    // The live region says what happens (preparing, ready, failed); the ticking detail beside it is not
    // announced every second.
    var status = document.createElement('span');
    status.className = 'download-status';
    var said = document.createElement('span');
    said.setAttribute('role', 'status');
    said.setAttribute('aria-live', 'polite');
    var detail = document.createElement('span');
    detail.className = 'detail';
    status.appendChild(said);
    status.appendChild(detail);
    link.parentNode.insertBefore(status, link.nextSibling);

    link.addEventListener('click', function (e) {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      if (link.getAttribute('aria-disabled') === 'true') return;
      link.setAttribute('aria-disabled', 'true');
      status.setAttribute('data-state', 'preparing');
      said.textContent = text('preparing');
      var started = Date.now();
      var queue = null;
      var polling = false;
      var show = function () {
        var parts = [fill(text('elapsed'), { s: Math.floor((Date.now() - started) / 1000) })];
        if (queue) parts.push(fill(text('queue'), queue));
        detail.textContent = parts.join(text('separator'));
      };
      var poll = function () {
        if (polling) return;
        polling = true;
        fetch('/app/reports/queue', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (res) { return res.ok && /json/.test(res.headers.get('content-type') || '') ? res.json() : null; })
          .then(function (q) { if (q && status.getAttribute('data-state') === 'preparing') { queue = q; show(); } })
          .catch(function () {})
          .then(function () { polling = false; });
      };
      show();
      poll();
      var timer = setInterval(function () { show(); poll(); }, 1000);
      var finish = function (state, message) {
        clearInterval(timer);
        status.setAttribute('data-state', state);
        detail.textContent = '';
        said.textContent = message;
        link.removeAttribute('aria-disabled');
      };

      fetch(link.href, { credentials: 'same-origin' })
        .then(function (res) {
          var disposition = res.headers.get('content-disposition') || '';
          if (res.ok && /attachment/i.test(disposition))
            return res.blob().then(function (blob) {
              save(blob, fileName(disposition));
              finish('ready', text('ready'));
            });
          if (res.ok) {
            // Not a file: most likely the sign-in page after the session ended. The browser follows the link.
            finish('', '');
            window.location.href = link.href;
            return;
          }
          return problem(res).then(function (message) { finish('failed', message); });
        })
        .catch(function () { finish('failed', text('failed')); });
    });

    function fileName(disposition) {
      var star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
      if (star) return decodeURIComponent(star[1]);
      var plain = /filename="?([^";]+)"?/i.exec(disposition);
      return plain ? plain[1] : link.pathname.split('/').pop();
    }

    function save(blob, name) {
      var url = URL.createObjectURL(blob);
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }

    /** What a refusal says: the notice page's title, and when to try again or else why (problem+json: its detail). */
    function problem(res) {
      var retry = Number(res.headers.get('retry-after'));
      var type = res.headers.get('content-type') || '';
      return res.text().then(function (body) {
        var message = '';
        if (/json/.test(type)) {
          var p = JSON.parse(body);
          message = p.detail || p.title || '';
        } else if (/html/.test(type)) {
          var page = new DOMParser().parseFromString(body, 'text/html');
          var title = page.querySelector('.notice h1');
          var says = page.querySelector('.notice h1 + p');
          if (title) message = [title.textContent.trim()].concat(retry > 0 ? fill(text('retry'), { s: retry }) : says ? says.textContent.trim() : []).join(' — ');
        }
        return message || text('failed');
      }).catch(function () { return text('failed'); });
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var holder = document.getElementById('chart-data');
    var Chart = window.Chart;
    if (!holder || !Chart) return;
    var spec = JSON.parse(holder.textContent);
    var rtl = spec.rtl;
    var one = new Intl.NumberFormat(spec.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    var whole = new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 0 });

    Chart.defaults.font.family = 'Vazirmatn, system-ui, sans-serif';
    Chart.defaults.font.size = 13;
    Chart.defaults.color = spec.ink;
    Chart.register(whiskers(), values());

    function label(ctx) {
      var v = ctx.parsed;
      var n = typeof v === 'number' ? v : v.r !== undefined ? v.r : ctx.chart.options.indexAxis === 'y' ? v.x : v.y;
      var name = ctx.dataset.tooltipLabel || ctx.dataset.label || '';
      return (name ? name + ': ' : '') + (n === null || n === undefined ? '—' : one.format(n));
    }

    function prepare(config) {
      var o = config.options || (config.options = {});
      o.responsive = true;
      o.maintainAspectRatio = false;
      o.animation = false;
      o.locale = spec.locale;
      o.plugins = o.plugins || {};
      var legend = o.plugins.legend || (o.plugins.legend = {});
      legend.rtl = rtl;
      legend.textDirection = rtl ? 'rtl' : 'ltr';
      legend.labels = legend.labels || {};
      legend.labels.boxWidth = 14;
      legend.labels.filter = function (item, data) { return !data.datasets[item.datasetIndex].legendHidden; };
      // Chart.js writes the zero tick as a literal '0'; the 0–100 score axes get every tick in the page's digits.
      Object.keys(o.scales || {}).forEach(function (id) {
        var scale = o.scales[id];
        if (scale.min === 0 && scale.max === 100) {
          scale.ticks = scale.ticks || {};
          scale.ticks.callback = function (value) { return whole.format(value); };
        }
      });
      var tooltip = o.plugins.tooltip || (o.plugins.tooltip = {});
      tooltip.rtl = rtl;
      tooltip.textDirection = rtl ? 'rtl' : 'ltr';
      tooltip.callbacks = { label: label };
      return config;
    }

    function draw() {
      document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var config = spec.charts[canvas.getAttribute('data-chart')];
        if (!config) return;
        // Height is set through the CSSOM, which the CSP allows (style attributes in markup it does not).
        if (config.height) canvas.parentNode.style.height = config.height + 'rem';
        try {
          new Chart(canvas, prepare(config));
          canvas.setAttribute('data-drawn', 'true');
        } catch (err) {
          canvas.setAttribute('data-drawn', 'failed');
          if (window.console) console.error(err);
        }
      });
    }

    // Canvas text needs the web font loaded first, or the labels are measured in a fallback font.
    var fonts = document.fonts && document.fonts.load
      ? Promise.all([document.fonts.load('400 13px Vazirmatn'), document.fonts.load('700 13px Vazirmatn')])
      : Promise.resolve();
    fonts.then(draw, draw);

    /** 95% CI whiskers for bar datasets that carry ci: [[low, high] | null, ...]. */
    function whiskers() {
      return {
        id: 'mehvarWhiskers',
        afterDatasetsDraw: function (chart) {
          var ctx = chart.ctx;
          var horizontal = chart.options.indexAxis === 'y';
          var scale = horizontal ? chart.scales.x : chart.scales.y;
          chart.data.datasets.forEach(function (ds, i) {
            var meta = chart.getDatasetMeta(i);
            if (!ds.ci || meta.hidden || !scale) return;
            ctx.save();
            ctx.strokeStyle = ds.whiskerColor || spec.ink;
            ctx.lineWidth = 1.5;
            meta.data.forEach(function (bar, j) {
              var ci = ds.ci[j];
              if (!ci) return;
              var a = scale.getPixelForValue(Math.max(0, ci[0]));
              var b = scale.getPixelForValue(Math.min(100, ci[1]));
              var c = horizontal ? bar.y : bar.x;
              var cap = 4;
              ctx.beginPath();
              if (horizontal) {
                ctx.moveTo(a, c); ctx.lineTo(b, c);
                ctx.moveTo(a, c - cap); ctx.lineTo(a, c + cap);
                ctx.moveTo(b, c - cap); ctx.lineTo(b, c + cap);
              } else {
                ctx.moveTo(c, a); ctx.lineTo(c, b);
                ctx.moveTo(c - cap, a); ctx.lineTo(c + cap, a);
                ctx.moveTo(c - cap, b); ctx.lineTo(c + cap, b);
              }
              ctx.stroke();
            });
            ctx.restore();
          });
        },
      };
    }

    /** The score written inside each horizontal bar, at its base (as in the PDF). */
    function values() {
      return {
        id: 'mehvarValues',
        defaults: { display: false },
        afterDatasetsDraw: function (chart, args, options) {
          if (!options.display || chart.options.indexAxis !== 'y') return;
          var ctx = chart.ctx;
          ctx.save();
          ctx.font = '700 12px Vazirmatn, system-ui, sans-serif';
          ctx.textBaseline = 'middle';
          chart.data.datasets.forEach(function (ds, i) {
            var meta = chart.getDatasetMeta(i);
            if (meta.hidden) return;
            meta.data.forEach(function (bar, j) {
              var v = ds.data[j];
              if (v === null || v === undefined) return;
              var text = one.format(v);
              var dir = bar.x >= bar.base ? 1 : -1;
              var inside = Math.abs(bar.x - bar.base) > ctx.measureText(text).width + 12;
              ctx.fillStyle = inside ? '#ffffff' : spec.ink;
              ctx.textAlign = dir > 0 ? 'left' : 'right';
              ctx.direction = 'ltr';
              ctx.fillText(text, inside ? bar.base + dir * 6 : bar.x + dir * 6, bar.y);
            });
          });
          ctx.restore();
        },
      };
    }
  });
})();
`;
