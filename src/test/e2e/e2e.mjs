// End-to-end checks of the BHR Assistant web pages (chat at /, admin at /admin.html).
//
//   cd src/test/e2e && npm install
//   BASE_URL=http://127.0.0.1:8080 ADMIN_TOKEN=... node e2e.mjs
//
// Uses the system Chromium through playwright-core (CHROMIUM_PATH, default /usr/bin/chromium); it never
// downloads a browser. Every check prints "ok - name" or "not ok - name: reason"; the last line is
// "N passed, M failed" and the exit code is 1 when anything failed. Every wait is time-bound.
// SCREENSHOT_DIR=/tmp also saves screenshots of both pages at phone (390 px) and desktop width.
import { chromium } from 'playwright-core';
import { join } from 'node:path';

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const ADMIN_TOKEN = process.env.ADMIN_TOKEN || '';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || '';
const WAIT_MS = 15000;          // the longest any single wait may take
const CHECK_MS = 45000;         // the longest one check may take
const OVERALL_MS = 5 * 60000;   // the whole run

const DOC_ID = 'e2e-dokumen';
const DOC_WORD = 'zamrude2e';
const DOC_TITLE = 'Dokumen Uji E2E Zamrud';
const DOC_URL = 'https://example.org/e2e-dokumen';
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

let passed = 0;
let failed = 0;

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function check(name, fn) {
  try {
    await withTimeout(Promise.resolve().then(fn), CHECK_MS, 'the check');
    passed++;
    console.log(`ok - ${name}`);
    return true;
  } catch (error) {
    failed++;
    const reason = String(error && error.message ? error.message : error).split('\n')[0];
    console.log(`not ok - ${name}: ${reason}`);
    return false;
  }
}

function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

const watchdog = setTimeout(() => {
  failed++;
  console.log(`not ok - whole run: still running after ${OVERALL_MS} ms`);
  finish();
}, OVERALL_MS);
watchdog.unref();

// ---- browser plumbing --------------------------------------------------------------------------------

const external = [];      // requests that left BASE_URL (none are allowed: the pages must work offline)
const pageProblems = [];  // uncaught exceptions and console errors (CSP violations show up here too)
let askDelayMs = 0;       // lets a check hold /api/ask back to observe the "sending" state

async function newContext(browser, viewport) {
  const context = await browser.newContext({ viewport: viewport || { width: 1280, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url !== BASE_URL && !url.startsWith(BASE_URL + '/')) {
      external.push(url);
      return route.abort();
    }
    if (askDelayMs > 0 && new URL(url).pathname === '/api/ask') {
      await new Promise((resolve) => setTimeout(resolve, askDelayMs));
    }
    return route.continue();
  });
  return context;
}

async function newPage(context, path) {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageProblems.push(`page error on ${path}: ${error.message}`));
  page.on('console', (message) => {
    // 401s are expected while the wrong admin token is tried; anything else (a 404 asset, CSP) is a problem.
    if (message.type() === 'error' && !/status of 401\b/.test(message.text())) {
      pageProblems.push(`console error on ${path}: ${message.text()}`);
    }
  });
  // Confirmations (replace, delete) are accepted, as an admin would.
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  await page.goto(BASE_URL + path, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Types a question, sends it with Enter and waits for the next answer turn; returns that turn's locator. */
async function askWithEnter(page, question) {
  const before = await page.locator('#conversation .answer').count();
  await page.locator('#question').fill(question);
  await page.locator('#question').press('Enter');
  return waitForAnswer(page, before);
}

async function waitForAnswer(page, before) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('#conversation .answer').length > n
      || document.querySelectorAll('#conversation .error-turn').length > 0,
    before, { timeout: WAIT_MS });
  const error = page.locator('#conversation .error-turn');
  if (await error.count() > 0) {
    throw new Error(`the page showed an error: ${(await error.last().textContent()).trim()}`);
  }
  return page.locator('#conversation .answer').nth(before);
}

