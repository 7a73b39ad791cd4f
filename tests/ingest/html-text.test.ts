import { describe, expect, it } from 'vitest';
import { htmlToText, readHtml } from '../../src/ingest/html-text.js';

describe('readHtml', () => {
  // The regex that dropped <script>...</script> rescanned the rest on every unclosed <script: 20,000 took
  // 2.7 s, these 60,000 about 25 s, far past the test's time-out; one htmlparser2 pass takes milliseconds.
  it('reads 60,000 unclosed <script tags in one pass', () => {
    expect(htmlToText(`<p>Lead.</p>${'<script>'.repeat(60_000)}`)).toBe('Lead.');
    expect(htmlToText(`<p>Lead.</p>${'<style '.repeat(60_000)}`)).toBe('Lead.');
  });

  it('keeps text, CDATA and entities; drops comments, scripts, figures; collects links outside them', () => {
    const reading = readHtml('<!-- note --><p>One <a href="https://a.example/x">two</a> &amp; three.</p><![CDATA[Four]]><figure><a href="https://pixel.example/">p</a></figure><script>if (a < b) x()</script><p>Five<br>six</p>');
    expect(reading.text).toBe('One two & three.\n\nFour\n\nFive\n\nsix');
    expect(reading.links).toEqual(['https://a.example/x']);
  });
});
