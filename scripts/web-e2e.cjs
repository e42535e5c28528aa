// The web build's end-to-end test, run by scripts/test-web.sh (which serves dist/web/ and
// installs playwright-core): headless Chromium loads the page, a student types a name, opens a
// lesson, drags a highlight and presses Check; the score is read the way a screen reader would
// get it (the page's accessibility hook, `?lateral-test`); a reload keeps the work; offline, a
// reload still works; a teacher's lesson files, and a folder, picked in the page's file chooser,
// open; the page's Content-Security-Policy refuses a connection to another origin. Prints one
// line per check, and "N passed, N failed".
//
//   node scripts/web-e2e.cjs http://127.0.0.1:PORT/ OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('playwright-core');

const [base, out] = process.argv.slice(2);
const origin = new URL(base).origin;
const results = [];
function check(ok, what, detail) {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
}

// Distinct colours in a PNG (8-bit RGB or RGBA, not interlaced): how much was drawn.
function distinctColours(png) {
  let pos = 8, width = 0, height = 0, channels = 4;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); channels = data[9] === 6 ? 4 : 3; }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let prev = Buffer.alloc(stride);
  const colours = new Set();
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      let p = 0;
      if (f === 1) p = a; else if (f === 2) p = b; else if (f === 3) p = (a + b) >> 1;
      else if (f === 4) { const q = a + b - c, pa = Math.abs(q - a), pb = Math.abs(q - b), pc = Math.abs(q - c); p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      row[i] = (row[i] + p) & 255;
    }
    for (let x = 0; x < width; x += 3) colours.add(row.readUIntBE(x * channels, 3));
    prev = row;
  }
  return colours.size;
}

// Closed whatever happens: an open browser would keep node (and CI) waiting.
let browser;

