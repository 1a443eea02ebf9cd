// Shared by the chat page and the admin page: the only two ways they put server or user text on the page.
(function () {
  'use strict';

  /** Creates an element with optional class and text (always set as textContent, never parsed as HTML). */
  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  /** Only http(s) links are made clickable; anything else (javascript:, data:, garbage) is shown as text. */
  function safeHttpUrl(value) {
    if (typeof value !== 'string' || value.trim() === '') {
      return null;
    }
    try {
      const url = new URL(value.trim(), window.location.href);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  window.BhrDom = Object.freeze({ make: make, safeHttpUrl: safeHttpUrl });
})();
