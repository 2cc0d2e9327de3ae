/**
 * /app/assets/app.js: the little JavaScript the dashboard has. Plain ES2017, no framework, and every page
 * works without it: forms post normally, and every figure a chart draws is also in a table.
 *  - asks before a form with data-confirm is sent (sending reminders; closing has a page of its own first);
 *  - a "copy all" button for freshly created links;
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