async function main() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (process.env.LATERAL_E2E_VERBOSE) console.log(`(console ${m.type()}: ${m.text()})`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  context.on('request', (r) => { const u = r.url(); if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u); });

  const tree = async () => JSON.parse((await page.evaluate(() => window.__lateralAccess)) || '[]');
  // The first node `pred` accepts, waiting up to `ms` for it.
  async function find(pred, what, ms = 15000) {
    const end = Date.now() + ms;
    for (;;) {
      const n = (await tree()).find(pred);
      if (n) return n;
      if (Date.now() > end) {
        fs.writeFileSync(path.join(out, 'tree.json'), JSON.stringify(await tree(), null, 1));
        throw new Error(`not on screen: ${what} (the tree is in ${out}/tree.json)`);
      }
      await page.waitForTimeout(100);
    }
  }
  const text = (n) => n.label || n.value || '';
  const named = (s) => (n) => text(n) === s;
  const centre = (n) => [(n.rect[0] + n.rect[2]) / 2, (n.rect[1] + n.rect[3]) / 2];
  async function click(n) { const [x, y] = centre(n); await page.mouse.click(x, y); await page.waitForTimeout(150); }
  // Opens the lesson titled `title`: the Start (or Continue) button of its card, the first below
  // the title.
  async function openLesson(title) {
    const t = await find(named(title), `the lesson "${title}"`);
    const starts = (await tree())
      .filter((n) => n.role === 'Button' && /^(Start|Continue)$/.test(text(n)) && n.rect[1] >= t.rect[1] - 2)
      .sort((a, b) => a.rect[1] - b.rect[1]);
    if (!starts.length) throw new Error(`no Start button for "${title}"`);
    await click(starts[0]);
  }
  // Loads the page and waits for the app's first frame (the accessibility tree appears).
  async function load(how) {
    const t = Date.now();
    await how();
    await page.waitForFunction(() => window.__lateralAccess, null, { timeout: 60000 });
    return Date.now() - t;
  }

  const first = await load(() => page.goto(`${base}?lateral-test`));
  console.log(`first frame after ${first} ms`);
  await find(named('Who is reading today?'), 'the student picker');
  const shot = await page.screenshot({ path: path.join(out, 'web-students.png') });
  const colours = distinctColours(shot);
  check(colours > 20, 'the canvas draws the student picker', `${colours} colours in the screenshot`);

  // A name typed into the name box (egui's text agent takes the keys), then Start.
  await click(await find((n) => n.role === 'TextInput', 'the name box'));
  await page.keyboard.type('Ana Web');
  await page.keyboard.press('Enter');
  const lesson = 'Spot the factual conflict';
  await find(named(lesson), 'the library');
  await find(named('Student: Ana Web'), 'the student\'s name in the top bar');
  await page.screenshot({ path: path.join(out, 'web-library.png') });
  check(true, 'a name typed: the library shows the bundled lessons');
  await openLesson(lesson);
  const check_ = await find(named('Check'), 'the Check button');

  // A drag across the first line of the first paragraph in view of the first article (the
  // article view tells a screen reader its paragraphs, each with its place).
  await find((n) => n.role === 'Document' && /^Article: /.test(text(n)), 'an article');
  const para = (await tree())
    .filter((n) => n.role === 'Paragraph' && n.rect[1] > 0 && n.rect[1] + 30 < check_.rect[1])
    .sort((a, b) => a.rect[0] - b.rect[0] || a.rect[1] - b.rect[1])[0];
  if (!para) throw new Error('no paragraph of an article in view');
  const y = para.rect[1] + 12;
  await page.mouse.move(para.rect[0] + 2, y);
  await page.mouse.down();
  await page.mouse.move(para.rect[0] + 120, y, { steps: 8 });
  await page.mouse.move(para.rect[0] + 240, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  const mark = await find((n) => n.role === 'Mark', 'the highlight (what a screen reader is told of it)');
  await page.waitForTimeout(300);
  await click(check_);
  const announced = await find((n) => /^Check results\./.test(text(n)), 'the check results');
  const score = text(announced).split('.').slice(0, 2).join('.');
  await page.screenshot({ path: path.join(out, 'web-checked.png') });
  check(/\d/.test(score), 'a highlight dragged and checked: the score is shown', `${text(mark)}; ${score}`);
  const stepLabel = text(await find((n) => n.role === 'Button' && /^Step 1: .*checked/.test(text(n)), 'the step checked'));

  // Steady frames: the pointer moved over the article, one frame per move; eframe's CPU time of
  // each frame (laying out and painting the step), published by the hook.
  for (let i = 0; i < 60; i++) {
    await page.mouse.move(para.rect[0] + 20 + 5 * i, para.rect[1] + 40 + (i % 7));
    await page.waitForTimeout(20);
  }
  const frames = JSON.parse((await page.evaluate(() => window.__lateralFrameMs)) || '[]').slice(-60).sort((a, b) => a - b);
  if (frames.length) {
    const q = (p) => frames[Math.min(frames.length - 1, Math.floor(p * frames.length))].toFixed(1);
    console.log(`steady frames on the checked step: ${frames.length} frames, median ${q(0.5)} ms, 95th percentile ${q(0.95)} ms, max ${q(1)} ms`);
  }

  // Saved in the browser's storage, in the desktop's format.
  await page.waitForTimeout(1200);
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lateral/students/')));
  const work = saved.find((k) => k.endsWith('.json') && !k.endsWith('profile.json') && !k.endsWith('.bak'));
  const json = work ? await page.evaluate((k) => localStorage.getItem(k), work) : '';
  check(work && /"format"/.test(json) && /TextQuoteSelector|TextPositionSelector/.test(json), 'the work is saved in localStorage as a results file', work);

  // Hand in: the results file is downloaded (a browser has no hand-in folder).
  await click(await find(named('Finish lesson'), 'Finish lesson'));
  const handIn = await find((n) => n.role === 'Button' && /^Hand in/.test(text(n)) && !/…$/.test(text(n)), 'Hand in');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), click(handIn)]);
  const handed = fs.readFileSync(await download.path(), 'utf8');
  check(/"format": "lateral-results"/.test(handed) && /Milley tried to speak/.test(handed), 'Hand in downloads the results file',
    download.suggestedFilename());

  // A reload keeps the student and the work.
  await load(() => page.reload());
  const ana = await find((n) => n.role === 'Button' && text(n) === 'Ana Web', 'the saved student');
  await click(ana);
  await openLesson(lesson);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(out, 'web-reloaded.png') });
  const markAgain = await find((n) => n.role === 'Mark', 'the highlight after a reload');
  const stepAgain = await find((n) => n.role === 'Button' && /^Step 1: /.test(text(n)), 'the step after a reload');
  await page.screenshot({ path: path.join(out, 'web-reloaded.png') });
  check(text(markAgain) === text(mark) && text(stepAgain) === stepLabel, 'a reload keeps the highlight and its check',
    `${text(markAgain)}; ${text(stepAgain)}`);

  // Offline: the service worker serves everything.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  const offline = await load(() => page.reload());
  await find((n) => text(n) === 'Ana Web', 'the student picker offline');
  await page.screenshot({ path: path.join(out, 'web-offline.png') });
  const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
  check(controlled, 'offline, a reload still works (served by the service worker)', `${offline} ms`);
  await context.setOffline(false);

  // A teacher's lesson, opened from files the page's file chooser hands over: a lesson and its
  // article (its text and metadata), written for this test.
  const files = fs.mkdtempSync(path.join(out, 'picked-'));
  const lessonText = '+++\nid = "web-bridge"\ntitle = "The bridge, from a teacher"\n+++\nIntro.\n\n' +
    '+++ step\nkind = "read"\narticles = ["web-bridge-news"]\n+++\nRead the article.\n';
  fs.mkdirSync(path.join(files, 'class', 'corpus'), { recursive: true });
  fs.writeFileSync(path.join(files, 'class', 'bridge.md'), lessonText);
  fs.writeFileSync(path.join(files, 'class', 'README.md'), '# Notes for the class\n');
  fs.writeFileSync(path.join(files, 'class', 'corpus', 'web-bridge-news.txt'),
    'The old bridge will close for six weeks, the council said on Monday.\n');
  fs.writeFileSync(path.join(files, 'class', 'corpus', 'web-bridge-news.toml'),
    'id = "web-bridge-news"\noutlet = "Test Gazette"\nheadline = "Bridge closes"\noutlet_kind = "A made-up local paper"\n');
  await click(await find((n) => text(n) === 'Ana Web', 'the saved student'));
  // Clicks `button` and gives the page's file chooser `what`. A window that has just opened may
  // still be moving into place, so the button is found again before each try.
  async function pick(button, what) {
    for (let attempt = 1; ; attempt++) {
      try {
        const b = await find(named(button), button);
        const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), click(b)]);
        await chooser.setFiles(what);
        return;
      } catch (e) {
        console.log(`(the file chooser of "${button}" did not open: attempt ${attempt})`);
        if (attempt === 4) throw e;
      }
    }
  }
  await pick('Open lesson files…', ['bridge.md', 'corpus/web-bridge-news.txt', 'corpus/web-bridge-news.toml']
    .map((f) => path.join(files, 'class', f)));
  await find(named('from the 3 files you picked'), 'the library of the files picked');
  await openLesson('The bridge, from a teacher');
  await find((n) => /close for six weeks/.test(text(n)), 'the picked article in the player');
  await page.screenshot({ path: path.join(out, 'web-picked-files.png') });
  check(true, 'lesson files picked: their lesson opens on their article');
  await click(await find((n) => n.role === 'Button' && /Lessons$/.test(text(n)), 'back to the lessons'));
  // A folder: its README is passed over, its corpus/ found.
  await pick('Open lesson folder…', path.join(files, 'class'));
  // Named as the browser names the folder.
  const picked = await find(named('from class'), 'the library of the folder picked');
  const lessons = (await tree()).filter((n) => n.role === 'Button' && /^(Start|Continue)$/.test(text(n))).length;
  await page.screenshot({ path: path.join(out, 'web-picked-folder.png') });
  check(lessons === 1, 'a folder picked: its one lesson is listed',
    `${text(picked)}, ${lessons} lesson`);

  // A teacher: the PIN set on first use, a saved web page uploaded for import, and the article's
  // two files downloaded (a browser has no corpus folder).
  // The text box on the same row as the label `label`, the nearest to its right.
  async function inputBeside(label) {
    const l = await find(named(label), `the label "${label}"`);
    const [, ly] = centre(l);
    const boxes = (await tree()).filter((n) => /^(TextInput|PasswordInput)$/.test(n.role) && Math.abs(centre(n)[1] - ly) < 14 && n.rect[0] >= l.rect[2] - 2)
      .sort((a, b) => a.rect[0] - b.rect[0]);
    if (!boxes.length) {
      fs.writeFileSync(path.join(out, 'tree.json'), JSON.stringify(await tree(), null, 1));
      await page.screenshot({ path: path.join(out, 'web-failed.png') });
      throw new Error(`no text box beside "${label}" (the tree is in ${out}/tree.json)`);
    }
    return boxes[0];
  }
  await click(await find(named('Teacher view'), 'Teacher view'));
  await click(await inputBeside('New PIN:'));
  await page.keyboard.type('2468', { delay: 20 });
  await click(await inputBeside('PIN again:'));
  await page.keyboard.type('2468', { delay: 20 });
  await click(await find(named('Set PIN and open'), 'Set PIN and open'));
  // The teacher view appears as the PIN dialog fades out; a click in that moment may not land.
  const importButton = await find(named('Import an article…'), 'Import an article… (the teacher view)');
  for (let attempt = 1; ; attempt++) {
    await page.waitForTimeout(300);
    await click(importButton);
    try {
      await find(named('Import an article'), 'the import window', 3000);
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  await page.waitForTimeout(300);
  fs.writeFileSync(path.join(files, 'bridge.html'), '<html><head><title>Bridge closes</title></head><body><article>' +
    '<h1>Bridge closes for repairs</h1><p>The old bridge will close for six weeks, the council said on Monday, ' +
    'after engineers found cracks in two of its supports.</p><p>Drivers will be sent through the town centre.</p></article></body></html>');
  await pick('Choose file…', path.join(files, 'bridge.html'));
  await find((n) => n.role === 'TextInput' && n.value === 'Bridge closes for repairs', 'the headline read from the page');
  // Types `text` into the box beside `label`, key by key, and waits until the box holds it.
  async function typeBeside(label, text) {
    await click(await inputBeside(label));
    await page.keyboard.type(text, { delay: 20 });
    const end = Date.now() + 10000;
    while ((await inputBeside(label)).value !== text) {
      if (Date.now() > end) throw new Error(`"${label}" does not hold what was typed: "${(await inputBeside(label)).value}"`);
      await page.waitForTimeout(100);
    }
  }
  await typeBeside('Kind of outlet', 'A made-up local paper');
  if (!(await inputBeside('Outlet')).value) await typeBeside('Outlet', 'Test Gazette');
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await click(await find(named('Add to the corpus'), 'Add to the corpus'));
  for (let i = 0; i < 100 && downloads.length < 2; i++) await page.waitForTimeout(100);
  const got = {};
  for (const d of downloads) {
    got[d.suggestedFilename()] = fs.readFileSync(await d.path(), 'utf8');
    fs.writeFileSync(path.join(out, `downloaded-${d.suggestedFilename()}`), got[d.suggestedFilename()]);
  }
  const names = Object.keys(got).sort();
  const said = await find((n) => /^Downloaded .*\.txt and .*\.toml: /.test(text(n)), 'what the import says it did');
  await page.screenshot({ path: path.join(out, 'web-imported.png') });
  check(names.length === 2 && /close for six weeks/.test(got[names[1]] || '') && /outlet_kind = "A made-up local paper"/.test(got[names[0]] || ''),
    'a page uploaded for import: the article\'s two files are downloaded', `${names.join(', ')}; "${text(said).slice(0, 60)}…"`);

  check(errors.length === 0, 'no console errors', errors.join(' | '));
  check(foreign.length === 0, 'no request but to its own origin', foreign.join(' '));

  // The Content-Security-Policy refuses a connection to any other origin, whoever asks.
  const refused = await page.evaluate(async () => {
    const seen = new Promise((res) => document.addEventListener('securitypolicyviolation', (e) => res(e.effectiveDirective), { once: true }));
    const fetched = await fetch('http://127.0.0.2:9/').then(() => 'fetched', (e) => `refused: ${e}`);
    return `${fetched}; ${await Promise.race([seen, new Promise((res) => setTimeout(() => res('no violation'), 2000))])}`;
  });
  check(/^refused: .*; connect-src$/.test(refused), 'the page\'s Content-Security-Policy refuses a connection elsewhere', refused);
  await browser.close();
}

main()
  .catch(async (e) => {
    check(false, 'the test ran to its end', e.message);
    const pages = browser ? browser.contexts().flatMap((c) => c.pages()) : [];
    if (pages.length) await pages[0].screenshot({ path: path.join(out, 'web-failed.png') }).catch(() => {});
  })
  .finally(async () => {
    if (browser) await browser.close().catch(() => {});
    const failed = results.filter((r) => !r).length;
    console.log(`web: ${results.length - failed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });
