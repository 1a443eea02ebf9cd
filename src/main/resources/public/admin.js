// Admin page of BHR Assistant: status, documents (upload, replace, delete), knowledge gaps, history (restore).
//
// Rendering rule: all text from the server or the admin goes into the page with textContent / createElement,
// no string is ever parsed as HTML. The token lives in sessionStorage only (gone when the tab closes), never in localStorage.
'use strict';

(function () {
  const { make, safeHttpUrl } = window.BhrDom;

  const TOKEN_KEY = 'bhr-admin-token';
  const REQUEST_TIMEOUT_MS = 60000;
  const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const CONTENT_TYPES = {
    md: 'text/markdown',
    markdown: 'text/markdown',
    txt: 'text/plain',
    pdf: 'application/pdf',
    html: 'text/html',
    htm: 'text/html',
    docx: DOCX
  };
  const METADATA_FIELDS = ['title', 'url', 'kind', 'language', 'source'];

  const el = {
    tokenForm: document.getElementById('token-form'),
    token: document.getElementById('token'),
    forgetToken: document.getElementById('forget-token'),
    message: document.getElementById('message'),
    messageClose: document.getElementById('message-close'),
    refresh: document.getElementById('refresh'),
    reindex: document.getElementById('reindex'),
    status: document.getElementById('status'),
    uploadForm: document.getElementById('upload-form'),
    uploadId: document.getElementById('upload-id'),
    uploadFile: document.getElementById('upload-file'),
    uploadSubmit: document.getElementById('upload-submit'),
    documents: document.getElementById('documents'),
    gaps: document.getElementById('gaps'),
    history: document.getElementById('history'),
    versions: document.getElementById('versions')
  };

  let documents = [];
  // The knowledge base's revision as this page last saw it: changes name it, so a change made from a page that
  // another admin has overtaken is refused (409) instead of silently undoing theirs.
  let seenRevision = null;

  // ---- helpers -------------------------------------------------------------------------------------

  function formatDate(value) {
    if (!value) {
      return '—';
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      return String(value);
    }
    return date.toLocaleString('id-ID', { dateStyle: 'medium', timeStyle: 'short' });
  }

  function formatBytes(value) {
    const bytes = Number(value) || 0;
    if (bytes >= 1024 * 1024 * 1024) {
      return (bytes / (1024 * 1024 * 1024)).toFixed(1) + ' GB';
    }
    return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)).toFixed(1) + ' MB' : Math.ceil(bytes / 1024) + ' KB';
  }

  function shortHash(value) {
    return value ? String(value).slice(0, 12) : '—';
  }

  function show(text, kind) {
    el.message.className = 'message is-' + (kind || 'info');
    // role=alert makes screen readers announce an error at once; success stays polite.
    el.message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    el.message.textContent = text;
    el.messageClose.hidden = !text;
  }

  function clearMessage() {
    el.message.className = 'message';
    el.message.textContent = '';
    el.messageClose.hidden = true;
  }

  function getToken() {
    try {
      return window.sessionStorage.getItem(TOKEN_KEY) || '';
    } catch (e) {
      return el.token.value.trim();
    }
  }

  function setToken(value) {
    try {
      if (value) {
        window.sessionStorage.setItem(TOKEN_KEY, value);
      } else {
        window.sessionStorage.removeItem(TOKEN_KEY);
      }
    } catch (e) {
      // storage off: the token is read from the field instead
    }
  }

  /** An Error carrying the HTTP status and the server's {"error"} message. */
  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function describe(error) {
    if (error instanceof ApiError) {
      if (error.status === 401) {
        return 'Token salah atau belum diisi (401): ' + error.message;
      }
      if (error.status === 429) {
        return 'Terlalu banyak token salah; token salah ditolak untuk sementara, token yang benar tetap diterima (429): ' + error.message;
      }
      if (error.status === 409) {
        return 'Perubahan tidak dilakukan (409): ' + error.message + '. Tekan “Muat ulang” untuk melihat keadaan terbaru.';
      }
      if (error.status === 507) {
        return 'Penyimpanan server penuh atau tidak dapat ditulis; basis pengetahuan tidak berubah (507): ' + error.message;
      }
      if (error.status === 403) {
        return 'API admin nonaktif di server (403): ' + error.message;
      }
      return 'HTTP ' + error.status + ': ' + error.message;
    }
    if (error && error.name === 'AbortError') {
      return 'Server terlalu lama menjawab; coba lagi.';
    }
    return 'Tidak dapat terhubung ke server: ' + (error && error.message ? error.message : String(error));
  }

  /** Calls the API; resolves with parsed JSON (or null), rejects with ApiError carrying the server's message. */
  async function api(method, path, options) {
    const opts = options || {};
    const headers = Object.assign({ 'Accept': 'application/json' }, opts.headers || {});
    if (opts.admin !== false) {
      const token = getToken();
      if (!token) {
        throw new ApiError(401, 'isi token admin lalu tekan “Simpan token”');
      }
      headers.Authorization = 'Bearer ' + token;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    let response;
    try {
      response = await fetch(path, {
        method: method,
        headers: headers,
        body: opts.body,
        signal: controller.signal,
        credentials: 'same-origin',
        cache: 'no-store'
      });
    } finally {
      window.clearTimeout(timer);
    }
    let data = null;
    const text = await response.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = null;
      }
    }
    if (!response.ok) {
      if (response.status === 401 && opts.admin !== false) {
        // A refused token is forgotten at once, so the panels do not each spend a failed attempt with it.
        setToken('');
      }
      const message = data && typeof data.error === 'string' && data.error ? data.error : (response.statusText || 'request failed');
      throw new ApiError(response.status, message);
    }
    return data;
  }

  function withRevision(params) {
    if (seenRevision !== null) {
      params.set('revision', String(seenRevision));
    }
    return params;
  }

  function revisionQuery() {
    const query = withRevision(new URLSearchParams()).toString();
    return query ? '?' + query : '';
  }

  function emptyNote(container, text) {
    container.replaceChildren(make('p', 'empty', text));
  }

  function cell(row, label, content, className) {
    const td = make('td', className || null);
    td.setAttribute('data-label', label);
    if (content instanceof Node) {
      td.appendChild(content);
    } else {
      td.textContent = content === undefined || content === null || content === '' ? '—' : String(content);
    }
    row.appendChild(td);
    return td;
  }

  function table(caption, headers) {
    const wrap = make('div', 'table-wrap');
    const tableEl = make('table', 'data stack');
    if (caption) {
      tableEl.appendChild(make('caption', null, caption));
    }
    const head = make('thead');
    const headRow = make('tr');
    headers.forEach(function (name) {
      const th = make('th', null, name);
      th.scope = 'col';
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    const body = make('tbody');
    tableEl.append(head, body);
    wrap.appendChild(tableEl);
    return { wrap: wrap, body: body };
  }

  function statusBadge(status) {
    const value = String(status || '').toLowerCase();
    const kinds = { berlaku: 'badge-ok', rancangan: 'badge-draft', dicabut: 'badge-revoked' };
    return make('span', 'badge ' + (kinds[value] || 'badge-neutral'), value || '—');
  }

  function contentTypeOf(file) {
    const match = /\.([A-Za-z0-9]+)$/.exec(file.name || '');
    return match ? CONTENT_TYPES[match[1].toLowerCase()] || null : null;
  }

  async function hasFrontMatter(file) {
    try {
      const head = await file.slice(0, 8).text();
      return /^\uFEFF?---\s/.test(head);
    } catch (e) {
      return false;
    }
  }

  // ---- panels --------------------------------------------------------------------------------------

  function renderStatus(status) {
    seenRevision = typeof status.revision === 'number' ? status.revision : null;
    const grid = make('dl', 'status-grid');
    function item(label, value, extraClass) {
      const box = make('div', extraClass || null);
      box.append(make('dt', null, label), make('dd', null, value === undefined || value === null || value === '' ? '—' : value));
      grid.appendChild(box);
      return box;
    }
    item('Versi', status.version);
    item('Revisi', status.revision);
    item('Dokumen', status.documents);
    item('Bagian (passage)', status.passages);
    item('Dokumen unggahan', status.uploadedDocuments);
    item('Pembaruan terakhir', formatDate(status.lastUpdate));
    if (status.storage) {
      item('Data tersimpan', formatBytes(status.storage.bytesUsed) + (status.storage.bytesFree >= 0
        ? ' (sisa ruang ' + formatBytes(status.storage.bytesFree) + ')' : ''));
    }
    const hash = item('Hash isi', shortHash(status.contentHash));
    hash.querySelector('dd').classList.add('mono');
    hash.querySelector('dd').title = status.contentHash || '';
    if (status.lastError) {
      item('Galat terakhir', status.lastError + (status.lastErrorAt ? ' (' + formatDate(status.lastErrorAt) + ')' : ''), 'is-error');
    } else {
      item('Galat terakhir', 'tidak ada');
    }
    const parts = [grid];
    const skipped = Array.isArray(status.skipped) ? status.skipped : [];
    const skippedTitle = make('p', 'panel-note', skipped.length
      ? 'Berkas yang dilewati (' + skipped.length + '):'
      : 'Tidak ada berkas yang dilewati.');
    skippedTitle.classList.add('token-hint');
    parts.push(skippedTitle);
    if (skipped.length) {
      const list = make('ul', 'skipped');
      skipped.forEach(function (entry) {
        const li = make('li');
        li.append(make('span', 'mono', entry.file || '?'), document.createTextNode(' — ' + (entry.reason || '')));
        list.appendChild(li);
      });
      parts.push(list);
    }
    // Passages whose dated ("Per:") statements are older than the configured age: what to re-check first.
    const stale = Array.isArray(status.stale) ? status.stale : [];
    const staleTitle = make('p', 'panel-note', stale.length
      ? 'Bagian yang perlu dicek ulang terhadap sumbernya (' + stale.length + ', tertua dulu):'
      : 'Tidak ada bagian bertanggal yang perlu dicek ulang.');
    staleTitle.classList.add('token-hint');
    parts.push(staleTitle);
    if (stale.length) {
      const list = make('ul', 'skipped');
      stale.slice(0, 50).forEach(function (entry) {
        const li = make('li');
        li.append(make('span', 'mono', entry.passageId || '?'),
          document.createTextNode(' — per ' + (entry.asOf || '?') + (entry.section ? ' (' + entry.section + ')' : '')));
        list.appendChild(li);
      });
      parts.push(list);
    }
    el.status.replaceChildren.apply(el.status, parts);
  }

  function renderDocuments(list) {
    documents = Array.isArray(list) ? list : [];
    if (documents.length === 0) {
      emptyNote(el.documents, 'Belum ada dokumen.');
      return;
    }
    const t = table(documents.length + ' dokumen', ['Dokumen', 'Jenis', 'Bahasa', 'Status', 'Bagian', 'Diperbarui', 'Tindakan']);
    documents.forEach(function (doc) {
      const row = make('tr', 'document-row');
      row.dataset.id = doc.id;
      const titleBox = make('div');
      const href = safeHttpUrl(doc.url);
      const title = make(href ? 'a' : 'span', 'doc-title', doc.title || doc.id);
      if (href) {
        title.href = href;
        title.target = '_blank';
        title.rel = 'noopener noreferrer';
      }
      titleBox.append(title, make('span', 'doc-id mono', doc.id));
      if (doc.source) {
        titleBox.appendChild(make('span', 'doc-id', doc.source));
      }
      cell(row, 'Dokumen', titleBox);
      cell(row, 'Jenis', doc.kind);
      cell(row, 'Bahasa', doc.language);
      cell(row, 'Status', statusBadge(doc.status));
      cell(row, 'Bagian', doc.passages, 'num');
      cell(row, 'Diperbarui', formatDate(doc.updated));

      const actions = make('div', 'row-actions');
      const replace = make('label', 'button-secondary button-small file-button replace-button');
      replace.appendChild(make('span', null, 'Ganti berkas'));
      const input = make('input', 'replace-file');
      input.type = 'file';
      input.accept = '.md,.markdown,.txt,.pdf,.html,.htm,.docx';
      input.setAttribute('aria-label', 'Ganti berkas dokumen ' + doc.id);
      input.addEventListener('change', function () {
        const file = input.files && input.files[0];
        input.value = '';
        if (file) {
          replaceDocument(doc, file);
        }
      });
      replace.appendChild(input);
      const del = make('button', 'button-danger button-small delete-button', 'Hapus');
      del.type = 'button';
      del.setAttribute('aria-label', 'Hapus dokumen ' + doc.id);
      del.addEventListener('click', function () { deleteDocument(doc); });
      const versions = make('button', 'button-secondary button-small versions-button', 'Versi');
      versions.type = 'button';
      versions.setAttribute('aria-label', 'Lihat versi dokumen ' + doc.id);
      versions.addEventListener('click', function () { showVersions(doc.id); });
      actions.append(replace, versions, del);
      cell(row, 'Tindakan', actions);
      t.body.appendChild(row);
    });
    el.documents.replaceChildren(t.wrap);
  }

  function renderGaps(list) {
    const gaps = Array.isArray(list) ? list : [];
    if (gaps.length === 0) {
      emptyNote(el.gaps, 'Belum ada pertanyaan yang tidak terjawab.');
      return;
    }
    const t = table(null, ['Pertanyaan', 'Jumlah', 'Tak terjawab', 'Tidak membantu', 'Terakhir', 'Kanal']);
    gaps.forEach(function (gap) {
      const row = make('tr');
      cell(row, 'Pertanyaan', gap.question);
      cell(row, 'Jumlah', gap.count, 'num');
      cell(row, 'Tak terjawab', gap.unanswered, 'num');
      cell(row, 'Tidak membantu', gap.notHelpful, 'num');
      cell(row, 'Terakhir', formatDate(gap.lastAsked));
      cell(row, 'Kanal', Array.isArray(gap.channels) ? gap.channels.join(', ') : gap.channels);
      t.body.appendChild(row);
    });
    el.gaps.replaceChildren(t.wrap);
  }

  function renderHistory(list) {
    const entries = Array.isArray(list) ? list : [];
    if (entries.length === 0) {
      emptyNote(el.history, 'Belum ada perubahan.');
      return;
    }
    const labels = { upload: 'unggah', replace: 'ganti', 'delete': 'hapus', restore: 'pulihkan', reindex: 'indeks ulang' };
    const t = table(null, ['Waktu', 'Dokumen', 'Tindakan', 'Oleh', 'Hash lama → baru', '']);
    const seen = new Set();
    entries.forEach(function (entry) {
      const row = make('tr');
      cell(row, 'Waktu', formatDate(entry.at));
      cell(row, 'Dokumen', entry.documentId, 'mono');
      cell(row, 'Tindakan', labels[entry.action] || entry.action);
      cell(row, 'Oleh', entry.actor);
      const hashes = make('span', 'mono', shortHash(entry.oldHash) + ' → ' + shortHash(entry.newHash));
      hashes.title = (entry.oldHash || '—') + ' → ' + (entry.newHash || '—');
      cell(row, 'Hash', hashes);
      // Restore undoes the last change of a document, so it is offered on that document's newest entry.
      if (entry.documentId && !seen.has(entry.documentId)) {
        seen.add(entry.documentId);
        const restore = make('button', 'button-secondary button-small restore-button', 'Pulihkan');
        restore.type = 'button';
        restore.setAttribute('aria-label', 'Pulihkan versi sebelumnya dari ' + entry.documentId);
        restore.addEventListener('click', function () { restoreDocument(entry.documentId); });
        cell(row, 'Tindakan', restore);
      } else {
        cell(row, 'Tindakan', '');
      }
      t.body.appendChild(row);
    });
    el.history.replaceChildren(t.wrap);
  }

  // ---- loading -------------------------------------------------------------------------------------

  async function loadDocuments() {
    try {
      renderDocuments(await api('GET', '/api/documents', { admin: false }));
      return null;
    } catch (error) {
      emptyNote(el.documents, 'Daftar dokumen tidak dapat dimuat: ' + describe(error));
      return error;
    }
  }

  async function loadAdminPanel(path, container, render, label) {
    if (!getToken()) {
      emptyNote(container, 'Masukkan token untuk melihat ' + label + '.');
      return null;
    }
    try {
      render(await api('GET', path));
      return null;
    } catch (error) {
      emptyNote(container, label.charAt(0).toUpperCase() + label.slice(1) + ' tidak dapat dimuat: ' + describe(error));
      return error;
    }
  }

  /**
   * Reloads every panel; returns the first error (so the caller can report it) or null. The status goes first
   * and alone: a mistyped token is refused once, then forgotten, and the other panels do not try it again.
   */
  async function loadAll() {
    const statusError = await loadAdminPanel('/admin/status', el.status, renderStatus, 'status');
    const results = await Promise.all([
      loadDocuments(),
      loadAdminPanel('/admin/unanswered', el.gaps, renderGaps, 'kesenjangan pengetahuan'),
      loadAdminPanel('/admin/history', el.history, renderHistory, 'riwayat')
    ]);
    return statusError || results.find(Boolean) || null;
  }

  async function run(busyButton, action) {
    if (busyButton) {
      busyButton.disabled = true;
    }
    try {
      await action();
    } catch (error) {
      show(describe(error), 'error');
    } finally {
      if (busyButton) {
        busyButton.disabled = false;
      }
    }
  }

  // ---- actions -------------------------------------------------------------------------------------

  async function putDocument(id, file, metadata) {
    const contentType = contentTypeOf(file);
    if (!contentType) {
      throw new ApiError(415, 'jenis berkas “' + file.name + '” tidak didukung; gunakan .md, .txt, .pdf, .html/.htm atau .docx');
    }
    const params = new URLSearchParams();
    METADATA_FIELDS.forEach(function (name) {
      const value = metadata[name];
      if (typeof value === 'string' && value.trim()) {
        params.set(name, value.trim());
      }
    });
    withRevision(params);
    const query = params.toString();
    return api('PUT', '/admin/documents/' + encodeURIComponent(id) + (query ? '?' + query : ''), {
      headers: { 'Content-Type': contentType },
      body: file
    });
  }

  function uploadedMessage(verb, result, fallbackId) {
    const r = result || {};
    return 'Dokumen “' + (r.title || fallbackId) + '” (' + (r.id || fallbackId) + ') ' + verb + ': '
      + (r.passages !== undefined ? r.passages + ' bagian' : 'tersimpan')
      + (r.version !== undefined ? ', versi basis pengetahuan ' + r.version : '') + '.';
  }

  async function upload(event) {
    event.preventDefault();
    const id = el.uploadId.value.trim();
    const file = el.uploadFile.files && el.uploadFile.files[0];
    if (!ID_PATTERN.test(id)) {
      show('Id dokumen tidak valid: gunakan huruf kecil, angka dan tanda hubung (mis. modul-bham-2026).', 'error');
      el.uploadId.setAttribute('aria-invalid', 'true');
      el.uploadId.focus();
      return;
    }
    el.uploadId.removeAttribute('aria-invalid');
    if (!file) {
      show('Pilih berkas yang akan diunggah.', 'error');
      el.uploadFile.focus();
      return;
    }
    if (!contentTypeOf(file)) {
      show('Jenis berkas “' + file.name + '” tidak didukung; gunakan .md, .txt, .pdf, .html/.htm atau .docx.', 'error');
      el.uploadFile.focus();
      return;
    }
    const exists = documents.some(function (doc) { return doc.id === id; });
    if (exists && !window.confirm('Dokumen dengan id “' + id + '” sudah ada dan akan diganti. Lanjutkan?')) {
      show('Unggahan dibatalkan.', 'info');
      return;
    }
    const metadata = {};
    METADATA_FIELDS.forEach(function (name) {
      const field = document.getElementById('upload-' + name);
      metadata[name] = field ? field.value : '';
    });
    await run(el.uploadSubmit, async function () {
      show('Mengunggah “' + file.name + '”…', 'info');
      const result = await putDocument(id, file, metadata);
      el.uploadForm.reset();
      await loadAll();
      show(uploadedMessage(exists ? 'diganti' : 'diunggah', result, id), 'success');
    });
  }

  async function replaceDocument(doc, file) {
    if (!contentTypeOf(file)) {
      show('Jenis berkas “' + file.name + '” tidak didukung; gunakan .md, .txt, .pdf, .html/.htm atau .docx.', 'error');
      return;
    }
    if (!window.confirm('Ganti dokumen “' + doc.id + '” dengan berkas “' + file.name + '”?')) {
      return;
    }
    // Metadata given as parameters wins over a front matter, so the current metadata is only sent along
    // when the new file has no front matter of its own (always for PDF, HTML and DOCX).
    const type = contentTypeOf(file);
    const ownMetadata = (type === 'text/markdown' || type === 'text/plain') && await hasFrontMatter(file);
    const metadata = ownMetadata ? {} : {
      title: doc.title, url: doc.url, kind: doc.kind, language: doc.language, source: doc.source
    };
    await run(null, async function () {
      show('Mengganti “' + doc.id + '”…', 'info');
      const result = await putDocument(doc.id, file, metadata);
      await loadAll();
      show(uploadedMessage('diganti', result, doc.id), 'success');
    });
  }

  async function deleteDocument(doc) {
    if (!window.confirm('Hapus dokumen “' + (doc.title || doc.id) + '” (' + doc.id + ')? Dokumen dapat dipulihkan dari riwayat.')) {
      return;
    }
    await run(null, async function () {
      await api('DELETE', '/admin/documents/' + encodeURIComponent(doc.id) + revisionQuery());
      await loadAll();
      show('Dokumen “' + doc.id + '” dihapus. Gunakan “Pulihkan” di riwayat untuk mengembalikannya.', 'success');
    });
  }

  async function restoreDocument(id) {
    if (!window.confirm('Pulihkan “' + id + '”: dokumen yang dihapus kembali, atau versi sebelum versi yang berlaku?')) {
      return;
    }
    await run(null, async function () {
      const result = await api('POST', '/admin/documents/' + encodeURIComponent(id) + '/restore' + revisionQuery());
      await loadAll();
      const which = result && result.restored ? ' versi ' + result.restored + (result.bundled ? ' (berkas bawaan)' : '') : ' versi sebelumnya';
      show('Dokumen “' + id + '” dipulihkan ke' + which + '.', 'success');
    });
  }

  /** Lists every version of a document (newest first), each restorable by its number. */
  function renderVersions(list) {
    const t = table('Versi dokumen ' + list.id + (list.deleted ? ' (dihapus)' : ''),
      ['Versi', 'Judul', 'Hash', 'Oleh', 'Waktu', '']);
    list.versions.forEach(function (version) {
      const row = make('tr', 'version-row');
      const current = version.number === list.current && !list.deleted;
      cell(row, 'Versi', version.number + (current ? ' (berlaku)' : '') + (version.bundled ? ' · berkas bawaan' : ''));
      cell(row, 'Judul', version.metadata && version.metadata.title);
      const hash = make('span', 'mono', shortHash(version.hash));
      hash.title = version.hash || '';
      cell(row, 'Hash', hash);
      cell(row, 'Oleh', version.by);
      cell(row, 'Waktu', formatDate(version.at));
      if (current) {
        cell(row, 'Tindakan', '');
      } else {
        const restore = make('button', 'button-secondary button-small restore-version-button', 'Pulihkan versi ini');
        restore.type = 'button';
        restore.setAttribute('aria-label', 'Pulihkan versi ' + version.number + ' dari ' + list.id);
        restore.addEventListener('click', function () { restoreVersion(list.id, version.number); });
        cell(row, 'Tindakan', restore);
      }
      t.body.appendChild(row);
    });
    el.versions.replaceChildren(t.wrap);
    el.versions.hidden = false;
  }

  async function showVersions(id) {
    await run(null, async function () {
      renderVersions(await api('GET', '/admin/documents/' + encodeURIComponent(id) + '/versions'));
      el.versions.scrollIntoView({ block: 'nearest' });
    });
  }

  async function restoreVersion(id, number) {
    if (!window.confirm('Jadikan versi ' + number + ' dari “' + id + '” versi yang berlaku?')) {
      return;
    }
    await run(null, async function () {
      const params = withRevision(new URLSearchParams({ to: String(number) }));
      const result = await api('POST', '/admin/documents/' + encodeURIComponent(id) + '/restore?' + params.toString());
      await loadAll();
      renderVersions(await api('GET', '/admin/documents/' + encodeURIComponent(id) + '/versions'));
      show('Dokumen “' + id + '” dipulihkan ke versi ' + (result ? result.restored : number) + '.', 'success');
    });
  }

  async function reindex() {
    await run(el.reindex, async function () {
      show('Mengindeks ulang…', 'info');
      const status = await api('POST', '/admin/reindex');
      if (status) {
        renderStatus(status);
      }
      await loadAll();
      show('Indeks dibangun ulang: ' + (status ? status.documents + ' dokumen, ' + status.passages + ' bagian.' : 'selesai.'), 'success');
    });
  }

  async function refresh() {
    await run(el.refresh, async function () {
      const error = await loadAll();
      if (error) {
        show(describe(error), 'error');
      } else {
        show('Data dimuat ulang.', 'success');
      }
    });
  }

  // ---- wiring --------------------------------------------------------------------------------------

  el.tokenForm.addEventListener('submit', async function (event) {
    event.preventDefault();
    const value = el.token.value.trim();
    if (!value) {
      show('Isi token admin terlebih dahulu.', 'error');
      el.token.focus();
      return;
    }
    setToken(value);
    show('Memeriksa token…', 'info');
    const error = await loadAll();
    if (error) {
      show(describe(error), 'error');
    } else {
      show('Token tersimpan untuk tab ini. Panel admin dimuat.', 'success');
    }
  });

  el.forgetToken.addEventListener('click', function () {
    setToken('');
    el.token.value = '';
    loadAll();
    show('Token dihapus dari tab ini.', 'info');
  });

  el.messageClose.addEventListener('click', clearMessage);
  el.uploadForm.addEventListener('submit', upload);
  el.refresh.addEventListener('click', refresh);
  el.reindex.addEventListener('click', reindex);

  const stored = getToken();
  if (stored) {
    el.token.value = stored;
  }
  loadAll().then(function (error) {
    if (error && stored) {
      show(describe(error), 'error');
    }
  });
})();
