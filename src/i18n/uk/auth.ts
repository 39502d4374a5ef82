import type { auth as en } from '../en/auth';

/** Ukrainian: sign-in, registration and password pages. */
export const auth: Record<keyof typeof en, string> = {
  'password.too-short': 'Використайте щонайменше 8 символів.',
  'password.too-long': 'Використайте не більше 128 символів.',
  'password.common': 'Це один із найпоширеніших паролів, його легко вгадати. Оберіть інший.',
  'password.same-as-identity': 'Не використовуйте як пароль свою адресу пошти чи ім’я.',
  'password.breached': 'Цей пароль з’являвся у витоках даних. Оберіть інший.',
};
