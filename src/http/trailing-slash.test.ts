import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paths } from '../paths.ts';
import { TestBrowser } from '../test/browser.ts';
import { createHarness, signIn } from '../test/harness.ts';

/** Addresses typed with a final slash lead to the page without it (issue 8, item 13). */
const h = await createHarness();

describe('a final slash in the address', () => {
  const cases: [string, string][] = [
    ['/test/', '/test'],
    ['/prod/', '/prod'],
    ['/test/login/', paths.login('test')],
    ['/test/login/?next=%2Ftest%2Fusers', `${paths.login('test')}?next=%2Ftest%2Fusers`],
    ['/test/support/', '/test/support'],
    ['/test/users///', '/test/users'],
    ['/static/app.css/', '/static/app.css'],
  ];
  for (const [typed, expected] of cases) {
    test(`GET ${typed} is sent to ${expected} for good (301), query kept`, async () => {
      const response = await new TestBrowser(h.app).get(typed);
      assert.equal(response.status, 301);
      assert.equal(response.headers.get('Location'), expected);
    });
  }

  test('HEAD is redirected too, and the page it leads to answers', async () => {
    const browser = new TestBrowser(h.app);
    const head = await browser.send('/test/login/', { method: 'HEAD' });
    assert.equal(head.status, 301);
    assert.equal(head.headers.get('Location'), paths.login('test'));
    assert.equal((await browser.get(head.headers.get('Location') ?? '')).status, 200);
  });

  test('a signed-in user typing /test/users/ reaches the users page', async () => {
    const { browser } = await signIn(h);
    const response = await browser.get('/test/users/');
    assert.equal(response.status, 301);
    assert.equal((await browser.get(response.headers.get('Location') ?? '')).status, 200);
    assert.equal(browser.page.h1(), 'Users');
  });

  test('the redirect never leaves the site: leading slashes collapse to one', async () => {
    for (const typed of ['//evil.example/', '///evil.example//', '/\\evil.example/']) {
      const response = await new TestBrowser(h.app).get(typed);
      const location = response.headers.get('Location');
      if (response.status === 301) {
        assert.ok(
          location?.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\'),
          `${typed} → ${location}`,
        );
      } else {
        assert.equal(response.status, 404);
      }
    }
  });

  test('the root stays the root, and a POST with a final slash is not redirected', async () => {
    const root = await new TestBrowser(h.app).get('/');
    assert.equal(root.headers.get('Location'), paths.login('test'));
    const browser = new TestBrowser(h.app);
    await browser.get(paths.login('test'));
    const post = await browser.post('/test/login/', { form: 'pspid', pspid: 'X', password: 'y' });
    assert.equal(post.status, 404);
  });
});
