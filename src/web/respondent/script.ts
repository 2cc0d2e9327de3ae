/**
 * /assets/respond.js: saves each answer as soon as it is chosen (PUT /api/v1/respond/{token}/answers) and
 * keeps the "% answered" up to date. Plain ES2017, no framework. The page works without it: the form post
 * saves everything too, so a failed save here only shows a status line.
 */
export const RESPOND_JS = String.raw`'use strict';
(function () {
  var form = document.querySelector('form[data-token]');
  if (!form || !window.fetch || !window.Intl) return;
  var d = form.dataset;
  var total = Number(d.total);
  var elsewhere = Number(d.elsewhere);
  var url = '/api/v1/respond/' + encodeURIComponent(d.token) + '/answers';
  var status = document.getElementById('save-status');
  var pct = document.getElementById('answered-pct');
  var bar = document.getElementById('answered-bar');
  var count = document.getElementById('review-count');
  var percent = new Intl.NumberFormat(d.locale, { style: 'percent', maximumFractionDigits: 0 });
  var queue = Promise.resolve();

  function show(text, state) {
    if (!status) return;
    status.textContent = text;
    status.setAttribute('data-state', state);
  }

  function answered() {
    var n = elsewhere;
    form.querySelectorAll('fieldset[data-item]').forEach(function (f) {
      if (f.querySelector('input[type=radio]:checked')) n++;
    });
    return n;
  }

  function refresh() {
    var n = answered();
    if (bar) bar.value = n;
    if (pct) pct.textContent = d.pctTemplate.replace('{}', percent.format(total ? n / total : 0));
    if (count) count.textContent = d.reviewTemplate.replace('{}', new Intl.NumberFormat(d.locale).format(n));
  }

  // One request at a time, in order, so a quick change of mind is never overwritten by an older save.
  function save(body) {
    show(d.saving, 'saving');
    queue = queue.then(function () {
      return fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      }).then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        show(d.saved, 'saved');
      }).catch(function () {
        show(d.failed, 'error');
      });
    });
  }

  form.addEventListener('change', function (e) {
    var input = e.target;
    if (input.type === 'radio' && input.name.indexOf('a.') === 0) {
      var answers = {};
      answers[input.name.slice(2)] = input.value === 'dk' ? null : input.value === 'na' ? 'na' : Number(input.value);
      refresh();
      save({ answers: answers });
    } else if (input.name === 'comment' && input.value.length <= 2000) {
      var comments = {};
      comments[d.section] = input.value.trim();
      save({ answers: {}, comments: comments });
    }
  });
})();
`;
