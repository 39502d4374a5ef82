import type { Page } from 'playwright-core';
import type { Locale } from '../../src/i18n';

export type Who = 'visitor' | 'student' | 'staff';
export type Width = 'phone' | 'desktop';
export type Shot = {
  name: string;
  who: Who;
  /** A function when the path holds an id only known once the cabinet is seeded. */
  path: string | ((seeded: { studentId: string; bookingId: string }) => string);
  /** Something to do on the page first (submit a form, open a section). */
  act?: (page: Page) => Promise<unknown>;
  locale?: Locale;
  /** A mail instead of a page: the latest one of this template sent to the student, as HTML. */
  mail?: string;
  dark?: boolean;
  /** Scroll this element to the top of the viewport before the shot. */
  scrollTo?: string;
  widths?: Width[];
};

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

export const shots: Shot[] = [
  { name: 'home', who: 'visitor', path: '/' },
  {
    name: 'register-errors',
    who: 'visitor',
    path: '/register',
    act: async (page) => {
      await page.locator('#f-name').fill('Olena Koval');
      await page.locator('#f-email').fill('olena@example');
      await Promise.all([
        page.waitForEvent('load'),
        page.locator('form[action="/register"] button[type="submit"]').click(),
      ]);
    },
  },
  { name: 'sign-in', who: 'visitor', path: '/login' },
  { name: 'overview', who: 'student', path: '/account' },
  { name: 'profile', who: 'student', path: '/account/profile' },
  { name: 'security', who: 'student', path: '/account/security' },
  { name: 'privacy', who: 'student', path: '/account/privacy' },
  { name: 'subscriptions', who: 'student', path: '/account/subscriptions' },
  { name: 'bookings', who: 'student', path: '/account/bookings' },
  { name: 'delete-confirm', who: 'student', path: '/account/delete', widths: ['phone'] },
  { name: 'staff-card', who: 'staff', path: ({ studentId }) => `/staff/users/${studentId}` },
  {
    name: 'staff-cancel-confirm',
    who: 'staff',
    path: ({ studentId, bookingId }) => `/staff/users/${studentId}/bookings/${bookingId}/cancel`,
  },
  { name: 'staff-restrictions', who: 'staff', path: '/staff/restrictions' },
  {
    name: 'announce-confirm',
    who: 'staff',
    path: '/staff/announcements',
    act: async (page) => {
      await page.locator('#f-list').selectOption('news');
      await page.locator('#f-subject').fill('Summer timetable');
      await page.locator('#f-body').fill('From June, lessons move to mornings. See you soon!');
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Review and send…' }).click(),
      ]);
    },
  },
  {
    name: 'privacy-controller',
    who: 'visitor',
    path: '/privacy',
    scrollTo: '#controller',
    widths: ['desktop'],
  },
  { name: 'uk-overview', who: 'student', path: '/account', locale: 'uk' },
  { name: 'uk-bookings', who: 'student', path: '/account/bookings', locale: 'uk' },
  { name: 'dark-privacy', who: 'student', path: '/account/privacy', dark: true },
  { name: 'cs-overview', who: 'student', path: '/account', locale: 'cs' },
  { name: 'cs-privacy', who: 'student', path: '/account/privacy', locale: 'cs', widths: ['phone'] },
  {
    name: 'ru-mail-booking',
    who: 'student',
    path: '',
    locale: 'ru',
    mail: 'booking-confirmed',
    widths: ['phone'],
  },
];
