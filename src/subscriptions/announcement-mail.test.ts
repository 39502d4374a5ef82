import { describe, expect, it } from 'vitest';
import { announcementMail } from '../../emails/announcement';
import { parseConfig } from '../config';

const ctx = {
  locale: 'en' as const,
  appUrl: 'https://school.example',
  schoolName: 'School',
  controller: parseConfig({}).controller,
};
const data = {
  subject: 'Hello\r\nBcc: all@example.com\n',
  body: 'First line\nsecond line\r\n\r\n<img src=x onerror=alert(1)>',
  listName: 'News',
  unsubscribeUrl: 'https://school.example/unsubscribe?token=abc.def',
  manageUrl: 'https://school.example/account/subscriptions',
};

describe('announcementMail', () => {
  it('keeps CR/LF out of the subject', () => {
    expect(announcementMail(ctx, data).subject).toBe('Hello Bcc: all@example.com');
  });

  it('escapes the body, keeps paragraphs and line breaks, and ends with the unsubscribe link', () => {
    const mail = announcementMail(ctx, data);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('First line<br/>second line');
    expect(mail.html).toContain('href="https://school.example/unsubscribe?token=abc.def"');
    expect(mail.text).toContain('First line\nsecond line\n\n<img src=x onerror=alert(1)>');
    expect(mail.text).toMatch(
      /Unsubscribe: https:\/\/school\.example\/unsubscribe\?token=abc\.def\n/,
    );
  });
});
