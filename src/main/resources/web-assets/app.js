/*
 * spinemet-efficacy calculator. Builds its form from the service's catalogues (/api/v1/factors and, where the
 * service has it, /api/v1/measurements), sends what the user entered as typed, and shows the API's answer. It
 * computes no probability, interval or score itself, so the page and the API cannot disagree; a value it does not
 * understand is sent as typed and the API's error is shown next to the field it names. Where the API needs a bearer
 * token, the user pastes one at "Sign in"; it stays in this tab's sessionStorage and is sent only to the API.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var state = { factors: [], measurements: null, lastRequest: null, loaded: false };

  // ---------- small DOM helpers ----------
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }
  function svgEl(tag, attrs, children) {
    var e = document.createElementNS(SVG, tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }
  function setAttrs(e, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    });
  }
  function append(e, children) {
    if (children === null || children === undefined) return;
    (Array.isArray(children) ? children : [children]).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
  }
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // ---------- numbers for people ----------
  /** A probability as a whole percentage, "<1%" and ">99%" at the ends. */
  function pct(p) {
    var v = Math.round(p * 100);
    if (p > 0 && v < 1) return '<1%';
    if (p < 1 && v > 99) return '>99%';
    return v + '%';
  }
  function pctBare(p) { return pct(p).replace('%', ''); }
  /** "53% (18–86%)". */
  function withInterval(p, ci) {
    return pct(p) + ' (' + pctBare(ci.lower) + '\u2013' + pct(ci.upper) + ')';
  }
  function signed(v) { return (v >= 0 ? '+' : '\u2212') + Math.abs(v).toFixed(2); }
  function valueText(v) {
    if (v === true) return 'yes';
    if (v === false) return 'no';
    return String(v);
  }

  // ---------- signing in: a pasted access token, kept in this tab's sessionStorage only ----------
  // Never in persistent storage, a cookie or a URL: closing the tab forgets it, and it goes only to this service's
  // API as Authorization: Bearer. The service verifies it; the page reads its claims only to say who is signed in.
  var TOKEN_KEY = 'spinemet.accessToken';
  var auth = { required: false, prompted: false, memory: null, retry: null };

  function currentToken() {
    try { return window.sessionStorage.getItem(TOKEN_KEY); } catch (e) { return auth.memory; }
  }
  function keepToken(token) {
    try { window.sessionStorage.setItem(TOKEN_KEY, token); } catch (e) { auth.memory = token; }
  }
  function forgetToken() {
    try { window.sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* storage unavailable */ }
    auth.memory = null;
  }

  /** The token's claims, unverified (the service verifies), or null when they cannot be read. */
  function claimsOf(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      while (part.length % 4) part += '=';
      var bytes = atob(part);
      var json = decodeURIComponent(Array.prototype.map.call(bytes, function (c) {
        return '%' + ('0' + c.charCodeAt(0).toString(16)).slice(-2);
      }).join(''));
      var claims = JSON.parse(json);
      return claims && typeof claims === 'object' ? claims : null;
    } catch (e) {
      return null;
    }
  }

  function signedInText(token) {
    var c = claimsOf(token);
    if (!c) return 'Signed in with the token you pasted.';
    var who = c.preferred_username || c.upn || c.name || c.sub || c.azp || c.client_id;
    var parts = ['Signed in' + (typeof who === 'string' ? ' as ' + who : '') + '.'];
    // scope (RFC 9068), scp (some providers) or roles (Entra ID app roles)
    var scopes = typeof c.scope === 'string' ? c.scope : (Array.isArray(c.scp) ? c.scp.join(' ') : c.scp);
    if (typeof scopes === 'string' && scopes) parts.push('Scopes: ' + scopes + '.');
    else if (Array.isArray(c.roles) && c.roles.length) parts.push('Roles: ' + c.roles.join(' ') + '.');
    if (typeof c.exp === 'number') {
      var d = new Date(c.exp * 1000);
      parts.push('The token is valid until ' + String(d.getHours()).padStart(2, '0') + ':' +
        String(d.getMinutes()).padStart(2, '0') + '.');
    }
    return parts.join(' ');
  }

  /** Shows the sign-in section as the token and the last refusal say. */
  function renderAuth() {
    var box = $('#sign-in');
    if (!box) return;
    var token = currentToken();
    box.hidden = !(auth.required || auth.prompted || token);
    box.setAttribute('data-signed-in', String(!!token));
    $('#sign-in-h').textContent = token ? 'Signed in' : 'Sign in';
    $('#auth-status').textContent = token ? signedInText(token) : 'Not signed in. ' +
      (auth.required ? 'This service needs you to sign in before it can estimate.' : '');
    $('#sign-in-form').hidden = !!token && !auth.prompted;
    $('#sign-in-button').textContent = token ? 'Use this token instead' : 'Sign in';
    $('#signed-in').hidden = !token;
  }

  /** A 401 or 403 from the API: say which check failed and offer the sign-in control. */
  function authProblem(status, problem, sentToken) {
    // a refused token (expired, wrong issuer, ...) is of no further use; a 403 token is valid but lacks a scope
    if (status === 401 && sentToken && sentToken === currentToken()) forgetToken();
    auth.prompted = true;
    var box = $('#auth-problem');
    if (!box) return;
    box.textContent = '';
    var p = problem && typeof problem === 'object' ? problem : {};
    append(box, el('p', null, [el('strong', { text: (p.title || ('The service answered ' + status)) + ': ' }),
      p.detail || (status === 401 ? 'This needs a valid access token.' : 'The access token does not allow this.')]));
    box.setAttribute('data-status', String(status));
    if (p.type) box.setAttribute('data-problem', p.type);
    box.hidden = false;
    renderAuth();
    $('#access-token').focus();
  }

  function signIn(ev) {
    ev.preventDefault();
    var input = $('#access-token');
    var error = $('#access-token-error');
    // pasted with "Bearer " or line breaks: the token is what remains
    var token = input.value.replace(/^\s*Bearer\s+/i, '').replace(/\s+/g, '');
    error.hidden = true;
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!token || !/^[A-Za-z0-9._~+\/-]+=*$/.test(token)) {
      error.textContent = token ? 'This is not an access token: a token is one string of letters, digits and ' +
        '. _ - characters (a JWT has three parts separated by dots).' : 'Paste the access token first.';
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.value = '';
    keepToken(token);
    auth.prompted = false;
    $('#auth-problem').hidden = true;
    $('#auth-problem').textContent = '';
    renderAuth();
    $('#auth-status').setAttribute('tabindex', '-1');
    $('#auth-status').focus();
    if (!state.loaded) {
      loadCatalogues();
    } else if (auth.retry) {
      var retry = auth.retry;
      auth.retry = null;
      retry();
    }
  }

  /** Forgets the token and what was shown with it: on a shared workstation the next user starts afresh. */
  function signOut() {
    forgetToken();
    auth.prompted = false;
    auth.retry = null;
    $('#auth-problem').hidden = true;
    $('#auth-problem').textContent = '';
    var form = $('#calculator');
    if (form) form.reset();
    clearErrors();
    $('#result').hidden = true;
    $('#result').textContent = '';
    renderAuth();
    $('#access-token').focus();
  }

  // ---------- the API ----------
  function api(method, path, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    var token = currentToken();
    if (token) init.headers['Authorization'] = 'Bearer ' + token;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      var parse = type.indexOf('json') >= 0 ? r.json() : r.text();
      return parse.then(function (data) {
        var result = { status: r.status, ok: r.ok, data: data };
        if (r.status === 401 || r.status === 403) {
          result.auth = true;
          authProblem(r.status, data, token);
        }
        return result;
      });
    });
  }

  // ---------- building the form from the catalogues ----------
  function fieldId(prefix, id) { return prefix + '-' + id.replace(/[^A-Za-z0-9_-]/g, '_'); }

  function describe(container, definition, source, extra) {
    if (definition) append(container, el('p', { 'class': 'definition', text: definition }));
    if (extra) append(container, el('p', { 'class': 'definition', text: extra }));
    if (source) append(container, el('p', { 'class': 'source', text: 'Source: ' + source }));
  }

  function requiredBadge() { return el('span', { 'class': 'req', text: 'required', hidden: true }); }

  function choiceList(name, options, describedBy) {
    var wrap = el('div', { 'class': 'choices' });
    options.forEach(function (o) {
      var input = el('input', { type: 'radio', name: name, value: o.value, 'data-json': JSON.stringify(o.json),
        'aria-describedby': describedBy });
      append(wrap, el('label', { 'class': 'choice' }, [input, ' ' + o.label]));
    });
    return wrap;
  }

  function errorLine(id) { return el('p', { 'class': 'field-error', id: id, hidden: true }); }

  /** A fieldset for one factor of the catalogue. */
  function factorField(f) {
    var id = fieldId('factor', f.id);
    var errId = 'error-' + id;
    var procedures = f.usedBy && f.usedBy.length ? f.usedBy : f.candidateFor;
    var fs = el('fieldset', { 'class': 'field factor', id: id, 'data-pointer': '/factors/' + f.id,
      'data-factor': f.id, 'data-used-by': (f.usedBy || []).join(' ') });
    var legend = el('legend', null, [f.label, ' ', requiredBadge()]);
    if ((f.usedBy || []).length === 1 && state.models.length > 1) {
      append(legend, el('span', { 'class': 'optional', text: '(' + f.usedBy[0].toLowerCase() + ' model only)' }));
    }
    append(fs, legend);
    var cutoff = null;
    if (f.type === 'CATEGORICAL' && f.referenceLevel) cutoff = 'Compared against: ' + f.referenceLevel + '.';
    describe(fs, f.definition, f.source, cutoff);
    if (f.type === 'BOOLEAN') {
      append(fs, choiceList(f.id, [{ value: 'true', json: true, label: 'Yes' }, { value: 'false', json: false, label: 'No' }], errId));
    } else if (f.type === 'CATEGORICAL') {
      append(fs, choiceList(f.id, f.allowedValues.map(function (v) { return { value: v, json: v, label: v }; }), errId));
    } else {
      var inputId = id + '-input';
      append(fs, el('label', { 'for': inputId, 'class': 'visually-hidden', text: f.label }));
      append(fs, el('input', { type: 'text', id: inputId, name: f.id, inputmode: 'numeric', autocomplete: 'off',
        'data-kind': 'integer', 'aria-describedby': errId }));
      append(fs, el('p', { 'class': 'hint', text: 'A whole number, at least ' + f.minimum + '.' }));
    }
    if (f.modifiable) {
      append(fs, el('p', { 'class': 'hint', text: 'Modifiable ' + (f.modifiability === 'BEFORE_SURGERY' ? 'before' : 'after') +
        ' surgery: the result shows what the model estimates if it were ' + valueText(f.favourableValue) + '.' }));
    }
    append(fs, errorLine(errId));
    return fs;
  }

  /** A field for one measurement of the measurement catalogue (contract C of the project). */
  function measurementField(m) {
    var id = fieldId('measurement', m.id);
    var errId = 'error-' + id;
    var fs = el('fieldset', { 'class': 'field measurement', id: id, 'data-pointer': '/measurements/' + m.id,
      'data-measurement': m.id });
    append(fs, el('legend', null, [m.label]));
    var derives = (m.derives || []).map(function (d) {
      return d.factor + ': ' + d.rule + (d.cutoff ? ' (cut-off ' + d.cutoff + ')' : '');
    }).join('; ');
    var used = (m.usedBy || []).length ? 'Used for: ' + m.usedBy.join(', ') + '.' : null;
    describe(fs, m.definition, (m.derives || []).map(function (d) { return d.source; }).filter(Boolean).join('; '),
      [derives ? 'Gives ' + derives + '.' : null, used].filter(Boolean).join(' '));
    var inputId = id + '-input';
    if (m.valueType === 'QUANTITY') {
      var row = el('div', { 'class': 'unit-row' });
      append(row, el('label', { 'for': inputId, 'class': 'visually-hidden', text: m.label + ' value' }));
      append(row, el('input', { type: 'text', id: inputId, name: m.id, inputmode: 'decimal', autocomplete: 'off',
        'data-kind': 'quantity', 'aria-describedby': errId }));
      var unitId = id + '-unit';
      append(row, el('label', { 'for': unitId, 'class': 'visually-hidden', text: m.label + ' unit' }));
      var sel = el('select', { id: unitId, name: m.id + '.unit', 'data-kind': 'unit', 'aria-describedby': errId });
      var units = m.units || [];
      if (units.length !== 1) append(sel, el('option', { value: '', text: 'unit…' }));
      units.forEach(function (u) { append(sel, el('option', { value: u, text: u })); });
      append(row, sel);
      append(fs, row);
    } else if (m.valueType === 'INTEGER') {
      append(fs, el('label', { 'for': inputId, 'class': 'visually-hidden', text: m.label }));
      append(fs, el('input', { type: 'text', id: inputId, name: m.id, inputmode: 'numeric', autocomplete: 'off',
        'data-kind': 'integer', 'aria-describedby': errId }));
    } else if (m.valueType === 'CODE') {
      append(fs, el('label', { 'for': inputId, 'class': 'visually-hidden', text: m.label }));
      var s = el('select', { id: inputId, name: m.id, 'data-kind': 'code', 'aria-describedby': errId });
      append(s, el('option', { value: '', text: 'choose…' }));
      (m.allowedValues || []).forEach(function (a) { append(s, el('option', { value: a.code, text: a.label || a.code })); });
      append(fs, s);
    } else if (m.valueType === 'CODE_LIST') {
      if (m.allowedValues && m.allowedValues.length) {
        var wrap = el('div', { 'class': 'choices' });
        m.allowedValues.forEach(function (a) {
          append(wrap, el('label', { 'class': 'choice' }, [el('input', { type: 'checkbox', name: m.id, value: a.code,
            'data-kind': 'code-list', 'aria-describedby': errId }), ' ' + (a.label || a.code)]));
        });
        append(fs, wrap);
      } else {
        append(fs, el('label', { 'for': inputId, text: 'Codes, separated by commas' }));
        append(fs, el('input', { type: 'text', id: inputId, name: m.id, autocomplete: 'off', 'data-kind': 'code-text',
          'aria-describedby': errId }));
        var noneId = id + '-none';
        append(fs, el('label', { 'class': 'choice', 'for': noneId }, [el('input', { type: 'checkbox', id: noneId,
          'data-kind': 'code-none', 'aria-describedby': errId }), ' None (an empty list)']));
      }
    } else if (m.valueType === 'DATE') {
      append(fs, el('label', { 'for': inputId, 'class': 'visually-hidden', text: m.label }));
      append(fs, el('input', { type: 'date', id: inputId, name: m.id, 'data-kind': 'date', 'aria-describedby': errId }));
    }
    if (m.valueType === 'CODE_LIST' && m.codes && m.codes.length) {
      append(fs, el('p', { 'class': 'hint', text: 'Codes it recognises: ' + m.codes.map(function (c) {
        return c.code + (c.display ? ' (' + c.display + ')' : ''); }).join(', ') + '.' }));
    }
    if (m.range && (m.range.min !== undefined || m.range.max !== undefined)) {
      append(fs, el('p', { 'class': 'hint', text: 'Plausible range ' + m.range.min + '\u2013' + m.range.max +
        (m.range.unit ? ' ' + m.range.unit : '') + '.' }));
    }
    append(fs, errorLine(errId));
    return fs;
  }

  function buildForm() {
    var box = $('#factor-fields');
    box.textContent = '';
    var used = state.factors.filter(function (f) { return (f.usedBy || []).length > 0; });
    var other = state.factors.filter(function (f) { return !(f.usedBy || []).length; });
    append(box, el('h2', { id: 'factors-h', text: 'The study\u2019s factors' }));
    used.forEach(function (f) { append(box, factorField(f)); });
    if (other.length) {
      var details = el('details', { 'class': 'more' });
      append(details, el('summary', { text: 'Other factors of the study (not used by the served models)' }));
      other.forEach(function (f) { append(details, factorField(f)); });
      append(box, details);
    }
    if (state.measurements && state.measurements.length) {
      var mbox = $('#measurement-fields');
      mbox.textContent = '';
      append(mbox, el('h2', { id: 'measurements-h', text: 'Raw values' }));
      append(mbox, el('p', { 'class': 'note', text: 'Give what you have. The service derives the study\u2019s factors ' +
        'from these values and says how; a factor no value gives is asked for below.' }));
      state.measurements.forEach(function (m) { append(mbox, measurementField(m)); });
      var radio = $('#mode-measurements');
      radio.disabled = false;
    } else {
      $('#mode-hint').textContent = 'Raw values need the service\u2019s measurement catalogue, which this service does not offer.';
    }
    updateRequired();
  }

  function procedureChoice() {
    var r = $('input[name="procedure"]:checked');
    return r ? r.value : null;
  }
  function modeChoice() {
    var r = $('input[name="mode"]:checked');
    return r ? r.value : 'factors';
  }

  /** Factors derived by a filled-in measurement need not be entered directly. */
  function derivedByMeasurements() {
    var out = {};
    if (modeChoice() !== 'measurements' || !state.measurements) return out;
    state.measurements.forEach(function (m) {
      (m.derives || []).forEach(function (d) { out[d.factor] = true; });
    });
    return out;
  }

  function updateRequired() {
    var p = procedureChoice();
    var derived = derivedByMeasurements();
    $all('fieldset.factor').forEach(function (fs) {
      var usedBy = fs.getAttribute('data-used-by').split(' ').filter(Boolean);
      var needed = p === 'COMPARE' ? usedBy.length > 0 : (p ? usedBy.indexOf(p) >= 0 : usedBy.length > 0);
      var byMeasurement = derived[fs.getAttribute('data-factor')] === true;
      var badge = $('.req', fs);
      badge.hidden = !needed || byMeasurement;
      $all('input', fs).forEach(function (i) { if (i.type !== 'radio') i.setAttribute('aria-required', String(needed && !byMeasurement)); });
      var group = $('.choices', fs);
      if (group) {
        group.setAttribute('role', 'radiogroup');
        group.setAttribute('aria-required', String(needed && !byMeasurement));
        group.setAttribute('aria-labelledby', fs.id + '-legend');
      }
      var legend = $('legend', fs);
      legend.id = fs.id + '-legend';
      fs.hidden = byMeasurement;
    });
    $('#measurement-fields').hidden = modeChoice() !== 'measurements';
  }

  // ---------- reading the form: values as typed, nothing defaulted ----------
  function readFactors() {
    var out = {};
    $all('fieldset.factor').forEach(function (fs) {
      if (fs.hidden) return;
      var id = fs.getAttribute('data-factor');
      var checked = $('input[type="radio"]:checked', fs);
      if (checked) { out[id] = JSON.parse(checked.getAttribute('data-json')); return; }
      var text = $('input[type="text"]', fs);
      if (text && text.value.trim() !== '') out[id] = number(text.value);
    });
    return out;
  }

  /** A whole number or decimal typed plainly becomes a JSON number; anything else is sent as typed for the API to judge. */
  function number(text) {
    var t = text.trim();
    return /^[+-]?\d+$/.test(t) ? parseInt(t, 10) : t;
  }
  function decimal(text) {
    var t = text.trim();
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : t;
  }

  function readMeasurements() {
    var out = {};
    (state.measurements || []).forEach(function (m) {
      var fs = document.getElementById(fieldId('measurement', m.id));
      if (!fs) return;
      if (m.valueType === 'QUANTITY') {
        var v = $('input[data-kind="quantity"]', fs).value;
        var u = $('select[data-kind="unit"]', fs).value;
        if (v.trim() === '' && u === '') return;
        var q = {};
        if (v.trim() !== '') q.value = decimal(v);
        if (u !== '') q.unit = u;
        out[m.id] = q;
      } else if (m.valueType === 'INTEGER') {
        var i = $('input', fs).value;
        if (i.trim() !== '') out[m.id] = number(i);
      } else if (m.valueType === 'CODE') {
        var c = $('select', fs).value;
        if (c !== '') out[m.id] = c;
      } else if (m.valueType === 'CODE_LIST') {
        var boxes = $all('input[data-kind="code-list"]', fs);
        if (boxes.length) {
          var codes = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
          if (codes.length) out[m.id] = codes;
        } else {
          var t = $('input[data-kind="code-text"]', fs).value.trim();
          var none = $('input[data-kind="code-none"]', fs);
          if (t !== '') out[m.id] = t.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
          else if (none && none.checked) out[m.id] = [];
        }
      } else if (m.valueType === 'DATE') {
        var d = $('input', fs).value;
        if (d !== '') out[m.id] = d;
      }
    });
    return out;
  }

  // ---------- errors at their fields ----------
  function clearErrors() {
    $all('.field-error').forEach(function (p) { p.hidden = true; p.textContent = ''; });
    $all('.field.invalid').forEach(function (f) { f.classList.remove('invalid'); });
    $all('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    var s = $('#error-summary');
    s.hidden = true;
    s.textContent = '';
  }

  /** The field a JSON Pointer names: the deepest element whose data-pointer is the pointer or a prefix of it. */
  function fieldFor(pointer) {
    var best = null;
    $all('[data-pointer]').forEach(function (e) {
      var p = e.getAttribute('data-pointer');
      if ((pointer === p || pointer.indexOf(p + '/') === 0) && (!best || p.length > best.getAttribute('data-pointer').length)) best = e;
    });
    return best;
  }

  function showProblem(problem) {
    var summary = $('#error-summary');
    summary.textContent = '';
    append(summary, el('h2', { text: problem.title || 'The request was not accepted' }));
    if (problem.detail) append(summary, el('p', { text: problem.detail }));
    var list = el('ul');
    var first = null;
    (problem.errors || []).forEach(function (e) {
      var text = e.detail + (e.allowed ? ' (allowed: ' + e.allowed + ')' : '');
      var field = e.pointer !== undefined ? fieldFor(e.pointer) : null;
      // a factor normally given through raw values: show it, so it can be given directly
      if (field && field.hidden && field.classList.contains('factor')) field.hidden = false;
      if (field && field.hidden) field = null;
      if (field) {
        if (field.closest('details')) field.closest('details').open = true;
        field.classList.add('invalid');
        var line = $('.field-error', field);
        line.textContent = (line.textContent ? line.textContent + ' ' : '') + text;
        line.hidden = false;
        line.setAttribute('data-api-pointer', e.pointer);
        $all('input, select', field).forEach(function (i) { i.setAttribute('aria-invalid', 'true'); });
        if (!first) first = field;
        var target = $('input, select', field);
        append(list, el('li', null, el('a', { href: '#' + (target && target.id ? target.id : field.id),
          'data-focus': target && target.id ? target.id : '', text: fieldName(field) + ': ' + text })));
      } else {
        append(list, el('li', { text: (e.pointer ? e.pointer + ': ' : '') + text }));
      }
    });
    append(summary, list);
    summary.hidden = false;
    summary.focus();
  }

  function fieldName(field) {
    var legend = $('legend', field);
    return legend ? legend.firstChild.textContent.trim() : field.id;
  }

  // ---------- drawing the result (pictures of the API's numbers) ----------
  /** The probability and its 95% CI on a 0–100% scale, with the cohort's baseline rate marked. */
  function probabilityScale(pred, whatIf) {
    var w = 360, left = 14, right = 346, y = 34;
    var x = function (p) { return left + p * (right - left); };
    var s = svgEl('svg', { 'class': 'chart probability-scale', viewBox: '0 0 ' + w + ' 70', role: 'img',
      'aria-label': 'Probability ' + withInterval(pred.probability, pred.confidenceInterval) + ' on a 0 to 100% scale; ' +
      'cohort baseline ' + pct(pred.baselineRate) });
    append(s, svgEl('line', { x1: left, y1: y, x2: right, y2: y, 'class': 'axis' }));
    [0, 0.25, 0.5, 0.75, 1].forEach(function (t) {
      append(s, svgEl('line', { x1: x(t), y1: y + 10, x2: x(t), y2: y + 15, 'class': 'axis' }));
      append(s, svgEl('text', { x: x(t), y: y + 28, 'text-anchor': 'middle', 'class': 'tick', text: Math.round(t * 100) + '%' }));
    });
    var ci = pred.confidenceInterval;
    append(s, svgEl('rect', { 'class': 'interval', x: x(ci.lower), y: y - 7, width: Math.max(1, x(ci.upper) - x(ci.lower)),
      height: 14, 'data-lower': ci.lower, 'data-upper': ci.upper }));
    append(s, svgEl('line', { 'class': 'baseline-mark', x1: x(pred.baselineRate), y1: y - 14, x2: x(pred.baselineRate), y2: y + 14,
      'data-baseline': pred.baselineRate }));
    append(s, svgEl('text', { x: x(pred.baselineRate), y: 12, 'text-anchor': 'middle', 'class': 'tick', text: 'cohort ' + pct(pred.baselineRate) }));
    append(s, svgEl('circle', { 'class': 'point', cx: x(pred.probability), cy: y, r: 6, 'data-probability': pred.probability }));
    if (whatIf) {
      append(s, svgEl('circle', { 'class': 'whatif-mark', cx: x(whatIf.probability), cy: y, r: 5, 'data-probability': whatIf.probability }));
    }
    return s;
  }

  /** Each term's contribution to the log-odds, as bars from 0, each labelled above its bar. */
  function contributionChart(pred) {
    var rows = [];
    pred.contributions.forEach(function (c) {
      c.terms.forEach(function (t) { rows.push({ label: c.label + ': ' + valueText(c.value), term: t.term, v: t.contribution }); });
    });
    var max = Math.max(0.5, Math.max.apply(null, rows.map(function (r) { return Math.abs(r.v); })));
    // drawn at about its displayed size, so its text stays legible on a phone
    var w = window.innerWidth < 600 ? 320 : 480, mid = w / 2, half = w / 2 - 50, rowH = 36;
    var h = rows.length * rowH + 24;
    var sx = function (v) { return mid + v / max * half; };
    var s = svgEl('svg', { 'class': 'chart contributions', viewBox: '0 0 ' + w + ' ' + h, role: 'img',
      'aria-label': 'Contribution of each factor to the log-odds: ' + rows.map(function (r) { return r.label + ' ' + signed(r.v); }).join(', ') });
    rows.forEach(function (r, i) {
      var y = 4 + i * rowH;
      append(s, svgEl('text', { x: 0, y: y + 11, 'text-anchor': 'start', 'class': 'label', text: r.label }));
      var x0 = Math.min(sx(0), sx(r.v)), width = Math.abs(sx(r.v) - sx(0));
      append(s, svgEl('line', { x1: sx(0), y1: y + 14, x2: sx(0), y2: y + 32, 'class': 'zero' }));
      append(s, svgEl('rect', { x: x0, y: y + 16, width: Math.max(width, 1), height: 14, 'class': r.v >= 0 ? 'pos' : 'neg',
        'data-term': r.term, 'data-contribution': r.v }));
      append(s, svgEl('text', { x: r.v >= 0 ? sx(r.v) + 4 : sx(r.v) - 4, y: y + 27, 'text-anchor': r.v >= 0 ? 'start' : 'end',
        'class': 'tick', text: signed(r.v) }));
    });
    append(s, svgEl('text', { x: sx(0), y: h - 4, 'text-anchor': 'middle', 'class': 'tick', text: '0 (log-odds)' }));
    return s;
  }

  function warningList(warnings) {
    if (!warnings || !warnings.length) return null;
    var ul = el('ul', { 'class': 'warnings' });
    warnings.forEach(function (w) { append(ul, el('li', { 'data-warning': w.code, text: w.message })); });
    return [el('h4', { text: 'What limits this estimate' }), ul];
  }

  function derivedList(derived) {
    if (!derived || !derived.length) return null;
    var ul = el('ul');
    derived.forEach(function (d) {
      var inputs = (d.inputs || []).map(function (i) {
        return i.measurement + ' ' + (i.value !== undefined ? JSON.stringify(i.value) : '') + (i.unit ? ' ' + i.unit : '');
      }).join(', ');
      append(ul, el('li', { 'data-derived': d.factor, text: d.factor + ' = ' + valueText(d.value) + ' from ' + inputs +
        (d.rule ? ' (' + d.rule + (d.cutoff ? ', cut-off ' + d.cutoff : '') + ')' : '') + (d.source ? '; ' + d.source : '') }));
    });
    return [el('h4', { text: 'Factors derived from the raw values' }), ul];
  }

  function scoreBlock(scores) {
    var box = el('div', { 'class': 'scores' });
    append(box, el('h4', { text: 'Tokuhashi and Tomita scores' }));
    if (!scores) {
      append(box, el('p', { 'class': 'note', text: 'The revised Tokuhashi and Tomita scores need raw values ' +
        '(performance score, primary site, metastases); enter raw values to see them.' }));
      return box;
    }
    [['tokuhashi', 'Revised Tokuhashi'], ['tomita', 'Tomita']].forEach(function (pair) {
      var s = scores[pair[0]];
      if (!s) return;
      if (s.computed) {
        var p = el('p', { 'data-score': pair[0] }, [el('strong', { text: pair[1] + ': ' + s.total + ' of ' + s.maximum }),
          s.band ? ' \u2014 ' + [s.band.range, s.band.prognosis, s.band.strategy].filter(Boolean).join('; ') : '']);
        append(box, p);
        (s.warnings || []).forEach(function (w) { append(box, el('p', { 'class': 'note', text: typeof w === 'string' ? w : w.message })); });
      } else {
        append(box, el('p', { 'data-score': pair[0], text: pair[1] + ': not computed; it needs ' + (s.missingInputs || []).join(', ') + '.' }));
      }
      if (s.citation) append(box, el('p', { 'class': 'source', text: s.citation }));
    });
    return box;
  }

  function modelLine(pred) {
    var m = pred.model;
    return el('p', { 'class': 'model-line' }, ['Model ', el('code', { text: m.id }), ' version ', el('code', { text: m.version }),
      ' (SHA-256 ', el('code', { text: m.sha256.substring(0, 16) + '\u2026' }), '), ', m.method + ' fit on ' + m.cohort.n +
      ' patients' + (m.cohort.reconstructed ? ' (reconstructed, synthetic)' : '') + '. ',
      el('a', { href: '/models/' + pred.procedure.toLowerCase(), text: 'Model card' })]);
  }

  function predictionCard(pred, factors, extras) {
    var card = el('article', { 'class': 'card prediction', 'data-procedure': pred.procedure,
      'data-probability': pred.probability, 'data-lower': pred.confidenceInterval.lower,
      'data-upper': pred.confidenceInterval.upper, 'aria-labelledby': 'h-' + pred.procedure });
    var label = state.models.filter(function (m) { return m.procedure === pred.procedure; })[0];
    append(card, el('h3', { id: 'h-' + pred.procedure, text: label ? label.label : pred.procedure }));
    append(card, el('p', { 'class': 'headline' }, [el('span', { 'class': 'estimate', text: withInterval(pred.probability, pred.confidenceInterval) }),
      ' ', el('small', { text: 'chance of relief > 3 months (95% CI)' })]));
    var scaleBox = el('div', { 'class': 'scale-box' }, probabilityScale(pred));
    append(card, scaleBox);
    append(card, el('p', { 'class': 'baseline', text: 'In the training cohort ' + pct(pred.baselineRate) +
      ' of patients had relief lasting more than 3 months.' }));
    append(card, el('h4', { text: 'What drives it' }));
    append(card, el('p', { 'class': 'note', text: 'Each factor\u2019s contribution to the log-odds (intercept ' +
      signed(pred.intercept) + '; total ' + signed(pred.linearPredictor) + '). Green raises, red lowers the estimate.' }));
    append(card, contributionChart(pred));
    append(card, whatIfBlock(pred, factors, scaleBox));
    append(card, derivedList(pred.derivedFactors));
    append(card, scoreBlock(pred.scores || (extras && extras.scores)));
    append(card, warningList(pred.warnings));
    append(card, modelLine(pred));
    return card;
  }

  /** Toggles for the modifiable factors: each asks the API again with the factor at its favourable value. */
  function whatIfBlock(pred, factors, scaleBox) {
    var mods = pred.modifiableFactors || [];
    var box = el('div', { 'class': 'whatif' });
    append(box, el('h4', { text: 'What if (associations, not effects)' }));
    if (!mods.length) {
      append(box, el('p', { 'class': 'note', text: 'Every modifiable factor is already at its favourable value.' }));
      return box;
    }
    append(box, el('p', { 'class': 'note', text: 'These show how the model\u2019s estimate differs for patients with the ' +
      'other value in the study\u2019s data. They are associations: changing the factor need not change the outcome.' }));
    var out = el('p', { 'class': 'whatif-result', 'aria-live': 'polite', hidden: true });
    mods.forEach(function (m) {
      var id = 'whatif-' + pred.procedure + '-' + m.factor;
      var input = el('input', { type: 'checkbox', id: id, 'data-factor': m.factor,
        'data-favourable': JSON.stringify(m.favourableValue) });
      input.addEventListener('change', function () { runWhatIf(pred, factors, box, out, scaleBox); });
      append(box, el('div', { 'class': 'choice-row' }, el('label', { 'class': 'choice', 'for': id }, [input,
        ' ' + m.label + ': ' + valueText(m.currentValue) + ' \u2192 ' + valueText(m.favourableValue)])));
    });
    append(box, out);
    return box;
  }

  function runWhatIf(pred, factors, box, out, scaleBox) {
    var changed = {};
    $all('input[type="checkbox"]', box).forEach(function (i) {
      if (i.checked) changed[i.getAttribute('data-factor')] = JSON.parse(i.getAttribute('data-favourable'));
    });
    var names = Object.keys(changed);
    scaleBox.textContent = '';
    if (!names.length) {
      out.hidden = true;
      out.textContent = '';
      append(scaleBox, probabilityScale(pred));
      return;
    }
    // the patient's factors as the API used them: those given directly and those it derived from raw values
    var f = {};
    Object.keys(factors).forEach(function (k) { f[k] = factors[k]; });
    (pred.derivedFactors || []).forEach(function (d) { f[d.factor] = d.value; });
    names.forEach(function (k) { f[k] = changed[k]; });
    api('POST', '/api/v1/predictions', { procedure: pred.procedure, factors: f }).then(function (r) {
      scaleBox.textContent = '';
      if (!r.ok) {
        out.textContent = 'The service could not compute this: ' + ((r.data && r.data.detail) || r.status);
        out.hidden = false;
        append(scaleBox, probabilityScale(pred));
        return;
      }
      append(scaleBox, probabilityScale(pred, r.data));
      out.textContent = '';
      out.setAttribute('data-probability', r.data.probability);
      append(out, ['With ' + names.map(function (k) { return k + ' = ' + valueText(changed[k]); }).join(' and ') +
        ', the model\u2019s estimate is ', el('strong', { 'class': 'whatif-estimate', text: withInterval(r.data.probability, r.data.confidenceInterval) }),
        ' (open circle) instead of ' + pct(pred.probability) + '. This is an association in the study\u2019s data, not the effect of changing it.']);
      out.hidden = false;
    });
  }

  function printHeader(preds) {
    var d = new Date();
    var stamp = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0') +
      ' ' + String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
    return el('p', { 'class': 'print-only', 'data-printed': stamp, text: 'Estimated ' + stamp + ' with ' +
      preds.map(function (p) { return p.model.id + ' ' + p.model.version; }).join(' and ') + '.' });
  }

  function showResult(data, factors, compare, extras) {
    var box = $('#result');
    box.textContent = '';
    append(box, el('h2', { id: 'result-h', text: compare ? 'Both operations, side by side' : 'Estimate' }));
    var preds = compare ? data.predictions : [data];
    append(box, printHeader(preds));
    if (compare && data.note) append(box, el('p', { 'class': 'noncausal', 'data-note': 'non-causal', text: data.note }));
    var cards = el('div', { 'class': 'cards' + (compare ? ' compare' : '') });
    preds.forEach(function (p) { append(cards, predictionCard(p, factors, extras)); });
    append(box, cards);
    box.hidden = false;
    box.focus();
  }

  // ---------- submitting ----------
  function submit(ev) {
    ev.preventDefault();
    estimate();
  }

  function estimate() {
    clearErrors();
    var procedure = procedureChoice();
    var factors = readFactors();
    var body = { factors: factors };
    var raw = modeChoice() === 'measurements';
    if (raw) body.measurements = readMeasurements();
    var compare = procedure === 'COMPARE';
    var path = compare ? '/api/v1/predictions/comparison' : '/api/v1/predictions';
    if (!compare && procedure) body = Object.assign({ procedure: procedure }, body);
    // Without a procedure the request goes out without one: the API names it, and the page shows that.
    state.lastRequest = body;
    $('#estimate').disabled = true;
    api('POST', path, body).then(function (r) {
      $('#estimate').disabled = false;
      if (r.ok) {
        if (raw && !(compare ? r.data.predictions[0].scores : r.data.scores)) {
          return api('POST', '/api/v1/scores', { measurements: body.measurements }).then(function (s) {
            showResult(r.data, factors, compare, s.ok ? { scores: s.data } : null);
          });
        }
        showResult(r.data, factors, compare, null);
      } else if (r.auth) {
        // shown at the sign-in control; estimated again once signed in
        $('#result').hidden = true;
        auth.retry = estimate;
      } else if (r.data && typeof r.data === 'object') {
        $('#result').hidden = true;
        showProblem(r.data);
      } else {
        showProblem({ title: 'The service answered ' + r.status, detail: String(r.data || '') });
      }
    }).catch(function (e) {
      $('#estimate').disabled = false;
      showProblem({ title: 'The service could not be reached', detail: String(e) });
    });
  }

  function init() {
    var form = $('#calculator');
    if (!form) return;
    state.models = $all('input[name="procedure"][data-slug]').map(function (r) {
      return { procedure: r.value, label: r.parentNode.textContent.trim() };
    });
    form.addEventListener('submit', submit);
    form.addEventListener('reset', function () {
      setTimeout(function () { clearErrors(); updateRequired(); $('#result').hidden = true; }, 0);
    });
    form.addEventListener('change', function (e) {
      if (e.target.name === 'procedure' || e.target.name === 'mode') updateRequired();
    });
    $('#error-summary').addEventListener('click', function (e) {
      var a = e.target.closest('a[data-focus]');
      if (a && a.getAttribute('data-focus')) { e.preventDefault(); document.getElementById(a.getAttribute('data-focus')).focus(); }
    });
    var signInBox = $('#sign-in');
    if (signInBox) {
      auth.required = signInBox.getAttribute('data-auth-required') === 'true';
      $('#sign-in-form').addEventListener('submit', signIn);
      $('#sign-out').addEventListener('click', signOut);
      renderAuth();
    }
    loadCatalogues();
  }

  function loadCatalogues() {
    var form = $('#calculator');
    Promise.all([
      api('GET', '/api/v1/factors'),
      api('GET', '/api/v1/measurements').catch(function () { return { ok: false }; })
    ]).then(function (rs) {
      if (rs[0].auth) {
        $('#factor-fields').textContent = 'Sign in above to load the form: the factor catalogue needs an access token.';
        return;
      }
      if (!rs[0].ok) throw new Error('factor catalogue: HTTP ' + rs[0].status);
      state.factors = rs[0].data;
      state.measurements = rs[1].ok && Array.isArray(rs[1].data) ? rs[1].data : null;
      state.loaded = true;
      buildForm();
      form.setAttribute('data-ready', 'true');
    }).catch(function (e) {
      $('#factor-fields').textContent = 'The factor catalogue could not be loaded (' + e.message + '). Reload the page.';
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