async function adminApi(method, path) {
  const response = await fetch(BASE_URL + path, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    signal: AbortSignal.timeout(WAIT_MS)
  });
  return response.status;
}

async function screenshot(page, name) {
  if (SCREENSHOT_DIR) {
    await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true, timeout: WAIT_MS });
  }
}

// ---- the checks --------------------------------------------------------------------------------------

let browser;
try {
  browser = await withTimeout(chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: WAIT_MS
  }), WAIT_MS + 5000, 'launching Chromium');
} catch (error) {
  failed++;
  console.log(`not ok - launch Chromium: ${String(error.message || error).split('\n')[0]}`);
  finish();
}

try {
  // (a) chat page: examples, an answer with citations, quotes, feedback
  {
    const context = await newContext(browser);
    let page;
    let answer;
    await check('chat page loads with example chips', async () => {
      page = await newPage(context, '/');
      await page.locator('.example').first().waitFor({ state: 'visible' });
      const chips = await page.locator('.example').allTextContents();
      assert(chips.length >= 4, `expected at least 4 example chips, saw ${chips.length}`);
      assert(chips.includes('Apa itu Stranas BHAM?'), `example chips were ${JSON.stringify(chips)}`);
      assert(await page.locator('html').getAttribute('lang') === 'id', 'the page is not Indonesian by default');
      assert(await page.locator('label[for="question"]').count() === 1, 'the question box has no label');
      assert(await page.locator('#conversation').getAttribute('aria-live'), 'the conversation is not an aria-live region');
    });

    await check('Shift+Enter makes a new line instead of sending', async () => {
      assert(page, 'no page');
      await page.locator('#question').fill('baris satu');
      await page.locator('#question').press('Shift+Enter');
      await page.locator('#question').pressSequentially('baris dua');
      const value = await page.locator('#question').inputValue();
      assert(value === 'baris satu\nbaris dua', `the box holds ${JSON.stringify(value)}`);
      assert(await page.locator('#conversation .turn').count() === 0, 'Shift+Enter sent the question');
      await page.locator('#question').fill('');
    });

    await check('asking "Apa itu Stranas BHAM?" shows a sending state, then an answer with [1] and https sources', async () => {
      assert(page, 'no page');
      askDelayMs = 800;
      try {
        await page.locator('#question').fill('Apa itu Stranas BHAM?');
        await page.locator('#question').press('Enter');
        await page.locator('#conversation .pending-turn').waitFor({ state: 'visible', timeout: WAIT_MS });
        assert(await page.locator('#send').isDisabled(), 'the send button is not disabled while sending');
        answer = await waitForAnswer(page, 0);
      } finally {
        askDelayMs = 0;
      }
      assert(await page.locator('#conversation .pending-turn').count() === 0, 'the sending indicator stayed');
      const text = await answer.locator('.answer-text').textContent();
      assert(text.includes('[1]'), `the answer has no [1]: ${text.slice(0, 120)}`);
      const cite = answer.locator('a.cite').first();
      assert(await cite.count() === 1, 'the [n] markers are not links');
      const citeTarget = (await cite.getAttribute('href')).slice(1);
      assert(await page.locator(`[id="${citeTarget}"].source`).count() === 1, `[1] links to #${citeTarget}, which is not a source`);
      const sources = answer.locator('li.source');
      assert(await sources.count() >= 1, 'no source list');
      const link = sources.first().locator('a.source-link');
      const href = await link.getAttribute('href');
      assert(href && href.startsWith('https://'), `the first source link is ${href}`);
      assert(await link.getAttribute('target') === '_blank', 'the source link does not open a new tab');
      const rel = (await link.getAttribute('rel')) || '';
      assert(rel.includes('noopener') && rel.includes('noreferrer'), `rel is "${rel}"`);
      assert(((await link.textContent()) || '').trim().length > 0, 'the source link has no title');
      const basis = sources.first().locator('.source-basis a');
      assert(await basis.count() >= 1, 'the source does not show what its passage is based on');
      const basisHref = await basis.first().getAttribute('href');
      assert(basisHref && basisHref.startsWith('https://'), `the passage's own source links to ${basisHref}`);
    });

    await check('expanding a quoted passage shows its text', async () => {
      assert(answer, 'no answer to look at');
      const details = answer.locator('li.source details').first();
      const quote = details.locator('blockquote');
      assert(!(await quote.isVisible()), 'the quote is open before it is expanded');
      await details.locator('summary').click();
      await quote.waitFor({ state: 'visible' });
      const text = ((await quote.textContent()) || '').trim();
      assert(text.length > 20, `the quote is "${text}"`);
    });

    await check('👍 records feedback once and then shows thanks', async () => {
      assert(answer, 'no answer to rate');
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/feedback', { timeout: WAIT_MS }),
        answer.locator('.feedback-up').click()
      ]);
      assert(response.status() === 200, `POST /api/feedback answered ${response.status()}`);
      const body = await response.json();
      assert(body.recorded === true, `feedback answer was ${JSON.stringify(body)}`);
      const sent = JSON.parse(response.request().postData() || '{}');
      assert(sent.helpful === true && sent.question === 'Apa itu Stranas BHAM?' && Array.isArray(sent.passageIds)
        && sent.passageIds.length > 0, `the request was ${JSON.stringify(sent)}`);
      await answer.locator('.feedback-thanks').waitFor({ state: 'visible' });
      assert(await answer.locator('.feedback-up, .feedback-down').count() === 0, 'the feedback buttons are still there');
    });

    if (SCREENSHOT_DIR && page) {
      await check('screenshot of the chat page (desktop)', async () => screenshot(page, 'chat-desktop.png'));
    }

    // (b) nothing the user types is run as HTML
    await check('a question with HTML is shown literally and runs no script', async () => {
      const xssPage = await newPage(context, '/');
      const before = await xssPage.locator('#conversation .answer').count();
      await askWithEnter(xssPage, XSS);
      assert(await xssPage.locator('#conversation .answer').count() === before + 1, 'no reply to the question');
      const flag = await xssPage.evaluate(() => window.__xss);
      assert(flag === undefined, `window.__xss is ${flag}`);
      assert(await xssPage.locator('#conversation img').count() === 0, 'an <img> got into the conversation');
      assert(await xssPage.locator('#conversation script').count() === 0, 'a <script> got into the conversation');
      const shown = await xssPage.locator('#conversation .question-turn .user-bubble').last().textContent();
      assert(shown === XSS, `the question is shown as ${JSON.stringify(shown)}`);
      await xssPage.close();
    });
    await context.close();
  }

  // (c) English
  {
    const context = await newContext(browser);
    await check('the English switch changes the interface and an English question gets an answer', async () => {
      const page = await newPage(context, '/');
      await page.locator('.example').first().waitFor({ state: 'visible' });
      const labelBefore = (await page.locator('label[for="question"]').textContent()).trim();
      await page.locator('.lang-button[data-lang="en"]').click();
      assert(await page.locator('html').getAttribute('lang') === 'en', 'html lang did not change to en');
      const labelAfter = (await page.locator('label[for="question"]').textContent()).trim();
      assert(labelAfter !== labelBefore && labelAfter === 'Your question', `the label reads "${labelAfter}"`);
      const send = (await page.locator('#send').textContent()).trim();
      assert(send === 'Send', `the send button reads "${send}"`);
      const chips = await page.locator('.example').allTextContents();
      assert(chips.includes('What is human rights due diligence?'), `English chips were ${JSON.stringify(chips)}`);
      // Keyboard only: focus the chip and press Enter.
      const chip = page.locator('.example', { hasText: 'What are the three pillars of the UN Guiding Principles?' });
      const [request] = await Promise.all([
        page.waitForRequest((r) => new URL(r.url()).pathname === '/api/ask', { timeout: WAIT_MS }),
        chip.focus().then(() => page.keyboard.press('Enter'))
      ]);
      const sent = JSON.parse(request.postData() || '{}');
      assert(sent.lang === 'en', `the question was sent with lang ${JSON.stringify(sent.lang)}`);
      const answer = await waitForAnswer(page, 0);
      const text = ((await answer.locator('.answer-text').textContent()) || '').trim();
      assert(text.length > 20, `the answer is "${text}"`);
      assert(await answer.locator('li.source').count() >= 1, 'the English answer has no sources');
      const role = (await answer.locator('.turn-role').textContent()).trim();
      assert(role === 'Answer', `the answer is labelled "${role}"`);
      await page.close();
    });
    await context.close();
  }

  // (d) admin: token, upload, the new document answers, delete
  {
    const context = await newContext(browser);
    let admin;
    let uploaded = false;
    await check('admin page refuses a wrong token with the server message', async () => {
      assert(ADMIN_TOKEN, 'ADMIN_TOKEN is not set');
      // A copy left over from an interrupted run would make the upload a replacement: remove it (404 is fine).
      await adminApi('DELETE', `/admin/documents/${DOC_ID}`);
      admin = await newPage(context, '/admin.html');
      await admin.locator('#documents table').waitFor({ state: 'visible' });
      let refused = 0;
      admin.on('response', (response) => {
        if (response.status() === 401 && new URL(response.url()).pathname.startsWith('/admin/')) {
          refused++;
        }
      });
      await admin.locator('#token').fill('wrong-token');
      await admin.locator('#save-token').click();
      await admin.locator('#message.is-error').waitFor({ state: 'visible' });
      const message = await admin.locator('#message').textContent();
      assert(message.includes('401') && message.includes('wrong admin token'), `the message reads "${message}"`);
      await admin.waitForTimeout(300);
      assert(refused === 1, `a mistyped token cost ${refused} failed attempts on the server (expected 1)`);
    });

    await check('admin token is kept in sessionStorage and loads the status', async () => {
      assert(admin, 'no admin page');
      await admin.locator('#token').fill(ADMIN_TOKEN);
      await admin.locator('#save-token').click();
      await admin.locator('#message.is-success').waitFor({ state: 'visible' });
      const stored = await admin.evaluate(() => ({
        session: Object.values(sessionStorage).includes(document.getElementById('token').value),
        local: Object.keys(localStorage).length
      }));
      assert(stored.session, 'the token is not in sessionStorage');
      assert(stored.local === 0, 'something was written to localStorage');
      const status = await admin.locator('#status').textContent();
      assert(/Versi/.test(status) && /Dokumen/.test(status), `the status panel reads "${status.slice(0, 120)}"`);
      await admin.locator('#history').waitFor({ state: 'visible' });
    });

    await check(`admin uploads a Markdown document "${DOC_ID}"`, async () => {
      assert(admin, 'no admin page');
      const markdown = [
        '# Dokumen Uji E2E',
        '',
        `Kata ${DOC_WORD} adalah kata unik yang hanya dipakai oleh uji ujung ke ujung halaman admin.`,
        `Dokumen ${DOC_WORD} diunggah lalu dihapus lagi oleh skrip pengujian.`,
        ''
      ].join('\n');
      await admin.locator('#upload-id').fill(DOC_ID);
      await admin.locator('#upload-file').setInputFiles({
        name: `${DOC_ID}.md`, mimeType: 'text/markdown', buffer: Buffer.from(markdown, 'utf8')
      });
      await admin.locator('#upload-title').fill(DOC_TITLE);
      await admin.locator('#upload-url').fill(DOC_URL);
      const [response] = await Promise.all([
        admin.waitForResponse((r) => r.request().method() === 'PUT', { timeout: WAIT_MS }),
        admin.locator('#upload-submit').click()
      ]);
      const contentType = response.request().headers()['content-type'];
      assert(contentType === 'text/markdown', `uploaded with Content-Type ${contentType}`);
      assert(response.status() === 200, `PUT answered ${response.status()}: ${await response.text()}`);
      uploaded = true;
      await admin.locator('#message.is-success', { hasText: DOC_ID }).waitFor({ state: 'visible' });
      await admin.locator(`#documents tr[data-id="${DOC_ID}"]`).waitFor({ state: 'visible' });
    });

    await check(`the chat answers about "${DOC_WORD}" citing the uploaded document`, async () => {
      assert(uploaded, 'the document was not uploaded');
      const page = await newPage(context, '/');
      const answer = await askWithEnter(page, `Apa itu ${DOC_WORD}?`);
      const text = await answer.locator('.answer-text').textContent();
      assert(text.includes(DOC_WORD), `the answer is "${text.slice(0, 160)}"`);
      const titles = await answer.locator('a.source-link').allTextContents();
      assert(titles.some((title) => title.includes(DOC_TITLE)), `the sources are ${JSON.stringify(titles)}`);
      const hrefs = await answer.locator('a.source-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert(hrefs.includes(DOC_URL), `the source links are ${JSON.stringify(hrefs)}`);
      await page.close();
    });

    if (SCREENSHOT_DIR && admin) {
      await check('screenshot of the admin page (desktop)', async () => screenshot(admin, 'admin-desktop.png'));
    }

    await check(`admin lists the versions of "${DOC_ID}"`, async () => {
      assert(uploaded, 'nothing uploaded');
      await admin.locator(`#documents tr[data-id="${DOC_ID}"] .versions-button`).click();
      await admin.locator('#versions .version-row').first().waitFor({ state: 'visible' });
      const versions = await admin.locator('#versions').textContent();
      assert(versions.includes('(berlaku)') && versions.includes(DOC_ID), `the versions panel reads "${versions.slice(0, 160)}"`);
    });

    await check(`admin deletes "${DOC_ID}"`, async () => {
      assert(uploaded, 'nothing to delete');
      const row = admin.locator(`#documents tr[data-id="${DOC_ID}"]`);
      await row.locator('.delete-button').click();
      await admin.locator('#message.is-success', { hasText: DOC_ID }).waitFor({ state: 'visible' });
      await row.waitFor({ state: 'detached' });
      const history = await admin.locator('#history').textContent();
      assert(history.includes(DOC_ID), 'the history does not show the change');
      uploaded = false;
    });

    if (uploaded && ADMIN_TOKEN) {
      // keep reruns clean even when the page could not delete it
      await adminApi('DELETE', `/admin/documents/${DOC_ID}`).catch(() => {});
    }
    await context.close();
  }

  // phone-width screenshots (only with SCREENSHOT_DIR)
  if (SCREENSHOT_DIR) {
    const context = await newContext(browser, { width: 390, height: 844 });
    await check('screenshots at phone width (390 px)', async () => {
      const page = await newPage(context, '/');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'chat-phone-empty.png'), timeout: WAIT_MS });
      const answer = await askWithEnter(page, 'Bagaimana UMKM memulai uji tuntas HAM?');
      await answer.locator('li.source details summary').first().click();
      await screenshot(page, 'chat-phone.png');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 390, `the chat page is ${width} px wide at a 390 px viewport`);
      const admin = await newPage(context, '/admin.html');
      if (ADMIN_TOKEN) {
        await admin.locator('#token').fill(ADMIN_TOKEN);
        await admin.locator('#save-token').click();
        await admin.locator('#message.is-success').waitFor({ state: 'visible' });
      }
      await screenshot(admin, 'admin-phone.png');
      const adminWidth = await admin.evaluate(() => document.documentElement.scrollWidth);
      assert(adminWidth <= 390, `the admin page is ${adminWidth} px wide at a 390 px viewport`);
    });
    await context.close();
  }

  await check('the pages load nothing from outside BASE_URL', async () => {
    assert(external.length === 0, `external requests: ${[...new Set(external)].slice(0, 5).join(', ')}`);
  });
  await check('no script errors or console errors (CSP included)', async () => {
    assert(pageProblems.length === 0, pageProblems.slice(0, 3).join(' | '));
  });
} finally {
  await withTimeout(browser.close(), WAIT_MS, 'closing Chromium').catch(() => {});
}
finish();
