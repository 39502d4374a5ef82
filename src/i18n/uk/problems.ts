import type { problems as en } from '../en/problems';

/** Ukrainian: the titles of the API's problem+json answers; see ../en/problems.ts. */
export const problems: Record<keyof typeof en, string> = {
  'problem.bad-origin': 'Запит з іншого сайту відхилено',
  'problem.booking-cancelled': 'Це бронювання вже скасовано',
  'problem.code-used': 'Цей код уже використано; дочекайтеся наступного',
  'problem.cross-site': 'Відкрийте це з наших сторінок',
  'problem.email-not-verified': 'Спочатку підтвердьте адресу пошти',
  'problem.email-taken': 'Ця адреса вже належить іншому обліковому запису',
  'problem.forbidden': 'Вам це не дозволено',
  'problem.invalid-code': 'Код неправильний',
  'problem.invalid-credentials': 'Неправильна адреса пошти або пароль',
  'problem.last-sign-in-method': 'Цей ключ доступу — ваш єдиний спосіб увійти',
  'problem.last-sign-in-method.detail':
    'Спочатку додайте ще один ключ доступу або встановіть пароль.',
  'problem.mandatory-list':
    'Службова розсилка надсилає листи про ваш обліковий запис; від неї не можна відписатися, і вона не для оголошень',
  'problem.not-found': 'Не знайдено',
  'problem.not-restricted': 'Обробку даних цієї людини не обмежено',
  'problem.not-staff': 'Цей обліковий запис не належить працівнику',
  'problem.own-role': 'Змінити власну роль не можна',
  'problem.password-reset-required': 'Встановіть новий пароль за посиланням з листа',
  'problem.policy-acceptance-required': 'Щоб продовжити, прийміть чинну політику конфіденційності',
  'problem.policy-version-exists': 'Цю версію вже опубліковано',
  'problem.policy-version-not-current': 'Ця версія не чинна і не запланована',
  'problem.processing-restricted': 'Обробку даних цієї людини обмежено',
  'problem.processing-restricted.detail':
    'Людина обмежила обробку своїх даних; їх не можна змінювати, доки обмеження не знято. Скасувати заняття можна й зараз.',
  'problem.rate-limited': 'Забагато спроб; спробуйте пізніше',
  'problem.reauth-required': 'Підтвердьте, що це ви: увійдіть ще раз, щоб продовжити',
  'problem.too-large': 'Тіло запиту завелике',
  'problem.two-factor-expired': 'Цей вхід завершено або його час минув; увійдіть знову',
  'problem.two-factor-off': 'Двоетапний вхід не ввімкнено',
  'problem.two-factor-on': 'Двоетапний вхід уже ввімкнено',
  'problem.two-factor-setup-missing': 'Почніть із POST /me/2fa/setup (налаштування діє 30 хвилин)',
  'problem.two-factor-unavailable':
    'Коди застосунку-автентифікатора зараз не можна перевірити; резервний код працює',
  'problem.unauthenticated': 'Увійдіть, щоб продовжити',
  'problem.validation': 'Запит неправильний',
  'problem.weak-password': 'Виберіть інший пароль',
  'problem.wrong-password': 'Поточний пароль неправильний',
};
