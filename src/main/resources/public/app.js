// Chat page of BHR Assistant (Asisten Bisnis dan HAM).
//
// Rendering rule: every piece of text that comes from the server or the user is put into the page with
// textContent / createElement; no string is ever parsed as HTML, and the [n] citation markers are turned
// into links by splitting the answer text into text nodes and <a> elements, never by building markup.
'use strict';

(function () {
  const { make, safeHttpUrl } = window.BhrDom;

  const STRINGS = {
    id: {
      pageTitle: 'Asisten Bisnis dan HAM',
      skip: 'Langsung ke kolom pertanyaan',
      title: 'Asisten Bisnis dan HAM',
      subtitle: 'Jawaban dengan kutipan sumber tentang bisnis dan hak asasi manusia di Indonesia',
      langGroup: 'Bahasa',
      welcomeTitle: 'Tanyakan tentang bisnis dan HAM',
      welcomeText: 'Setiap jawaban disusun dari dokumen resmi dan rujukan, dengan nomor [1], [2] yang menunjuk ke sumbernya di bawah jawaban.',
      examplesLabel: 'Contoh pertanyaan:',
      disclaimer: 'Jawaban diambil dari basis pengetahuan dan bukan nasihat hukum. Periksa selalu dokumen sumbernya.',
      conversationLabel: 'Percakapan',
      questionLabel: 'Pertanyaan Anda',
      questionPlaceholder: 'Tulis pertanyaan tentang bisnis dan HAM…',
      send: 'Kirim',
      sending: 'Mengirim…',
      hint: 'Tekan Enter untuk mengirim, Shift+Enter untuk baris baru.',
      you: 'Anda',
      assistant: 'Asisten',
      searching: 'Sedang mencari jawaban di basis pengetahuan…',
      answerLabel: 'Jawaban',
      notFound: 'Jawaban belum ditemukan',
      sources: 'Sumber',
      citeLabel: 'Sumber nomor {n}',
      quote: 'Lihat kutipan',
      section: 'Bagian',
      basedOn: 'Dasar',
      openSource: '(membuka tab baru)',
      draft: 'Rancangan',
      draftTitle: 'Dokumen ini masih rancangan dan belum berlaku.',
      revoked: 'Dicabut',
      revokedTitle: 'Dokumen ini sudah dicabut dan tidak berlaku lagi.',
      helpfulQuestion: 'Apakah jawaban ini membantu?',
      helpful: 'Membantu',
      notHelpful: 'Tidak membantu',
      thanks: 'Terima kasih atas masukan Anda.',
      feedbackFailed: 'Masukan belum terkirim. Silakan coba lagi.',
      askThis: 'Tanyakan',
      errorTitle: 'Maaf, terjadi kendala',
      errorBadRequest: 'Pertanyaan tidak dapat diproses: {message}',
      errorRateLimit: 'Terlalu banyak pertanyaan dalam waktu singkat. Tunggu sebentar lalu coba lagi.',
      errorServer: 'Layanan sedang tidak dapat menjawab (kode {status}). Silakan coba lagi beberapa saat lagi.',
      errorNetwork: 'Tidak dapat terhubung ke layanan. Periksa koneksi jaringan Anda lalu coba lagi.',
      errorTimeout: 'Layanan terlalu lama menjawab. Silakan coba lagi.',
      retry: 'Coba lagi',
      empty: 'Tulis pertanyaan terlebih dahulu.',
      examples: [
        'Apa itu Stranas BHAM?',
        'Bagaimana UMKM memulai uji tuntas HAM?',
        'Apa kewajiban pemerintah daerah dalam Strategi Nasional Bisnis dan HAM?',
        'Bagaimana cara pekerja mengadukan pelanggaran HAM oleh perusahaan?'
      ]
    },
    en: {
      pageTitle: 'Business and Human Rights Assistant',
      skip: 'Skip to the question box',
      title: 'Business and Human Rights Assistant',
      subtitle: 'Answers with cited sources on business and human rights in Indonesia',
      langGroup: 'Language',
      welcomeTitle: 'Ask about business and human rights',
      welcomeText: 'Every answer is built from official documents and references, with numbers [1], [2] pointing to its sources below the answer.',
      examplesLabel: 'Example questions:',
      disclaimer: 'Answers come from a knowledge base and are not legal advice. Always check the source documents.',
      conversationLabel: 'Conversation',
      questionLabel: 'Your question',
      questionPlaceholder: 'Write a question about business and human rights…',
      send: 'Send',
      sending: 'Sending…',
      hint: 'Press Enter to send, Shift+Enter for a new line.',
      you: 'You',
      assistant: 'Assistant',
      searching: 'Searching the knowledge base…',
      answerLabel: 'Answer',
      notFound: 'No answer found yet',
      sources: 'Sources',
      citeLabel: 'Source number {n}',
      quote: 'Show quoted passage',
      section: 'Section',
      basedOn: 'Based on',
      openSource: '(opens in a new tab)',
      draft: 'Draft',
      draftTitle: 'This document is a draft and not yet in force.',
      revoked: 'Revoked',
      revokedTitle: 'This document has been revoked and is no longer in force.',
      helpfulQuestion: 'Was this answer helpful?',
      helpful: 'Helpful',
      notHelpful: 'Not helpful',
      thanks: 'Thank you for your feedback.',
      feedbackFailed: 'Your feedback was not sent. Please try again.',
      askThis: 'Ask',
      errorTitle: 'Sorry, something went wrong',
      errorBadRequest: 'The question could not be processed: {message}',
      errorRateLimit: 'Too many questions in a short time. Please wait a moment and try again.',
      errorServer: 'The service cannot answer right now (code {status}). Please try again shortly.',
      errorNetwork: 'Cannot reach the service. Check your network connection and try again.',
      errorTimeout: 'The service took too long to answer. Please try again.',
      retry: 'Try again',
      empty: 'Please write a question first.',
      examples: [
        'What is human rights due diligence?',
        'What are the three pillars of the UN Guiding Principles?'
      ]
    }
  };

  const LANG_KEY = 'bhr-lang';
  const REQUEST_TIMEOUT_MS = 30000;
  const CITATION_MARKER = /\[(\d+)\]/;

  let lang = 'id';
  let turnCounter = 0;
  let busy = false;

  const el = {
    form: document.getElementById('ask-form'),
    question: document.getElementById('question'),
    send: document.getElementById('send'),
    sendLabel: document.querySelector('#send .send-label'),
    conversation: document.getElementById('conversation'),
    examples: document.getElementById('examples')
  };

  // ---- small helpers -------------------------------------------------------------------------------

  function t(key, values) {
    const table = STRINGS[lang] || STRINGS.id;
    let text = key in table ? table[key] : STRINGS.id[key];
    if (typeof text === 'string' && values) {
      Object.keys(values).forEach(function (name) {
        text = text.split('{' + name + '}').join(String(values[name]));
      });
    }
    return text;
  }

  function readStoredLang() {
    try {
      const stored = window.localStorage.getItem(LANG_KEY);
      return stored === 'en' || stored === 'id' ? stored : null;
    } catch (e) {
      return null;
    }
  }

  function storeLang(value) {
    try {
      window.localStorage.setItem(LANG_KEY, value);
    } catch (e) {
      // private mode or storage off: the choice simply is not remembered
    }
  }

  // ---- language ------------------------------------------------------------------------------------

  function applyLanguage(next) {
    lang = STRINGS[next] ? next : 'id';
    document.documentElement.lang = lang;
    document.title = t('pageTitle');
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (node) {
      node.setAttribute('placeholder', t(node.getAttribute('data-i18n-placeholder')));
    });
    document.querySelectorAll('[data-i18n-aria]').forEach(function (node) {
      node.setAttribute('aria-label', t(node.getAttribute('data-i18n-aria')));
    });
    document.querySelectorAll('.lang-button').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === lang));
    });
    if (busy) {
      el.sendLabel.textContent = t('sending');
    }
    renderExamples();
  }

  function renderExamples() {
    el.examples.replaceChildren();
    t('examples').forEach(function (text) {
      const item = make('li');
      const chip = make('button', 'example chip', text);
      chip.type = 'button';
      chip.addEventListener('click', function () {
        ask(text);
      });
      item.appendChild(chip);
      el.examples.appendChild(item);
    });
  }

  // ---- conversation turns --------------------------------------------------------------------------

  function addUserTurn(text) {
    const turn = make('article', 'turn question-turn');
    turn.setAttribute('aria-label', t('you'));
    turn.appendChild(make('p', 'turn-role', t('you')));
    // white-space: pre-wrap keeps the user's line breaks; the text is never parsed as HTML.
    turn.appendChild(make('p', 'bubble user-bubble', text));
    el.conversation.appendChild(turn);
    return turn;
  }

  function addPendingTurn() {
    const turn = make('div', 'turn pending-turn');
    turn.setAttribute('role', 'status');
    const bubble = make('p', 'bubble pending-bubble');
    const dots = make('span', 'typing-dots');
    dots.setAttribute('aria-hidden', 'true');
    dots.append(make('span'), make('span'), make('span'));
    bubble.append(dots, make('span', 'pending-text', t('searching')));
    turn.appendChild(bubble);
    el.conversation.appendChild(turn);
    return turn;
  }

  /**
   * Appends one line of answer text to parent, turning each [n] whose n is a known citation into a link to
   * that source. String.split with a capturing group alternates text and captured numbers.
   */
  function appendWithCitations(parent, text, turnId, knownNumbers) {
    const parts = String(text).split(CITATION_MARKER);
    parts.forEach(function (part, index) {
      if (index % 2 === 0) {
        if (part) {
          parent.appendChild(document.createTextNode(part));
        }
        return;
      }
      const n = Number(part);
      if (!knownNumbers.has(n)) {
        parent.appendChild(document.createTextNode('[' + part + ']'));
        return;
      }
      const link = make('a', 'cite', '[' + n + ']');
      link.href = '#' + turnId + '-source-' + n;
      link.setAttribute('aria-label', t('citeLabel', { n: n }));
      link.addEventListener('click', function (event) {
        event.preventDefault();
        const target = document.getElementById(turnId + '-source-' + n);
        if (target) {
          target.scrollIntoView({ behavior: 'smooth', block: 'center' });
          target.classList.remove('flash');
          // restart the highlight animation
          void target.offsetWidth;
          target.classList.add('flash');
          target.focus({ preventScroll: true });
        }
      });
      parent.appendChild(link);
    });
  }

  /**
   * The answer is plain text that may hold newlines; lines starting with "- " form a list. In a not-found
   * reply those list lines are example questions, so they become buttons that ask them.
   */
  function renderAnswerText(container, answer, turnId, knownNumbers, found) {
    const lines = String(answer || '').split(/\r?\n/);
    let list = null;
    lines.forEach(function (rawLine) {
      const line = rawLine.replace(/\s+$/, '');
      const bullet = /^\s*[-•]\s+(.*)$/.exec(line);
      if (bullet) {
        if (!list) {
          list = make('ul', 'answer-list');
          container.appendChild(list);
        }
        const item = make('li');
        const text = bullet[1];
        if (!found && !CITATION_MARKER.test(text)) {
          const suggestion = make('button', 'suggestion chip', text);
          suggestion.type = 'button';
          suggestion.setAttribute('aria-label', t('askThis') + ': ' + text);
          suggestion.addEventListener('click', function () {
            ask(text);
          });
          item.appendChild(suggestion);
        } else {
          appendWithCitations(item, text, turnId, knownNumbers);
        }
        list.appendChild(item);
        return;
      }
      list = null;
      if (line.trim() === '') {
        return;
      }
      const paragraph = make('p');
      appendWithCitations(paragraph, line, turnId, knownNumbers);
      container.appendChild(paragraph);
    });
  }

  function statusBadge(status) {
    const value = String(status || '').toLowerCase();
    if (value === 'rancangan') {
      const badge = make('span', 'badge badge-draft', t('draft'));
      badge.title = t('draftTitle');
      return badge;
    }
    if (value === 'dicabut') {
      const badge = make('span', 'badge badge-revoked', t('revoked'));
      badge.title = t('revokedTitle');
      return badge;
    }
    return null;
  }

  function renderSources(turn, turnId, citations) {
    const heading = make('h3', 'sources-title', t('sources'));
    heading.id = turnId + '-sources';
    const list = make('ol', 'sources');
    list.setAttribute('aria-labelledby', heading.id);
    citations.forEach(function (citation) {
      const item = make('li', 'source');
      item.id = turnId + '-source-' + citation.n;
      item.tabIndex = -1;
      if (Number(citation.n) > 0) {
        item.value = Number(citation.n);
      }

      const head = make('div', 'source-head');
      const number = make('span', 'source-number', '[' + citation.n + ']');
      number.setAttribute('aria-hidden', 'true');
      head.appendChild(number);

      const title = citation.title || citation.documentId || '';
      const href = safeHttpUrl(citation.url);
      const link = make('a', 'source-link', title);
      if (href) {
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.appendChild(make('span', 'visually-hidden', ' ' + t('openSource')));
      } else {
        link.setAttribute('aria-disabled', 'true');
      }
      head.appendChild(link);
      const badge = statusBadge(citation.status);
      if (badge) {
        head.appendChild(badge);
      }
      item.appendChild(head);

      if (citation.section) {
        const section = make('p', 'source-section');
        section.appendChild(make('span', 'visually-hidden', t('section') + ': '));
        section.appendChild(document.createTextNode(citation.section));
        item.appendChild(section);
      }
      // The passage's own sources: the official text (or, for who said what, the news story) behind it.
      const passageSources = Array.isArray(citation.sources) ? citation.sources : [];
      if (passageSources.length > 0) {
        const basis = make('p', 'source-basis');
        basis.appendChild(document.createTextNode(t('basedOn') + ': '));
        passageSources.forEach(function (source, index) {
          if (index > 0) {
            basis.appendChild(document.createTextNode('; '));
          }
          const sourceHref = safeHttpUrl(source.url);
          const name = String(source.title || source.url || '');
          if (sourceHref) {
            const link = make('a', null, name);
            link.href = sourceHref;
            link.target = '_blank';
            link.rel = 'noopener noreferrer';
            basis.appendChild(link);
          } else {
            basis.appendChild(document.createTextNode(name));
          }
          const described = [source.publisher, source.date].filter(Boolean).join(', ');
          if (described) {
            basis.appendChild(document.createTextNode(' (' + described + ')'));
          }
        });
        item.appendChild(basis);
      }
      if (citation.quote) {
        const details = make('details', 'source-quote');
        details.appendChild(make('summary', null, t('quote')));
        details.appendChild(make('blockquote', 'quote-text', citation.quote));
        item.appendChild(details);
      }
      list.appendChild(item);
    });
    turn.append(heading, list);
  }

  function renderFeedback(turn, question, citations) {
    const box = make('div', 'feedback');
    const label = make('span', 'feedback-label', t('helpfulQuestion'));
    const up = make('button', 'feedback-button feedback-up');
    const down = make('button', 'feedback-button feedback-down');
    [[up, '👍', t('helpful'), true], [down, '👎', t('notHelpful'), false]].forEach(function (spec) {
      const button = spec[0];
      button.type = 'button';
      const icon = make('span', 'feedback-icon', spec[1]);
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon, make('span', 'feedback-text', spec[2]));
      button.addEventListener('click', function () {
        sendFeedback(box, [up, down], question, spec[3], citations);
      });
    });
    const buttons = make('div', 'feedback-buttons');
    buttons.append(up, down);
    const status = make('p', 'feedback-status');
    status.setAttribute('role', 'status');
    box.append(label, buttons, status);
    turn.appendChild(box);
  }

  async function sendFeedback(box, buttons, question, helpful, citations) {
    if (box.dataset.sent === 'true') {
      return;
    }
    box.dataset.sent = 'true';
    buttons.forEach(function (button) { button.disabled = true; });
    const status = box.querySelector('.feedback-status');
    status.textContent = '';
    try {
      const response = await fetchWithTimeout('/api/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({
          question: question,
          helpful: helpful,
          passageIds: citations.map(function (c) { return c.passageId; }).filter(Boolean)
        })
      });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const thanks = make('p', 'feedback-thanks', t('thanks'));
      thanks.setAttribute('role', 'status');
      box.replaceChildren(thanks);
      box.classList.add('feedback-done');
    } catch (e) {
      box.dataset.sent = 'false';
      buttons.forEach(function (button) { button.disabled = false; });
      status.textContent = t('feedbackFailed');
    }
  }

  function addAnswerTurn(question, data) {
    const turnId = 'turn-' + (++turnCounter);
    const citations = Array.isArray(data.citations) ? data.citations.filter(function (c) {
      return c && Number.isFinite(Number(c.n));
    }) : [];
    const known = new Set(citations.map(function (c) { return Number(c.n); }));
    const found = data.found !== false;

    const turn = make('article', 'turn answer' + (found ? '' : ' not-found'));
    turn.id = turnId;
    turn.setAttribute('aria-labelledby', turnId + '-role');
    const role = make('p', 'turn-role', found ? t('answerLabel') : t('notFound'));
    role.id = turnId + '-role';
    turn.appendChild(role);

    // No lang attribute from data.language: it names the question's language, while the extracted
    // sentences may come from passages in the other language.
    const body = make('div', 'answer-text');
    renderAnswerText(body, data.answer, turnId, known, found);
    turn.appendChild(body);

    if (citations.length > 0) {
      renderSources(turn, turnId, citations);
    }
    renderFeedback(turn, question, citations);
    el.conversation.appendChild(turn);
    return turn;
  }

  function addErrorTurn(message, question) {
    const turn = make('div', 'turn error-turn');
    turn.setAttribute('role', 'alert');
    turn.appendChild(make('p', 'error-title', t('errorTitle')));
    turn.appendChild(make('p', 'error-text', message));
    if (question) {
      const retry = make('button', 'button-secondary retry', t('retry'));
      retry.type = 'button';
      retry.addEventListener('click', function () {
        turn.remove();
        ask(question, { retry: true });
      });
      turn.appendChild(retry);
    }
    el.conversation.appendChild(turn);
    return turn;
  }

  // ---- talking to the service ----------------------------------------------------------------------

  async function fetchWithTimeout(url, options) {
    const controller = new AbortController();
    const timer = window.setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    try {
      return await fetch(url, Object.assign({}, options, { signal: controller.signal, credentials: 'same-origin' }));
    } finally {
      window.clearTimeout(timer);
    }
  }

  async function readError(response) {
    try {
      const body = await response.json();
      if (body && typeof body.error === 'string' && body.error.trim()) {
        return body.error.trim();
      }
    } catch (e) {
      // not JSON
    }
    return response.statusText || ('HTTP ' + response.status);
  }

  function setBusy(value) {
    busy = value;
    el.send.disabled = value;
    el.send.classList.toggle('is-busy', value);
    el.send.setAttribute('aria-busy', String(value));
    el.conversation.setAttribute('aria-busy', String(value));
    el.sendLabel.textContent = value ? t('sending') : t('send');
  }

  async function ask(text, options) {
    const question = String(text || '').trim();
    if (busy) {
      return;
    }
    if (!question) {
      el.question.focus();
      el.question.setAttribute('aria-invalid', 'true');
      el.question.placeholder = t('empty');
      return;
    }
    el.question.removeAttribute('aria-invalid');
    el.question.placeholder = t('questionPlaceholder');
    setBusy(true);
    if (!(options && options.retry)) {
      addUserTurn(question);
    }
    el.question.value = '';
    autoResize();
    const pending = addPendingTurn();
    pending.scrollIntoView({ behavior: 'smooth', block: 'end' });

    let turn;
    try {
      const response = await fetchWithTimeout('/api/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ question: question, lang: lang })
      });
      pending.remove();
      if (response.ok) {
        const data = await response.json();
        turn = addAnswerTurn(question, data || {});
      } else if (response.status === 400) {
        turn = addErrorTurn(t('errorBadRequest', { message: await readError(response) }), null);
      } else if (response.status === 429) {
        turn = addErrorTurn(t('errorRateLimit'), question);
      } else {
        turn = addErrorTurn(t('errorServer', { status: response.status }), question);
      }
    } catch (e) {
      pending.remove();
      const timedOut = e && e.name === 'AbortError';
      turn = addErrorTurn(timedOut ? t('errorTimeout') : t('errorNetwork'), question);
    } finally {
      setBusy(false);
    }
    if (turn) {
      turn.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
    el.question.focus({ preventScroll: true });
  }

  // ---- input ---------------------------------------------------------------------------------------

  function autoResize() {
    el.question.style.height = 'auto';
    el.question.style.height = Math.min(el.question.scrollHeight + 2, 200) + 'px';
  }

  el.form.addEventListener('submit', function (event) {
    event.preventDefault();
    ask(el.question.value);
  });

  el.question.addEventListener('keydown', function (event) {
    // Enter sends; Shift+Enter makes a new line; Enter while composing (IME) is left alone.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      ask(el.question.value);
    }
  });

  el.question.addEventListener('input', function () {
    if (el.question.value.trim()) {
      el.question.removeAttribute('aria-invalid');
    }
    autoResize();
  });

  document.querySelectorAll('.lang-button').forEach(function (button) {
    button.addEventListener('click', function () {
      const next = button.getAttribute('data-lang');
      storeLang(next);
      applyLanguage(next);
    });
  });

  applyLanguage(readStoredLang() || 'id');
})();
